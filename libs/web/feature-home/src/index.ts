export { homeRoutes } from './lib/home.routes';
export { selfAssessmentRoutes } from './lib/self-assessment/self-assessment.routes';
