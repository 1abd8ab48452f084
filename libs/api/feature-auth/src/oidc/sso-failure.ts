/**
 * Why a single sign-on did not sign anyone in. The callback redirects to the web app's sign-in page
 * with `?ssoError=<code>`, and the page says it in plain Swedish or English. Stable: the web app
 * switches on them, so a code is never renamed (like the error codes of ADR 0005).
 */
export const SsoFailure = {
  /** The organisation has no single sign-on turned on (or the server cannot read its secret). */
  NotAvailable: 'SSO_NOT_AVAILABLE',
  /** No sign-in under way matches: a forged, reused or expired `state`, or another browser. */
  StateInvalid: 'SSO_STATE_INVALID',
  /** The provider answered with an error (e.g. the person cancelled) or could not be reached. */
  ProviderError: 'SSO_PROVIDER_ERROR',
  /** The code exchange or the ID token failed validation (signature, issuer, audience, expiry, nonce). */
  TokenInvalid: 'SSO_TOKEN_INVALID',
  /** The provider gave no e-mail address, or said it is not verified. */
  EmailUnverified: 'SSO_EMAIL_UNVERIFIED',
  /** The e-mail address is outside the organisation's allowed domains. */
  DomainNotAllowed: 'SSO_DOMAIN_NOT_ALLOWED',
  /** No person of the organisation has this e-mail address (no self-registration). */
  UnknownPerson: 'SSO_UNKNOWN_PERSON',
  /** The person's account is switched off. */
  PersonInactive: 'SSO_PERSON_INACTIVE',
  /** The person already signs in with another account at this provider. */
  IdentityConflict: 'SSO_IDENTITY_CONFLICT',
} as const;
export type SsoFailure = (typeof SsoFailure)[keyof typeof SsoFailure];

export class SsoRefusal extends Error {
  /** The organisation whose sign-in was refused, once known (for the audit log, ADR 0029). */
  organisationId?: string;

  constructor(
    public readonly reason: SsoFailure,
    detail: string,
    /** The person it would have signed in, when known (for the audit log). */
    public readonly personId?: string,
  ) {
    super(detail);
    this.name = 'SsoRefusal';
  }
}
