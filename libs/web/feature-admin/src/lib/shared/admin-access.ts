import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { SessionStore } from '@stl/web/data-access';

/**
 * The admin pages are for administrators. Anyone else matches the "not allowed" page instead (the
 * API refuses them anyway); someone signed out is sent to sign in by the app's own guard.
 */
export const administratorOnly: CanMatchFn = async () => {
  const session = inject(SessionStore);
  try {
    await session.ensureLoaded();
  } catch {
    return false;
  }
  return session.hasRole('ADMINISTRATOR');
};
