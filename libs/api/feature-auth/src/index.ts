export * from './actor';
export * from './access.decorators';
export * from './access-policy.service';
export * from './auth.module';
export * from './login-throttle.service';
export * from './password.service';
export * from './password-rule';
export * from './session.service';
export type { RequestContext } from './request-context';
