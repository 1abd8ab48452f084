import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import { SessionStore } from './session.store';

/** Pages behind sign-in: without a session, go to the sign-in page and come back afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  try {
    if (await inject(SessionStore).ensureLoaded()) return true;
  } catch {
    // The API cannot be reached: the sign-in page says so when the person tries.
  }
  return router.createUrlTree(['/sign-in'], { queryParams: state.url === '/' ? {} : { next: state.url } });
};

/** The sign-in page is for people who are not signed in yet. */
export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  try {
    if (await inject(SessionStore).ensureLoaded()) return router.createUrlTree(['/']);
  } catch {
    // Offline: show the sign-in page anyway.
  }
  return true;
};

/**
 * Pages of an organisation's members (home, cohorts…): a platform operator, who has none of them
 * (ADR 0015), is taken to the organisations instead.
 */
export const membersOnlyGuard: CanActivateFn = async () => {
  // Both injected before the first await: there is no injection context after it.
  const session = inject(SessionStore);
  const router = inject(Router);
  try {
    await session.ensureLoaded();
  } catch {
    return true;
  }
  return session.isPlatformOperator() ? router.createUrlTree(['/operator']) : true;
};
