import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  OrganisationSsoDocument,
  SaveOrganisationSsoDocument,
  SsoForEmailDocument,
} from '../../generated/graphql';
import type {
  OrganisationSsoFieldsFragment,
  SaveOrganisationSsoInput,
  SsoForEmailQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type OrganisationSso = OrganisationSsoFieldsFragment;
export type SsoOption = NonNullable<SsoForEmailQuery['ssoForEmail']>;
export type { SaveOrganisationSsoInput };

/**
 * Why a single sign-on did not sign anyone in: the `ssoError` the API's callback puts on the
 * sign-in page (libs/api/feature-auth/src/oidc/sso-failure.ts). Anything else is shown as the
 * provider error.
 */
export const SSO_FAILURES = [
  'SSO_NOT_AVAILABLE',
  'SSO_STATE_INVALID',
  'SSO_PROVIDER_ERROR',
  'SSO_TOKEN_INVALID',
  'SSO_EMAIL_UNVERIFIED',
  'SSO_DOMAIN_NOT_ALLOWED',
  'SSO_UNKNOWN_PERSON',
  'SSO_PERSON_INACTIVE',
  'SSO_IDENTITY_CONFLICT',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** The translation key for an `ssoError` value, or null when there is none. */
export function ssoFailureKey(code: string | null | undefined): string | null {
  if (!code) return null;
  const known = (SSO_FAILURES as readonly string[]).includes(code) ? code : 'SSO_PROVIDER_ERROR';
  return `sso.failure.${known}`;
}

/** Single sign-on: the sign-in page's lookup by e-mail domain, and the administrators' settings. */
@Injectable({ providedIn: 'root' })
export class SsoApi {
  private readonly gql = inject(GraphqlClient);

  /** The organisation's single sign-on for this address's domain, or null (public). */
  forEmail(email: string): Observable<SsoOption | null> {
    return this.gql
      .request(SsoForEmailDocument, { input: { email } })
      .pipe(map((r) => r.ssoForEmail ?? null));
  }

  /** Administrators of the organisation only. */
  settings(organisationId: string): Observable<OrganisationSso> {
    return this.gql.request(OrganisationSsoDocument, { organisationId }).pipe(map((r) => r.organisationSso));
  }

  /** Saves the settings whole; a null clientSecret keeps the stored one. */
  save(input: SaveOrganisationSsoInput): Observable<OrganisationSso> {
    return this.gql.request(SaveOrganisationSsoDocument, { input }).pipe(map((r) => r.saveOrganisationSso));
  }
}
