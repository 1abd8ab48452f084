import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';

/** How long a provider's discovered metadata is reused before it is read again. */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
/** A provider that does not answer within this is treated as unreachable. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The platform's only way to talk to OpenID Connect providers, through `openid-client` (ADR 0014):
 * discovery, the authorization URL, the code exchange and the ID token's validation (signature
 * against the issuer's JWKS, iss, aud, exp, iat, nonce) are the library's, never ours.
 */
@Injectable()
export class OidcProviderClient {
  private readonly cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  constructor(@Inject(APP_CONFIG) private readonly appConfig: AppConfig) {}

  /** Plain http only for a provider on this machine outside production (tests, local trials). */
  private insecureAllowed(issuer: URL): boolean {
    return (
      issuer.protocol === 'http:' &&
      this.appConfig.env !== 'production' &&
      (issuer.hostname === '127.0.0.1' || issuer.hostname === 'localhost')
    );
  }

  private async discoverNow(
    issuer: string,
    clientId: string,
    clientSecret: string,
  ): Promise<oidc.Configuration> {
    const url = new URL(issuer);
    const execute = this.insecureAllowed(url) ? [oidc.allowInsecureRequests] : [];
    const config = await oidc.discovery(
      url,
      clientId,
      { client_secret: clientSecret },
      oidc.ClientSecretPost(clientSecret),
      { execute, timeout: PROVIDER_TIMEOUT_SECONDS },
    );
    // The secret goes in the request body unless the provider says it takes it only as HTTP Basic.
    const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
    if (!methods || methods.includes('client_secret_post') || !methods.includes('client_secret_basic'))
      return config;
    const basic = new oidc.Configuration(
      config.serverMetadata(),
      clientId,
      { client_secret: clientSecret },
      oidc.ClientSecretBasic(clientSecret),
    );
    for (const apply of execute) apply(basic);
    return basic;
  }

  /** Reads the issuer's discovery document; returns the issuer exactly as the provider states it. */
  async verifyIssuer(issuer: string): Promise<string> {
    const config = await this.discoverNow(issuer, 'discovery-check', 'discovery-check');
    return config.serverMetadata().issuer;
  }

  /** The client configuration for an organisation's provider, discovered at most every 10 minutes. */
  configuration(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
    const key = createHash('sha256')
      .update(JSON.stringify([issuer, clientId, clientSecret]))
      .digest('hex');
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const config = this.discoverNow(issuer, clientId, clientSecret);
    this.cache.set(key, { at: Date.now(), config });
    // A failed discovery is not remembered: the next sign-in tries again.
    config.catch(() => this.cache.delete(key));
    return config;
  }
}
