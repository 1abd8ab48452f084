export * from './error-codes';
export * from './field-problem-codes';
