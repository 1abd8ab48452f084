export * from './pagination';
export * from './loaders';
export * from './parse-id.pipe';
export * from './input-validation';
export * from './code-enums';
