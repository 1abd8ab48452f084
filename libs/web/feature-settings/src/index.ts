export { settingsRoutes } from './lib/settings.routes';
