export * from './pagination';
export * from './loaders';
export * from './parse-id.pipe';
export * from './storable-text.pipe';
export * from './input-validation';
export * from './request-limits';
export * from './sample-variables';
export * from './operation-hash';
