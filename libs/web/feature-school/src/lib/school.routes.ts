import type { Routes } from '@angular/router';
import { SchoolOverviewPage } from './overview/school-overview.page';

/** Mounted at /school. */
export const schoolRoutes: Routes = [{ path: '', component: SchoolOverviewPage, title: 'school.title' }];
