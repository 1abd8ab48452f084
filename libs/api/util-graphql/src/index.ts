export * from './pagination';
export * from './loaders';
