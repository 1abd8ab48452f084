export { cohortRoutes } from './lib/cohort.routes';
