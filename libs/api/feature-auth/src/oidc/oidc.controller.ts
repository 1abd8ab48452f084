import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { Public } from '../access.decorators';
import { SessionService, sessionCookieOptions } from '../session.service';
import { OIDC_ATTEMPT_TTL_MS, OidcSignInService } from './oidc-sign-in.service';
import { SsoFailure, SsoRefusal } from './sso-failure';

/** The HttpOnly cookie that binds a sign-in under way to the browser that started it. */
export const OIDC_BINDING_COOKIE = 'stl_oidc';
const BINDING_PATH = '/auth/oidc';

/**
 * Single sign-on over plain HTTP redirects (ADR 0014): `start` sends the browser to the
 * organisation's provider, `callback` is where the provider sends it back. Success sets the same
 * session cookie as password sign-in and goes to the web app; every refusal goes to the sign-in
 * page with `?ssoError=<SsoFailure>` and nothing signed in.
 */
@Controller('auth/oidc')
@Public()
export class OidcController {
  private readonly log = new Logger('SSO');

  constructor(
    private readonly flow: OidcSignInService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    res.clearCookie(OIDC_BINDING_COOKIE, { path: BINDING_PATH });
    const search = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const { personId } = await this.flow.finish(search, cookies[OIDC_BINDING_COOKIE]);
      // Session fixation: a session cookie the browser brought along ends; a new one starts.
      const presented = cookies[this.config.session.cookieName];
      if (presented) await this.sessions.end(presented);
      const { token, cookieExpiresAt } = await this.sessions.start(personId, req.get('user-agent') ?? null);
      res.cookie(this.config.session.cookieName, token, sessionCookieOptions(this.config, cookieExpiresAt));
      this.log.log(`Person ${personId} signed in with single sign-on.`);
      res.redirect(303, `${this.config.notification.publicWebUrl}/`);
    } catch (e) {
      this.refuse(res, e);
    }
  }

  @Get(':slug/start')
  async start(
    @Param('slug') slug: string,
    @Query('login_hint') loginHint: unknown,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const { url, browserBinding } = await this.flow.start(
        slug,
        typeof loginHint === 'string' ? loginHint : undefined,
      );
      res.cookie(OIDC_BINDING_COOKIE, browserBinding, {
        httpOnly: true,
        // Lax: sent on the provider's top-level redirect back to the callback, never on cross-site subrequests.
        sameSite: 'lax',
        secure: this.config.session.cookieSecure,
        maxAge: OIDC_ATTEMPT_TTL_MS,
        path: BINDING_PATH,
      });
      res.redirect(303, url);
    } catch (e) {
      this.refuse(res, e);
    }
  }

  private refuse(res: Response, e: unknown): void {
    const reason = e instanceof SsoRefusal ? e.reason : SsoFailure.ProviderError;
    if (e instanceof SsoRefusal) this.log.warn(`Single sign-on refused (${e.reason}): ${e.message}`);
    else this.log.error(`Single sign-on failed: ${(e as Error).stack ?? String(e)}`);
    res.redirect(303, `${this.config.notification.publicWebUrl}/sign-in?ssoError=${reason}`);
  }
}
