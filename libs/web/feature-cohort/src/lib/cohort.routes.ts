import type { Routes } from '@angular/router';
import { CohortOverviewPage } from './overview/cohort-overview.page';

export const cohortRoutes: Routes = [{ path: '', component: CohortOverviewPage, title: 'cohort.title' }];
