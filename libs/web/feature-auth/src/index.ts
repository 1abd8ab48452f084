export { accountLinkRoutes, signInRoutes } from './lib/sign-in.routes';
