import type { Routes } from '@angular/router';
import { AccessibilityStatementPage } from './accessibility-statement.page';

/** `/tillganglighet`: the accessibility statement, public, linked from every page's footer (issue 12). */
export const accessibilityRoutes: Routes = [
  { path: '', component: AccessibilityStatementPage, title: 'accessibility.title' },
];
