import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AccountTokenPurpose } from '@stl/api/data-access-db';
import { accountLinkToken, accountTokenHash } from '@stl/api/feature-notification';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { DomainError, ErrorCode } from '@stl/api/util-errors';

/** A link just made: its row id (the mail names only this) and when it stops working. */
export interface IssuedLink {
  tokenId: string;
  personId: string;
  expiresAt: Date;
}

/** A link that works, and whose it is. */
export interface LinkHolder {
  tokenId: string;
  personId: string;
}

/** Tokens are 43 base64url characters (HMAC-SHA256); anything else is refused before any query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const REFUSALS = {
  [ErrorCode.LinkInvalid]: 'This link does not work. It may have been replaced by a newer one.',
  [ErrorCode.LinkExpired]: 'This link has expired. Ask for a new one.',
  [ErrorCode.LinkUsed]: 'This link has been used already. Ask for a new one.',
} as const;

export function linkRefused(code: keyof typeof REFUSALS): DomainError {
  return new DomainError(code, REFUSALS[code]);
}

/**
 * The one single-use link mechanism (ADR 0013) behind invitations, password resets and sign-in
 * links: `account_token` rows holding the SHA-256 of the token only.
 */
@Injectable()
export class AccountTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  lifetimeMs(purpose: AccountTokenPurpose): number {
    const l = this.config.accountLinks;
    switch (purpose) {
      case AccountTokenPurpose.INVITATION:
        return l.invitationHours * 3600_000;
      case AccountTokenPurpose.PASSWORD_RESET:
        return l.passwordResetMinutes * 60_000;
      case AccountTokenPurpose.SIGN_IN_LINK:
        return l.signInLinkMinutes * 60_000;
    }
  }

  /**
   * Makes new links of `purpose` for `personIds` inside the caller's transaction; each replaces the
   * person's unused older links of the same purpose (deleted, so they stop working at once). The
   * token itself is not returned: it is derived from the row id when the mail is sent.
   */
  async issue(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    personIds: readonly string[],
    createdById: string | null,
    now: Date = new Date(),
  ): Promise<IssuedLink[]> {
    if (personIds.length === 0) return [];
    await manager.query(
      `DELETE FROM account_token WHERE person_id = ANY($1::uuid[]) AND purpose = $2 AND used_at IS NULL`,
      [[...personIds], purpose],
    );
    const expiresAt = new Date(now.getTime() + this.lifetimeMs(purpose));
    const links = personIds.map((personId) => ({ tokenId: randomUUID(), personId, expiresAt }));
    await manager.query(
      `INSERT INTO account_token (id, purpose, person_id, token_hash, expires_at, created_by_id, created_at)
       SELECT x.id, $2, x.person_id, x.token_hash, $3, $4, $5
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, person_id uuid, token_hash char(64))`,
      [
        JSON.stringify(
          links.map((l) => ({
            id: l.tokenId,
            person_id: l.personId,
            token_hash: accountTokenHash(accountLinkToken(l.tokenId, this.config.notification.linkSecret)),
          })),
        ),
        purpose,
        expiresAt,
        createdById,
        now,
      ],
    );
    return links;
  }

  /**
   * Uses a link, once: one atomic UPDATE that only an unused, unexpired link of an active person
   * passes, so two requests with the same link (on any API processes) never both succeed. Refused
   * as LINK_INVALID, LINK_EXPIRED or LINK_USED; the caller's transaction then rolls back.
   */
  async use(manager: EntityManager, purpose: AccountTokenPurpose, token: string): Promise<LinkHolder> {
    if (!TOKEN_SHAPE.test(token)) throw linkRefused(ErrorCode.LinkInvalid);
    const [row]: { id: string; person_id: string }[] = await manager
      .query(
        `UPDATE account_token t SET used_at = now()
           FROM person p
          WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()
            AND p.id = t.person_id AND p.active
          RETURNING t.id, t.person_id`,
        [accountTokenHash(token), purpose],
      )
      .then((r: [{ id: string; person_id: string }[], number]) => r[0]);
    if (!row) throw await this.whyRefused(manager, purpose, token);
    return { tokenId: row.id, personId: row.person_id };
  }

  /** Whose a link is, if it would work now; refused like `use`, and nothing changes. */
  async check(purpose: AccountTokenPurpose, token: string): Promise<LinkHolder> {
    if (!TOKEN_SHAPE.test(token)) throw linkRefused(ErrorCode.LinkInvalid);
    const [row]: { id: string; person_id: string }[] = await this.dataSource.query(
      `SELECT t.id, t.person_id FROM account_token t JOIN person p ON p.id = t.person_id AND p.active
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()`,
      [accountTokenHash(token), purpose],
    );
    if (!row) throw await this.whyRefused(this.dataSource.manager, purpose, token);
    return { tokenId: row.id, personId: row.person_id };
  }

  /** Deletes the person's unused links of these purposes (after a reset, older links must not work). */
  async revoke(manager: EntityManager, personId: string, purposes: AccountTokenPurpose[]): Promise<void> {
    await manager.query(
      `DELETE FROM account_token WHERE person_id = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL`,
      [personId, purposes],
    );
  }

  private async whyRefused(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    token: string,
  ): Promise<DomainError> {
    const [row]: { used: boolean; expired: boolean; active: boolean }[] = await manager.query(
      `SELECT t.used_at IS NOT NULL AS used, t.expires_at <= now() AS expired, p.active
         FROM account_token t JOIN person p ON p.id = t.person_id
        WHERE t.token_hash = $1 AND t.purpose = $2`,
      [accountTokenHash(token), purpose],
    );
    if (!row || !row.active) return linkRefused(ErrorCode.LinkInvalid);
    if (row.used) return linkRefused(ErrorCode.LinkUsed);
    return linkRefused(row.expired ? ErrorCode.LinkExpired : ErrorCode.LinkInvalid);
  }
}
