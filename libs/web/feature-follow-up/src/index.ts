export { followUpRoutes } from './lib/follow-up.routes';
