export { reviewRoutes } from './lib/review.routes';
export { feedbackFormPath, feedbackOverviewPath, receivedFeedbackPath } from './lib/review.paths';
export { AnnotatedAnalysisComponent } from './lib/passages/annotated-analysis.component';
export type { AnnotatedSection } from './lib/passages/annotated-analysis.component';
