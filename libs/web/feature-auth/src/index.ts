export { signInRoutes } from './lib/sign-in.routes';
