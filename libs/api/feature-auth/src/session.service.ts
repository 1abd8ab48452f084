import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Not, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PersonEntity, RoleGrantEntity, SessionEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import type { Actor } from './actor';

const SLIDE_AFTER_MS = 60 * 60 * 1000;

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

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private ttlMs(): number {
    return this.config.session.ttlHours * 3600 * 1000;
  }

  /** Starts a session and returns the token for the cookie; only its digest is stored. */
  async start(personId: string, userAgent: string | null): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttlMs());
    await this.sessions.insert({
      id: digest(token),
      personId,
      expiresAt,
      lastSeenAt: now,
      userAgent: userAgent?.slice(0, 400) ?? null,
    });
    return { token, expiresAt };
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete({ id: digest(token) });
  }

  /** The actor for a cookie token, or null when the token is unknown, expired or the person inactive. */
  async resolve(token: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const id = digest(token);
    const session = await this.sessions.findOne({ where: { id } });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const person = await this.people.findOne({ where: { id: session.personId, active: true } });
    if (!person) return null;
    if (now - session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
      await this.sessions.update(
        { id },
        { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs()) },
      );
    }
    const grants = await this.grants.find({ where: { personId: person.id } });
    return {
      personId: person.id,
      organisationId: person.organisationId,
      schoolId: person.schoolId,
      locale: person.locale,
      sessionId: id,
      grants: grants.map((g) => ({ role: g.role, organisationId: g.organisationId, schoolId: g.schoolId })),
    };
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

  // --- Passwords (ADR 0010): end a person's sessions when their password changes. -----------------

  /**
   * Ends every session of a person, except the one whose id (the token's digest, `Actor.sessionId`)
   * is `exceptSessionId`, e.g. the session that just changed the password. Pass `manager` to do it
   * inside the caller's transaction. Returns how many sessions ended.
   */
  async endAllForPerson(
    personId: string,
    options: { exceptSessionId?: string; manager?: EntityManager } = {},
  ): Promise<number> {
    const repo = options.manager ? options.manager.getRepository(SessionEntity) : this.sessions;
    const result = await repo.delete({
      personId,
      ...(options.exceptSessionId ? { id: Not(options.exceptSessionId) } : {}),
    });
    return result.affected ?? 0;
  }
}
