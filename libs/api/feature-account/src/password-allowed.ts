import type { SsoSettingsService } from '@stl/api/feature-auth';
import { DomainError } from '@stl/api/util-errors';

/**
 * Refuses setting a password or signing in without single sign-on for a person whose organisation
 * has turned password sign-in off (ADR 0014): PASSWORD_SIGN_IN_DISABLED, with where single sign-on
 * starts. Administrators keep password sign-in, so someone can always mend the settings.
 */
export async function assertPasswordSignInAllowed(
  sso: SsoSettingsService,
  person: { id: string; organisationId: string | null },
): Promise<void> {
  const refusal = await sso.passwordRefusal(person);
  if (refusal) {
    throw new DomainError(
      'PASSWORD_SIGN_IN_DISABLED',
      'Your organisation signs you in with single sign-on; passwords and sign-in links are off.',
      [],
      refusal,
    );
  }
}
