export * from './pagination';
export * from './loaders';
export * from './uuid.pipe';
