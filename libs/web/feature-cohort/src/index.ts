export { cohortRoutes } from './lib/cohort.routes';
export { cohortListRoutes } from './lib/cohort-list.routes';
