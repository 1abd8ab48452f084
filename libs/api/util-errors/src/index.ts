export * from './error-codes';
export * from './domain-error';
export * from './format-error';
export * from './field-problem-codes';
