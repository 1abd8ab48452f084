export * from './cohort-feature.module';
