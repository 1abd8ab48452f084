import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Not, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEventKind, SessionEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { NotFoundError } from '@stl/api/util-errors';
import type { Actor, SessionHolder } from './actor';
import type { RequestContext } from './request-context';
import { AuditService } from './audit/audit.service';

/** How someone signed in, as the audit log records it (ADR 0029). */
export type SignInMethod = 'PASSWORD' | 'SSO' | 'INVITATION' | 'PASSWORD_RESET' | 'SIGN_IN_LINK';

/**
 * `last_seen_at` (and with it the idle deadline) is written at most this often per session, so a
 * busy page costs one UPDATE a minute, not one per request. The idle timeout is exact to the minute.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Expired sessions deleted per statement. Each batch is its own short statement, so a large backlog
 * (the first purge on an installation that never purged) never holds thousands of row locks or one
 * long transaction while people sign in.
 */
export const SESSION_PURGE_BATCH = 1000;

/**
 * Batches per purge run, so that one run stays short; a larger backlog is finished by the runs that
 * follow (hourly).
 */
export const SESSION_PURGE_MAX_BATCHES = 50;

/** What one purge run deleted. */
export interface SessionPurgeReport {
  deleted: number;
  batches: number;
  /** True when the run stopped at its batch limit with expired sessions possibly left. */
  more: boolean;
}

/** The session cookie's attributes, the same for every way of signing in (password, single sign-on). */
export function sessionCookieOptions(config: AppConfig, expires: Date) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.session.cookieSecure,
    expires,
    path: '/',
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session, its person and their roles, as one statement reads them. */
interface HolderRow {
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  person_id: string;
  person_active: boolean;
  organisation_id: string | null;
  school_id: string | null;
  locale: Actor['locale'];
  grants: Actor['grants'];
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Absolute lifetime: a session ends this long after sign-in, however busy (SESSION_TTL_HOURS). */
  private ttlMs(): number {
    return this.config.session.ttlHours * 3600 * 1000;
  }

  /** Idle timeout: a session unused this long ends (SESSION_IDLE_MINUTES). */
  private idleMs(): number {
    return this.config.session.idleMinutes * 60 * 1000;
  }

  /** When a session started at `createdAt` ends however busy it is. */
  absoluteEnd(createdAt: Date): Date {
    return new Date(createdAt.getTime() + this.ttlMs());
  }

  /** The idle deadline after activity at `now`, never past the absolute end. */
  private deadline(createdAt: Date, now: number): Date {
    return new Date(Math.min(now + this.idleMs(), this.absoluteEnd(createdAt).getTime()));
  }

  /**
   * Whether a session may still be used at `now`. The stored deadline is checked, and the idle and
   * absolute limits are also checked against the settings in force, so shortening them applies at
   * once to sessions already started.
   */
  isLive(session: Pick<SessionEntity, 'createdAt' | 'lastSeenAt' | 'expiresAt'>, now = Date.now()): boolean {
    return (
      session.expiresAt.getTime() > now &&
      session.lastSeenAt.getTime() + this.idleMs() > now &&
      session.createdAt.getTime() + this.ttlMs() > now
    );
  }

  /**
   * Starts a session and returns the token for the cookie; only its digest is stored. Always a new
   * random token: a sign-in never adopts a token the browser already had (session fixation).
   * `cookieExpiresAt` is the absolute end; the idle deadline is kept in the database only.
   */
  async start(personId: string, userAgent: string | null): Promise<{ token: string; cookieExpiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.sessions.insert({
      id: digest(token),
      personId,
      createdAt: now,
      expiresAt: this.deadline(now, now.getTime()),
      lastSeenAt: now,
      userAgent: userAgent?.slice(0, 400) ?? null,
    });
    return { token, cookieExpiresAt: this.absoluteEnd(now) };
  }

  /**
   * Signs `personId` in on this request (password, mailed link, invitation): a token the browser
   * brought along is never adopted but ended (session fixation), a new session starts, its cookie
   * is set, and the request's actor becomes the person, so the answer's fields see them.
   */
  async signInOn(ctx: RequestContext, personId: string, method: SignInMethod): Promise<void> {
    const presented = (ctx.req.cookies as Record<string, string> | undefined)?.[
      this.config.session.cookieName
    ];
    if (presented) await this.end(presented);
    const { token, cookieExpiresAt } = await this.start(personId, ctx.req.get('user-agent') ?? null);
    ctx.res.cookie(this.config.session.cookieName, token, sessionCookieOptions(this.config, cookieExpiresAt));
    const holder = await this.resolveHolder(token);
    ctx.req.actor = holder?.actor ?? null;
    ctx.req.operator = holder?.operator ?? null;
    const who = holder?.actor ?? holder?.operator;
    if (who)
      await this.audit.record({ kind: AuditEventKind.SIGN_IN, ...AuditService.by(who), details: { method } });
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete({ id: digest(token) });
  }

  /**
   * The actor of a request (and the platform operator, if that is who signed in), from its session
   * cookie, resolved once per request and kept on it: the AccessGuard and the GraphQL request limits
   * both ask.
   */
  async actorOf(req: RequestContext['req']): Promise<Actor | null> {
    if (req.actor === undefined) {
      const token = (req.cookies as Record<string, string> | undefined)?.[this.config.session.cookieName];
      const holder = token ? await this.resolveHolder(token) : null;
      req.actor = holder?.actor ?? null;
      // A platform operator's session (ADR 0015): no actor in an organisation, an operator instead.
      req.operator = holder?.operator ?? null;
    }
    return req.actor;
  }

