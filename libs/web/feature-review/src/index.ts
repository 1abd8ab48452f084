export { reviewRoutes } from './lib/review.routes';
export { feedbackFormPath, feedbackOverviewPath, receivedFeedbackPath } from './lib/review.paths';
