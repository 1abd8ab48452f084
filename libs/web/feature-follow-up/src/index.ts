export { dashboardRoutes, followUpRoutes } from './lib/follow-up.routes';
