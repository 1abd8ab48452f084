import type { Routes } from '@angular/router';
import { FeedbackFormPage } from './form/feedback-form.page';
import { ReviewOverviewPage } from './overview/review-overview.page';
import { ReceivedFeedbackPage } from './received/received-feedback.page';

/** Mounted at /cohorts/:cohortId/feedback (paths in review.paths.ts). */
export const reviewRoutes: Routes = [
  { path: '', component: ReviewOverviewPage, title: 'review.overview.title' },
  { path: 'analyses/:analysisId', component: FeedbackFormPage, title: 'review.form.title' },
  { path: 'received/:analysisId', component: ReceivedFeedbackPage, title: 'review.received.title' },
];
