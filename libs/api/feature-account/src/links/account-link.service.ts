import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountTokenPurpose, PersonEntity } from '@stl/api/data-access-db';
import {
  ACCOUNT_MAIL_SCOPE,
  LoginThrottleService,
  PasswordService,
  SessionService,
  SsoSettingsService,
  assertAcceptablePassword,
} from '@stl/api/feature-auth';
import { OutboxService } from '@stl/api/feature-notification';
import { MailKind } from '@stl/mail/util-templates';
import { AccountTokenService } from '../account-token.service';
import type { LinkHolder } from '../account-token.service';
import { assertPasswordSignInAllowed } from '../password-allowed';

type MailedPurpose = AccountTokenPurpose.PASSWORD_RESET | AccountTokenPurpose.SIGN_IN_LINK;

const KIND: Record<MailedPurpose, typeof MailKind.PASSWORD_RESET | typeof MailKind.SIGN_IN_LINK> = {
  [AccountTokenPurpose.PASSWORD_RESET]: MailKind.PASSWORD_RESET,
  [AccountTokenPurpose.SIGN_IN_LINK]: MailKind.SIGN_IN_LINK,
};

/**
 * "Forgot password?" and the one-time sign-in link (ADR 0013). Asking for a link answers the same,
 * at once, whether or not the address has an account: the request only counts against the limits
 * (per address and per e-mail, in `login_throttle`, shared by every process) and hands the rest to
 * work that runs after the answer, so neither the answer nor its timing tells whether anyone
 * was found.
 */
@Injectable()
export class AccountLinkService implements OnModuleDestroy {
  private readonly log = new Logger('AccountLinks');
  /** Work started after an answer, awaited at shutdown so no mail is lost half-written. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccountTokenService,
    private readonly outbox: OutboxService,
    private readonly throttle: LoginThrottleService,
    private readonly passwords: PasswordService,
    private readonly sso: SsoSettingsService,
  ) {}

  /**
   * Counts the request (TOO_MANY_ATTEMPTS with retryAfterSeconds when the address or the e-mail is
   * over its limit, for known and unknown e-mails alike), then returns; the link is made and mailed
   * afterwards, if an active person has this e-mail. `settled` resolves when that work is done.
   */
  async request(purpose: MailedPurpose, email: string, address: string): Promise<{ settled: Promise<void> }> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.admit(normalised, address, new Date(), ACCOUNT_MAIL_SCOPE);
    const settled = this.mail(purpose, normalised).catch((err: unknown) => {
      this.log.error(`Could not make a ${purpose} link: ${String(err)}`);
    });
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
    return { settled };
  }

  /**
   * Sets a new password with a reset link: the link checked, the password rule applied, then in one
   * transaction the link used (once), the password stored, every session of the person ended and
   * their other unused reset and sign-in links deleted. The caller starts the new session.
   */
  async resetPassword(token: string, newPassword: string): Promise<LinkHolder> {
    const holder = await this.tokens.check(AccountTokenPurpose.PASSWORD_RESET, token);
    const person = await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: holder.personId });
    await assertPasswordSignInAllowed(this.sso, person);
    assertAcceptablePassword('newPassword', newPassword, { email: person.email, fullName: person.fullName });
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (m) => {
      const used = await this.tokens.use(m, AccountTokenPurpose.PASSWORD_RESET, token);
      await m.update(PersonEntity, { id: used.personId }, { passwordHash });
      await SessionService.endAllFor(m, used.personId);
      await this.tokens.revoke(m, used.personId, [
        AccountTokenPurpose.PASSWORD_RESET,
        AccountTokenPurpose.SIGN_IN_LINK,
      ]);
      return used;
    });
  }

  /**
   * Uses a sign-in link (once); the caller starts the new session. Refused, with the link left
   * unused, when the person's organisation signs in only with single sign-on.
   */
  async signInWithLink(token: string): Promise<LinkHolder> {
    const holder = await this.tokens.check(AccountTokenPurpose.SIGN_IN_LINK, token);
    const person = await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: holder.personId });
    await assertPasswordSignInAllowed(this.sso, person);
    return this.dataSource.transaction((m) => this.tokens.use(m, AccountTokenPurpose.SIGN_IN_LINK, token));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async mail(purpose: MailedPurpose, email: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [person]: { id: string; organisation_id: string }[] = await m.query(
        // A platform operator has no organisation, so no outbox (ADR 0015): treated as unknown here;
        // they get a new link from `npm run stl -- operator:link`.
        `SELECT id, organisation_id FROM person WHERE email = $1 AND active AND organisation_id IS NOT NULL FOR UPDATE`,
        [email],
      );
      if (!person) return;
      // No reset or sign-in link for someone whose organisation signs in only with single sign-on.
      if (await this.sso.passwordRefusal({ id: person.id, organisationId: person.organisation_id })) return;
      const [link] = await this.tokens.issue(m, purpose, [person.id], null);
      await this.outbox.enqueue(m, {
        idempotencyKey: `${KIND[purpose]}:${link.tokenId}`,
        kind: KIND[purpose],
        recipientId: person.id,
        data: { tokenId: link.tokenId, expiresAt: link.expiresAt.toISOString() },
        refs: { accountTokenId: link.tokenId },
      });
    });
  }
}
