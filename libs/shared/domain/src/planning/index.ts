export * from './derive-rounds';
export * from './school-holidays';
