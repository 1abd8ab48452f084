import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource, LessThan, Repository } from 'typeorm';
import { OidcSignInAttemptEntity, PersonEntity, PersonIdentityEntity } from '@stl/api/data-access-db';
import { OidcProviderClient } from './oidc-provider.client';
import { SsoFailure, SsoRefusal } from './sso-failure';
import { emailDomain, SsoSettingsService } from './sso-settings.service';

/** A sign-in started must come back within this. */
export const OIDC_ATTEMPT_TTL_MS = 10 * 60 * 1000;
/** Scopes asked for: the ID token (openid), the e-mail address and the name. */
export const OIDC_SCOPES = 'openid email profile';

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The authorization code flow with PKCE (S256), state and nonce (ADR 0014). `start` keeps the
 * state's digest, the nonce and the code verifier server-side and binds them to the browser;
 * `finish` takes them back once, lets openid-client exchange the code and validate the ID token,
 * and finds the person: by (issuer, subject) first, else by e-mail within the organisation.
 */
@Injectable()
export class OidcSignInService {
  private readonly log = new Logger('SSO');

  constructor(
    private readonly settings: SsoSettingsService,
    private readonly provider: OidcProviderClient,
    @InjectRepository(OidcSignInAttemptEntity) private readonly attempts: Repository<OidcSignInAttemptEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Starts a sign-in at the organisation's provider. Returns where to send the browser and the value
   * of the HttpOnly cookie that binds the attempt to it.
   */
  async start(slug: string, loginHint: string | undefined): Promise<{ url: string; browserBinding: string }> {
    const organisation = await this.settings.organisationBySlug(slug);
    const sso = organisation ? await this.settings.enabledFor(organisation.id) : null;
    if (!organisation || !sso) throw new SsoRefusal(SsoFailure.NotAvailable, `no SSO for "${slug}"`);
    let config: oidc.Configuration;
    try {
      config = await this.provider.configuration(sso.issuer, sso.clientId, sso.clientSecret);
    } catch (e) {
      throw new SsoRefusal(SsoFailure.ProviderError, `discovery failed: ${(e as Error).message}`);
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browserBinding = randomBytes(32).toString('base64url');
    const now = Date.now();
    // Attempts never finished are deleted by the next start; each lives 10 minutes at most anyway.
    await this.attempts.delete({ expiresAt: LessThan(new Date(now)) });
    await this.attempts.insert({
      id: digest(state),
      browserDigest: digest(browserBinding),
      organisationId: organisation.id,
      codeVerifier,
      nonce,
      expiresAt: new Date(now + OIDC_ATTEMPT_TTL_MS),
    });
    const parameters: Record<string, string> = {
      redirect_uri: this.settings.redirectUri(),
      scope: OIDC_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (loginHint && /^[^\s@]{1,64}@[^\s@]{1,253}$/.test(loginHint) && emailDomain(loginHint)) {
      parameters['login_hint'] = loginHint;
    }
    return { url: oidc.buildAuthorizationUrl(config, parameters).href, browserBinding };
  }

  /**
   * Completes a sign-in from the provider's redirect (`search` is the callback's query string) in the
   * browser holding `browserBinding`. Returns the person to start a session for, or throws an
   * SsoRefusal with the reason.
   */
  async finish(search: URLSearchParams, browserBinding: string | undefined): Promise<{ personId: string }> {
    const state = search.get('state');
    if (!state) throw new SsoRefusal(SsoFailure.StateInvalid, 'no state');
    // Taken once: a replayed callback finds nothing.
    const { raw } = await this.attempts
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id: digest(state) })
      .returning('*')
      .execute();
    const row = (raw as Record<string, unknown>[])[0];
    if (!row) throw new SsoRefusal(SsoFailure.StateInvalid, 'unknown state');
    const attempt = {
      browserDigest: row['browser_digest'] as string,
      organisationId: row['organisation_id'] as string,
      codeVerifier: row['code_verifier'] as string,
      nonce: row['nonce'] as string,
      expiresAt: new Date(row['expires_at'] as string),
    };
    try {
      return await this.finishAttempt(search, browserBinding, state, attempt);
    } catch (e) {
      // The audit log (ADR 0029) files a refusal under the organisation whose sign-in it was.
      if (e instanceof SsoRefusal) e.organisationId ??= attempt.organisationId;
      throw e;
    }
  }

  private async finishAttempt(
    search: URLSearchParams,
    browserBinding: string | undefined,
    state: string,
    attempt: {
      browserDigest: string;
      organisationId: string;
      codeVerifier: string;
      nonce: string;
      expiresAt: Date;
    },
  ): Promise<{ personId: string }> {
    if (!browserBinding || digest(browserBinding) !== attempt.browserDigest)
      throw new SsoRefusal(SsoFailure.StateInvalid, 'started in another browser');
    if (attempt.expiresAt.getTime() <= Date.now()) throw new SsoRefusal(SsoFailure.StateInvalid, 'expired');
    const sso = await this.settings.enabledFor(attempt.organisationId);
    if (!sso) throw new SsoRefusal(SsoFailure.NotAvailable, 'SSO turned off meanwhile');
    if (search.get('error')) {
      throw new SsoRefusal(
        SsoFailure.ProviderError,
        `provider said ${search.get('error')}: ${search.get('error_description') ?? ''}`,
      );
    }
    let config: oidc.Configuration;
    try {
      config = await this.provider.configuration(sso.issuer, sso.clientId, sso.clientSecret);
    } catch (e) {
      throw new SsoRefusal(SsoFailure.ProviderError, `discovery failed: ${(e as Error).message}`);
    }
    const currentUrl = new URL(this.settings.redirectUri());
    currentUrl.search = search.toString();
    let claims: oidc.IDToken;
    let accessToken: string;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = idClaims;
      accessToken = tokens.access_token;
    } catch (e) {
      const err = e as Error & { code?: string; error?: string };
      if (err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError) {
        throw new SsoRefusal(SsoFailure.ProviderError, `${err.error}: ${err.message}`);
      }
      throw new SsoRefusal(SsoFailure.TokenInvalid, `${err.code ?? err.name}: ${err.message}`);
    }
    let email = typeof claims['email'] === 'string' ? claims['email'] : undefined;
    let verified = claims['email_verified'];
    if (!email) {
      // Some providers put the address only in UserInfo; that answer must be about the same subject.
      try {
        const info = await oidc.fetchUserInfo(config, accessToken, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
        verified = info.email_verified;
      } catch (e) {
        this.log.warn(`UserInfo failed: ${(e as Error).message}`);
      }
    }
    if (!email || verified === false || verified === 'false')
      throw new SsoRefusal(SsoFailure.EmailUnverified, email ? `${email} not verified` : 'no e-mail claim');
    email = email.trim().toLowerCase();
    const domain = emailDomain(email);
    if (!domain || !sso.allowedDomains.includes(domain))
      throw new SsoRefusal(SsoFailure.DomainNotAllowed, `${email} outside ${sso.allowedDomains.join(', ')}`);
    return this.match(attempt.organisationId, claims.iss, claims.sub, email);
  }

  /** The person for a validated identity: by (issuer, subject), else by e-mail in the organisation. */
  private match(
    organisationId: string,
    issuer: string,
    subject: string,
    email: string,
  ): Promise<{ personId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const known = await manager.findOne(PersonIdentityEntity, {
        where: { issuer, subject },
        relations: { person: true },
      });
      let person = known?.person ?? null;
      if (person && person.organisationId !== organisationId) {
        throw new SsoRefusal(
          SsoFailure.UnknownPerson,
          `${issuer} ${subject} belongs to another organisation`,
        );
      }
      if (!person) {
        person = await manager.findOne(PersonEntity, { where: { email, organisationId } });
        if (!person)
          throw new SsoRefusal(SsoFailure.UnknownPerson, `${email} is not a person of the organisation`);
        // Someone else at this provider already signed in as this person: an address handed on to
        // another account must not take over the person.
        const other = await manager.findOne(PersonIdentityEntity, { where: { personId: person.id, issuer } });
        if (other)
          throw new SsoRefusal(
            SsoFailure.IdentityConflict,
            `${email} is linked to another subject`,
            person.id,
          );
      }
      if (!person.active)
        throw new SsoRefusal(SsoFailure.PersonInactive, `${person.id} is inactive`, person.id);
      if (known) {
        await manager.update(PersonIdentityEntity, { id: known.id }, { lastSignInAt: new Date() });
      } else {
        await manager.insert(PersonIdentityEntity, {
          personId: person.id,
          issuer,
          subject,
          lastSignInAt: new Date(),
        });
      }
      return { personId: person.id };
    });
  }
}
