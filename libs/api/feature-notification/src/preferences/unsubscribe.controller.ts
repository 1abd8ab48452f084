import { Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PersonEntity } from '@stl/api/data-access-db';
import { Public } from '@stl/api/feature-auth';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { toMailLocale } from '@stl/mail/util-templates';
import type { MailLocale } from '@stl/mail/util-templates';
import { PreferenceService } from './preference.service';
import { confirmPage, donePage, invalidLinkPage } from './unsubscribe-page';
import { verifyUnsubscribeToken } from './unsubscribe-token';
import type { UnsubscribeClaim } from './unsubscribe-token';

/**
 * The one-click unsubscribe link of every mail, no login needed: GET shows a page that asks (so a
 * mail scanner opening links changes nothing), POST turns the kind off. POST is also what a mail
 * client sends for `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). A token that is
 * not genuine gets 400 and changes nothing.
 */
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  private readonly settings: NotificationConfig;

  constructor(
    private readonly preferences: PreferenceService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.notification;
  }

  @Get()
  async ask(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const found = await this.claim(token);
    if (!found) return this.send(res, 400, invalidLinkPage(this.settings.publicWebUrl));
    this.send(
      res,
      200,
      confirmPage({
        ...found.claim,
        locale: found.locale,
        token: token as string,
        publicWebUrl: this.settings.publicWebUrl,
      }),
    );
  }

  @Post()
  async unsubscribe(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const found = await this.claim(token);
    if (!found) return this.send(res, 400, invalidLinkPage(this.settings.publicWebUrl));
    await this.preferences.unsubscribe(found.claim.personId, found.claim.kind);
    this.send(
      res,
      200,
      donePage({ ...found.claim, locale: found.locale, publicWebUrl: this.settings.publicWebUrl }),
    );
  }

  private async claim(token: unknown): Promise<{ claim: UnsubscribeClaim; locale: MailLocale } | null> {
    const claim = verifyUnsubscribeToken(token, this.settings.linkSecret);
    if (!claim) return null;
    const person = await this.dataSource.getRepository(PersonEntity).findOne({
      select: { id: true, locale: true },
      where: { id: claim.personId },
    });
    return person ? { claim, locale: toMailLocale(person.locale) } : null;
  }

  private send(res: Response, status: number, html: string): void {
    res
      .status(status)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Robots-Tag': 'noindex',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      })
      .send(html);
  }
}
