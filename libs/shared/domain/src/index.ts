export * from './rules';
export * from './allocation';
export * from './completion';
export * from './calendar';
export * from './passwords';
export * from './cohort';
export * from './tables';
export * from './errors';
