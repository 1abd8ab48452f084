export * from './derive-rounds';
