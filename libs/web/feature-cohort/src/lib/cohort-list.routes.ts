import type { Routes } from '@angular/router';
import { CohortListPage } from './list/cohort-list.page';

/** My cohorts (`/cohorts`), and a new one. */
export const cohortListRoutes: Routes = [{ path: '', component: CohortListPage, title: 'setup.list.title' }];
