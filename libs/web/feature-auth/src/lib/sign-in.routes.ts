import type { Routes } from '@angular/router';
import { RequestLinkPage } from './account/request-link.page';
import { SignInPage } from './sign-in/sign-in.page';

/** Signed out only (`/sign-in`): the sign-in page and asking for a mailed link (ADR 0013). */
export const signInRoutes: Routes = [
  { path: '', component: SignInPage, title: 'signIn.title' },
  {
    path: 'forgot-password',
    component: RequestLinkPage,
    data: { kind: 'passwordReset' },
    title: 'account.request.passwordReset.title',
  },
  {
    path: 'link',
    component: RequestLinkPage,
    data: { kind: 'signInLink' },
    title: 'account.request.signInLink.title',
  },
];

/**
 * Where mailed links lead (ADR 0013; the paths are MAIL_PATHS in libs/mail/util-templates, and
 * mails already sent depend on them). Open to everyone: using a link signs in as its person.
 */
export const accountLinkRoutes: Routes = [
  {
    path: 'invitation',
    loadComponent: () => import('./account/set-password.page').then((m) => m.SetPasswordPage),
    data: { mode: 'invitation' },
    title: 'account.invitation.title',
  },
  {
    path: 'reset-password',
    loadComponent: () => import('./account/set-password.page').then((m) => m.SetPasswordPage),
    data: { mode: 'reset' },
    title: 'account.reset.title',
  },
  {
    path: 'sign-in-link',
    loadComponent: () => import('./account/link-sign-in.page').then((m) => m.LinkSignInPage),
    title: 'account.link.title',
  },
];
