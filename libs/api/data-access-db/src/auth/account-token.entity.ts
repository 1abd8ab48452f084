import { registerEnumType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from '../person/person.entity';

/** What a mailed single-use link lets its holder do (ADR 0013). */
export enum AccountTokenPurpose {
  /** Choose a password (or sign in with the organisation) for the first time. */
  INVITATION = 'INVITATION',
  /** Set a new password after "Forgot password?". */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Sign in once without a password. */
  SIGN_IN_LINK = 'SIGN_IN_LINK',
}

/** Where a person's invitation stands, as an administrator sees it. */
export enum InvitationStatus {
  /** The latest invitation link is unused and still valid. */
  PENDING = 'PENDING',
  /** The person used an invitation link. */
  ACCEPTED = 'ACCEPTED',
  /** The latest invitation link was never used and has run out; resend it. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where a person’s invitation stands (administrators only).',
  valuesMap: {
    PENDING: { description: 'The latest invitation link is unused and still valid.' },
    ACCEPTED: { description: 'The person has accepted an invitation.' },
    EXPIRED: { description: 'The latest invitation link was never used and has run out.' },
  },
});

/**
 * The status of a person's invitation as SQL: ACCEPTED once any invitation link of theirs was used,
 * else from their latest one (older unused ones are deleted when a newer one is sent); NULL when
 * never invited. `person` is the alias of the person row in the surrounding query. The one
 * definition used by `Person.invitation`, the people filter and `InvitationService.invite`.
 */
export function invitationStatusSql(person: string): string {
  return `(SELECT CASE WHEN bool_or(t.used_at IS NOT NULL) THEN 'ACCEPTED'
                       WHEN max(t.expires_at) > now() THEN 'PENDING' ELSE 'EXPIRED' END
     FROM account_token t WHERE t.person_id = ${person}.id AND t.purpose = 'INVITATION'
     HAVING count(*) > 0)`;
}

/**
 * Deletes spent reset and sign-in links (used or expired a day ago or more), at most `limit` a
 * run; invitation links stay, since they are the record of who was invited and who accepted. Run
 * by the hourly session purge. Returns how many went.
 */
export async function purgeSpentAccountTokens(
  query: (sql: string, params: unknown[]) => Promise<{ n: number }[]>,
  now: Date,
  limit = 50_000,
): Promise<number> {
  const [{ n }] = await query(
    `WITH doomed AS (
       SELECT id FROM account_token
        WHERE purpose IN ('PASSWORD_RESET', 'SIGN_IN_LINK')
          AND coalesce(used_at, expires_at) <= $1::timestamptz - interval '1 day'
        LIMIT $2::int FOR UPDATE SKIP LOCKED
     ), gone AS (DELETE FROM account_token t USING doomed d WHERE t.id = d.id RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [now, limit],
  );
  return n;
}

/**
 * A mailed single-use link (ADR 0013): an invitation, a password reset or a one-time sign-in link.
 * Only the SHA-256 of the token is stored, and the token itself is derived from the row id and
 * MAIL_LINK_SECRET when the mail is sent, so neither this table nor the outbox holds a usable link.
 * A link is used by one atomic UPDATE (`used_at IS NULL AND expires_at > now()`), so it works once
 * even across API processes. A newer link of the same purpose deletes the person's unused older ones.
 */
@Entity('account_token')
@Check('account_token_purpose_known', `"purpose" IN ('INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK')`)
@Index(['personId', 'purpose', 'createdAt'])
export class AccountTokenEntity {
  /** Made by the API (not the database): the token is derived from it before the row is written. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: AccountTokenPurpose;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  /** hex SHA-256 of the token in the link. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set once, when the link is used; a used link is refused ever after. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Who sent it (an administrator inviting); null for links people ask for themselves. */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<PersonEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