  /**
   * The actor for a cookie token, or null when the token is unknown, idle too long, past its
   * absolute lifetime, or the person inactive. A session refused for time is deleted at once, so it
   * cannot be revived. Activity moves the idle deadline, at most once a minute, never past the
   * absolute end.
   */
  async resolve(token: string): Promise<Actor | null> {
    return (await this.resolveHolder(token))?.actor ?? null;
  }

  /**
   * Whoever a cookie token belongs to: an organisation member (as `resolve`) or a platform
   * operator (ADR 0015), or null on the same terms as `resolve`.
   */
  async resolveHolder(token: string): Promise<SessionHolder | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const id = digest(token);
    // One statement for the session, its person (when active) and their roles: every request
    // that carries a cookie pays it first (issue 13: it was three).
    const [row]: HolderRow[] = await this.sessions.query(
      `SELECT s.created_at, s.last_seen_at, s.expires_at, s.person_id,
              p.id IS NOT NULL AS person_active, p.organisation_id, p.school_id, p.locale,
              coalesce(json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id,
                                                  'schoolId', g.school_id))
                         FILTER (WHERE g.person_id IS NOT NULL), '[]') AS grants
         FROM session s
         LEFT JOIN person p ON p.id = s.person_id AND p.active
         LEFT JOIN role_grant g ON g.person_id = p.id
        WHERE s.id = $1
        GROUP BY s.id, p.id`,
      [id],
    );
    if (!row) return null;
    const session = { createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
    const now = Date.now();
    if (!this.isLive(session, now)) {
      await this.sessions.delete({ id });
      return null;
    }
    if (!row.person_active) return null;
    if (now - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      await this.sessions.update(
        { id },
        { lastSeenAt: new Date(now), expiresAt: this.deadline(session.createdAt, now) },
      );
    }
    if (row.organisation_id === null) {
      return { actor: null, operator: { personId: row.person_id, locale: row.locale, sessionId: id } };
    }
    const actor: Actor = {
      personId: row.person_id,
      organisationId: row.organisation_id,
      schoolId: row.school_id,
      locale: row.locale,
      sessionId: id,
      grants: row.grants,
    };
    return { actor, operator: null };
  }

  /** The actor's own sessions that are still usable, most recently used first. */
  async listOwn(actor: Actor): Promise<SessionEntity[]> {
    const rows = await this.sessions.find({
      where: { personId: actor.personId },
      order: { lastSeenAt: 'DESC', createdAt: 'DESC' },
    });
    const now = Date.now();
    return rows.filter((s) => this.isLive(s, now));
  }

  /**
   * Ends one of the actor's own sessions by its public id. Another person's session, or one that
   * does not exist, answers NOT_FOUND and nothing changes. Returns true when it was the session of
   * this very request (the caller clears the cookie).
   */
  async endOwn(actor: Actor, publicId: string): Promise<{ current: boolean }> {
    const { raw } = await this.sessions
      .createQueryBuilder()
      .delete()
      .where('person_id = :personId AND public_id = :publicId', { personId: actor.personId, publicId })
      .returning('id')
      .execute();
    const rows = raw as { id: string }[];
    if (!rows.length) throw new NotFoundError('session', publicId);
    return { current: rows[0].id === actor.sessionId };
  }

  /** Ends all of the actor's sessions, or all but this request's; returns how many ended. */
  async endAllOwn(actor: Actor, keepCurrent: boolean): Promise<number> {
    return SessionService.endAllFor(
      this.sessions.manager,
      actor.personId,
      keepCurrent ? actor.sessionId : undefined,
    );
  }

  /**
   * The one way to end a person's sessions, inside the caller's transaction (deactivation, last
   * role removed, a password set or changed): their next request is refused. `exceptSessionId`
   * (the token's digest, `Actor.sessionId`) keeps one, e.g. the session that changed the password.
   * Returns how many sessions ended.
   */
  static async endAllFor(
    manager: EntityManager,
    personId: string,
    exceptSessionId?: string,
  ): Promise<number> {
    const result = await manager.delete(SessionEntity, {
      personId,
      ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}),
    });
    return result.affected ?? 0;
  }

  /**
   * Deletes sessions that have expired by `now`, in batches of `batchSize`, at most `maxBatches` of
   * them. An expired session can never be used again (`resolve` refuses it and never extends it), so
   * it is deleted as soon as it expires: no grace period to configure. Run on a schedule by the job
   * queue (libs/api/feature-notification, which may depend on this lib; this lib may not depend on it).
   * Rows another transaction has locked (a sign-out, say) are skipped and left for the next run, so
   * two runs at once never wait for each other.
   */
  async purgeExpired(
    options: { now?: Date; batchSize?: number; maxBatches?: number } = {},
  ): Promise<SessionPurgeReport> {
    const now = options.now ?? new Date();
    const batchSize = options.batchSize ?? SESSION_PURGE_BATCH;
    const maxBatches = options.maxBatches ?? SESSION_PURGE_MAX_BATCHES;
    let deleted = 0;
    for (let batches = 1; batches <= maxBatches; batches++) {
      // Oldest first, through the expires_at index; the count comes back from the DELETE itself.
      const [{ n }]: { n: number }[] = await this.sessions.query(
        `WITH doomed AS (
           SELECT id FROM session WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ), gone AS (
           DELETE FROM session s USING doomed d WHERE s.id = d.id RETURNING 1
         )
         SELECT count(*)::int AS n FROM gone`,
        [now, batchSize],
      );
      deleted += n;
      if (n < batchSize) return { deleted, batches, more: false };
    }
    return { deleted, batches: maxBatches, more: true };
  }
}
