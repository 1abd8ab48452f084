export { analysisEditorRoutes, analysisReadRoutes, sharedSpaceRoutes } from './lib/analysis.routes';
