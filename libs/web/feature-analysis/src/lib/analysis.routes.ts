import type { Routes } from '@angular/router';
import { AnalysisEditorPage } from './editor/analysis-editor.page';
import { AnalysisReadPage } from './reading/analysis-read.page';
import { SharedSpacePage } from './shared-space/shared-space.page';

/** Mounted at /cohorts/:cohortId/rounds/:roundId/analysis. */
export const analysisEditorRoutes: Routes = [
  { path: '', component: AnalysisEditorPage, title: 'editor.title' },
];

/** Mounted at /cohorts/:cohortId/shared. */
export const sharedSpaceRoutes: Routes = [{ path: '', component: SharedSpacePage, title: 'shared.title' }];

/** Mounted at /cohorts/:cohortId/analyses/:analysisId. */
export const analysisReadRoutes: Routes = [{ path: '', component: AnalysisReadPage, title: 'read.title' }];
