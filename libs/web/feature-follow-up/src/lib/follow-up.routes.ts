import type { Routes } from '@angular/router';
import { AllocationPage } from './allocation/allocation.page';
import { ProgressMatrixPage } from './matrix/progress-matrix.page';

/** Mounted at /cohorts/:cohortId/follow-up. */
export const followUpRoutes: Routes = [
  { path: '', component: ProgressMatrixPage, title: 'followUp.matrix.title' },
  {
    path: 'feedback-quality',
    loadComponent: () =>
      import('./feedback-quality/feedback-quality.page').then((m) => m.FeedbackQualityPage),
    title: 'followUp.quality.title',
  },
  { path: 'rounds/:roundId/allocation', component: AllocationPage, title: 'followUp.allocation.title' },
];
