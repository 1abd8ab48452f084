import type { Routes } from '@angular/router';

/** Filled in as the screens land. */
export const schoolRoutes: Routes = [];
