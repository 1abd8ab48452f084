import type { Routes } from '@angular/router';

/** My cohorts (`/cohorts`). Filled in as the screen lands. */
export const cohortListRoutes: Routes = [];
