export * from './review-feature.module';
export { ProgressService } from './progress/progress.service';
