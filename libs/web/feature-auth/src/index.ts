export { accountLinkRoutes, signInRoutes } from './lib/sign-in.routes';
export { accessibilityRoutes } from './lib/accessibility/accessibility.routes';
