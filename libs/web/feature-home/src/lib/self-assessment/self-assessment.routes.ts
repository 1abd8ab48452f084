import type { Routes } from '@angular/router';

/** Self-assessment before and after (issue 14): the follow-up, the statements, a participant's form. */
export const selfAssessmentRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./self-assessment-results.page').then((m) => m.SelfAssessmentResultsPage),
    title: 'selfAssessment.results.title',
  },
  {
    path: 'questions',
    loadComponent: () =>
      import('./self-assessment-questions.page').then((m) => m.SelfAssessmentQuestionsPage),
    title: 'selfAssessment.questions.title',
  },
  {
    path: ':cohortId',
    loadComponent: () => import('./self-assessment-form.page').then((m) => m.SelfAssessmentFormPage),
    title: 'selfAssessment.title',
  },
];
