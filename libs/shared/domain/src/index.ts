export * from './rules';
export * from './allocation';
