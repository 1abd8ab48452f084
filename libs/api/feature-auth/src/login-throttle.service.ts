import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@stl/api/util-errors';

/** Attempts on one account (e-mail address, known or not) before it is locked. */
export const ACCOUNT_ATTEMPT_LIMIT = 10;
/** Failed attempts from one client address before it is locked; higher, since a school shares one. */
export const ADDRESS_ATTEMPT_LIMIT = 100;
/** The first lock; each further counted attempt doubles it, up to the cap. */
export const FIRST_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 15 * 60;
/** A count starts again after this long without attempts; the purge deletes rows that old. */
export const THROTTLE_QUIET_SECONDS = 60 * 60;

/** Rows deleted per purge run at most; the next hourly run takes the rest. */
const THROTTLE_PURGE_LIMIT = 50_000;

export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many attempts. Wait a while and try again.';

/**
 * What is counted: password checks (sign-in, change of password) or requests for a mailed link
 * (password reset, sign-in link; ADR 0013). Each scope has its own rows and limits, in the same
 * table and by the same atomic upsert, so asking for reset mails never locks anyone's sign-in.
 */
export interface ThrottleScope {
  /** Prefix of the row keys; '' for password checks (the keys they always had). */
  prefix: string;
  accountLimit: number;
  addressLimit: number;
}

export const PASSWORD_SCOPE: ThrottleScope = {
  prefix: '',
  accountLimit: ACCOUNT_ATTEMPT_LIMIT,
  addressLimit: ADDRESS_ATTEMPT_LIMIT,
};

/**
 * Requests for a reset or sign-in link: 3 mails to one address, then a growing wait (a minute,
 * doubling to 15); 30 requests from one client address. Unknown addresses count exactly alike.
 */
export const ACCOUNT_MAIL_SCOPE: ThrottleScope = { prefix: 'mail-', accountLimit: 3, addressLimit: 30 };

export interface ThrottlePurgeReport {
  deleted: number;
}

/**
 * Brute-force protection for password checks (ADR 0004, amendment 2026-12-06): counts attempts per
 * account and per client address in `login_throttle`, shared by every API process. An attempt is
 * counted *before* the password is hashed, by one atomic upsert per key that refuses (returns no
 * row) while the key is locked, so parallel requests can never get more hashes than the limit and
 * two processes never lose a count. Unknown e-mail addresses are counted exactly like known ones.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one attempt on `email` from `address`, or throws TOO_MANY_ATTEMPTS (details
   * `retryAfterSeconds`) while either is locked; then nothing is hashed. The address is checked
   * first, so a locked address does not count against the account.
   */
  async admit(
    email: string,
    address: string,
    now: Date = new Date(),
    scope: ThrottleScope = PASSWORD_SCOPE,
  ): Promise<void> {
    for (const [key, limit, isAccount] of [
      [addressKey(address, scope), scope.addressLimit, false],
      [accountKey(email, scope), scope.accountLimit, true],
    ] as const) {
      const counted: unknown[] = await this.dataSource.query(
        `INSERT INTO login_throttle AS t (key, attempts, window_started_at, last_attempt_at, locked_until)
         VALUES ($1, 1, $2, $2, NULL)
         ON CONFLICT (key) DO UPDATE SET
           attempts = CASE WHEN t.last_attempt_at <= $2::timestamptz - make_interval(secs => $3::int)
                           THEN 1 ELSE t.attempts + 1 END,
           window_started_at = CASE WHEN t.last_attempt_at <= $2::timestamptz - make_interval(secs => $3::int)
                                    THEN $2::timestamptz ELSE t.window_started_at END,
           last_attempt_at = $2::timestamptz,
           locked_until = CASE
             WHEN t.last_attempt_at > $2::timestamptz - make_interval(secs => $3::int) AND t.attempts + 1 >= $4::int
             THEN $2::timestamptz + make_interval(secs => least(
               $5::int * power(2, least(t.attempts + 1 - $4::int, 20)), $6::int)::int)
             ELSE NULL END
         WHERE t.locked_until IS NULL OR t.locked_until <= $2::timestamptz
         RETURNING attempts`,
        [key, now, THROTTLE_QUIET_SECONDS, limit, FIRST_LOCK_SECONDS, MAX_LOCK_SECONDS],
      );
      if (counted.length === 0) {
        // Refused on the account: nothing is hashed, so the address gets its count back.
        if (isAccount) await this.release(address, scope);
        await this.refuse(key, now);
      }
    }
  }

  /**
   * After a correct password (or, in another scope, a lookup that found what it asked for): the
   * account's count starts again, and this attempt no longer counts against the address (its
   * failures still do).
   */
  async succeeded(email: string, address: string, scope: ThrottleScope = PASSWORD_SCOPE): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey(email, scope)]);
    await this.release(address, scope);
  }

  /** Takes one attempt back from the address (not a failure), lifting its lock below the limit. */
  private async release(address: string, scope: ThrottleScope = PASSWORD_SCOPE): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET
         attempts = greatest(attempts - 1, 0),
         locked_until = CASE WHEN attempts - 1 >= $2::int THEN locked_until ELSE NULL END
       WHERE key = $1`,
      [addressKey(address, scope), scope.addressLimit],
    );
  }

  /**
   * Deletes counts nobody has added to for THROTTLE_QUIET_SECONDS and not locked, at most 50 000 a
   * run (run by the hourly session purge).
   */
  async purgeStale(now: Date = new Date()): Promise<ThrottlePurgeReport> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `WITH doomed AS (
         SELECT key FROM login_throttle
         WHERE last_attempt_at <= $1::timestamptz - make_interval(secs => $2::int)
           AND (locked_until IS NULL OR locked_until <= $1::timestamptz)
         LIMIT $3::int FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM login_throttle t USING doomed d WHERE t.key = d.key RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [now, THROTTLE_QUIET_SECONDS, THROTTLE_PURGE_LIMIT],
    );
    return { deleted: n };
  }

  private async refuse(key: string, now: Date): Promise<never> {
    const [row]: { locked_until: Date | null }[] = await this.dataSource.query(
      `SELECT locked_until FROM login_throttle WHERE key = $1`,
      [key],
    );
    const until = row?.locked_until ? new Date(row.locked_until).getTime() : now.getTime() + 1000;
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new DomainError(ErrorCode.TooManyAttempts, TOO_MANY_ATTEMPTS_MESSAGE, [], { retryAfterSeconds });
  }
}

/**
 * `account:` (after the scope's prefix) and the SHA-256 of the trimmed, lower-case e-mail address:
 * what was typed is not kept.
 */
export function accountKey(email: string, scope: ThrottleScope = PASSWORD_SCOPE): string {
  return `${scope.prefix}account:${digest(email.trim().toLowerCase())}`;
}

export function addressKey(address: string, scope: ThrottleScope = PASSWORD_SCOPE): string {
  return `${scope.prefix}address:${digest(address)}`;
}

/**
 * The client's address: Express `req.ip`, which is the socket's peer unless TRUST_PROXY names the
 * proxies in front of the API; then it is the address those proxies report in X-Forwarded-For.
 * Without TRUST_PROXY behind a reverse proxy every client has the proxy's address.
 */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
