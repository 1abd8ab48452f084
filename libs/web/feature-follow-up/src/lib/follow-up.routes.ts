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

/**
 * Mounted at /follow-up: the organisation dashboard (issue 14). Its own lazy chunk with the chart
 * library, which nothing else loads.
 */
export const dashboardRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'dashboard.title',
  },
];
