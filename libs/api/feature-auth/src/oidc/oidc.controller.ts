import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { AuditEventKind, AuditOutcome } from '@stl/api/data-access-db';
import { Public } from '../access.decorators';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../request-context';
import { SessionService } from '../session.service';
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
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    res.clearCookie(OIDC_BINDING_COOKIE, { path: BINDING_PATH });
    const search = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const { personId } = await this.flow.finish(search, cookies[OIDC_BINDING_COOKIE]);
      // A new session id, as for every way of signing in (a cookie the browser brought along ends).
      await this.sessions.signInOn({ req, res } as RequestContext, personId, 'SSO');
      this.log.log(`Person ${personId} signed in with single sign-on.`);
      res.redirect(303, `${this.config.notification.publicWebUrl}/`);
    } catch (e) {
      await this.auditRefusal(e);
      this.refuse(res, e);
    }
  }

  /**
   * A refused single sign-on is logged under its organisation (ADR 0029); a callback that matches
   * no sign-in under way names no organisation and is not logged, so made-up requests cannot fill
   * the log.
   */
  private async auditRefusal(e: unknown): Promise<void> {
    if (!(e instanceof SsoRefusal) || !e.organisationId) return;
    await this.audit.recordQuietly({
      kind: AuditEventKind.SIGN_IN,
      outcome: e.reason === SsoFailure.ProviderError ? AuditOutcome.FAILED : AuditOutcome.REFUSED,
      actorId: e.personId ?? null,
      organisationId: e.organisationId,
      details: { method: 'SSO', code: e.reason },
    });
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
