import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { PersonEntity, RoleGrantEntity, SessionEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import type { Actor } from './actor';

const SLIDE_AFTER_MS = 60 * 60 * 1000;

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

  /** Removes expired sessions; called from a scheduled job. */
  async purgeExpired(): Promise<number> {
    const r = await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return r.affected ?? 0;
  }
}
