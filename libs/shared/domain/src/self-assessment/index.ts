export * from './seed-questions';
export * from './window';
export * from './aggregate';
