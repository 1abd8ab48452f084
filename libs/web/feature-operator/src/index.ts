export { operatorRoutes, operatorOnly, operatorHome } from './lib/operator.routes';
