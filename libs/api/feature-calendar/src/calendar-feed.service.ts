import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  CalendarFeedTokenEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { AuditService } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { calendarFeedIcs, toMailLocale } from '@stl/mail/util-templates';
import type { CalendarFeedEvent } from '@stl/mail/util-templates';
import { calendarFeedUrl, calendarTokenHash, newCalendarToken } from './calendar-feed-token';
import type { CalendarFeedLinkModel, CalendarFeedModel } from './calendar-feed.models';

/**
 * The cohorts whose dates a person's feed shows: those they take part in or lead and have not left,
 * once opened (a leader also sees a cohort being planned); archived cohorts drop out.
 */
const FEED_COHORTS = `
  SELECT c.id, c.name FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
   WHERE m.person_id = $1 AND m.left_at IS NULL
     AND (c.status IN ('OPEN', 'COMPLETED') OR (c.status = 'PLANNING' AND m.role = 'LEADER'))
   GROUP BY c.id, c.name`;

/**
 * A person's private calendar feed (issue 14, ADR 0034): the secret URL (made, renewed, turned
 * off by the person) and the calendar it serves.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(actor: Actor): Promise<CalendarFeedModel> {
    const row = await this.dataSource.manager.findOne(CalendarFeedTokenEntity, {
      where: { personId: actor.personId },
    });
    return { active: !!row, createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
  }

  /**
   * Makes a new URL, replacing any earlier one (which answers 404 from now on), and logs it. The
   * token is returned this once; only its hash is kept.
   */
  async renew(actor: Actor): Promise<CalendarFeedLinkModel> {
    const token = newCalendarToken();
    const createdAt = await this.dataSource.transaction(async (m) => {
      const [row]: { created_at: Date }[] = await m.query(
        `INSERT INTO calendar_feed_token (person_id, token_hash, created_at, last_used_at)
         VALUES ($1, $2, now(), NULL)
         ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), last_used_at = NULL
         RETURNING created_at`,
        [actor.personId, calendarTokenHash(token)],
      );
      await this.audit.record(
        {
          kind: AuditEventKind.CALENDAR_FEED_CHANGED,
          ...AuditService.by(actor),
          target: { type: AuditTargetType.PERSON, id: actor.personId },
          details: { action: 'RENEWED' },
        },
        m,
      );
      return new Date(row.created_at);
    });
    return { url: calendarFeedUrl(this.config.notification.publicWebUrl, token), createdAt };
  }

  /** Deletes the URL: calendars subscribed to it get 404 from now on. */
  async turnOff(actor: Actor): Promise<CalendarFeedModel> {
    await this.dataSource.transaction(async (m) => {
      const { affected } = await m.delete(CalendarFeedTokenEntity, { personId: actor.personId });
      if (affected)
        await this.audit.record(
          {
            kind: AuditEventKind.CALENDAR_FEED_CHANGED,
            ...AuditService.by(actor),
            target: { type: AuditTargetType.PERSON, id: actor.personId },
            details: { action: 'TURNED_OFF' },
          },
          m,
        );
    });
    return this.status(actor);
  }

  /** The person a token belongs to, noting the fetch; null for a wrong or replaced token. */
  async personOf(tokenHash: string): Promise<{ personId: string } | null> {
    const rows: { person_id: string }[] = await this.dataSource.query(
      // A CTE, so the driver answers rows (a bare UPDATE … RETURNING comes back with its count).
      `WITH used AS (UPDATE calendar_feed_token SET last_used_at = now() WHERE token_hash = $1 RETURNING person_id)
       SELECT person_id FROM used`,
      [tokenHash],
    );
    return rows[0] ? { personId: rows[0].person_id } : null;
  }

  /** The calendar of one person: their cohorts' meetings and both deadlines of every round. */
  async calendar(personId: string): Promise<string> {
    const person = await this.dataSource.manager.findOne(PersonEntity, { where: { id: personId } });
    const cohorts: { id: string; name: string }[] = await this.dataSource.query(FEED_COHORTS, [personId]);
    const ids = cohorts.map((c) => c.id);
    const nameOf = new Map(cohorts.map((c) => [c.id, c.name]));
    const events: CalendarFeedEvent[] = [];
    if (ids.length) {
      const meetings: {
        id: string;
        cohort_id: string;
        number: number;
        title: string;
        starts_at: Date;
        ends_at: Date;
        location: string | null;
        video_url: string | null;
        revision: number;
        created_at: Date;
        updated_at: Date;
      }[] = await this.dataSource.query(
        `SELECT id, cohort_id, number, title, starts_at, ends_at, location, video_url, revision, created_at, updated_at
           FROM meeting WHERE cohort_id = ANY($1::uuid[]) ORDER BY starts_at, id`,
        [ids],
      );
      for (const m of meetings)
        events.push({
          kind: 'MEETING',
          meetingId: m.id,
          meetingNumber: m.number,
          title: m.title,
          cohortId: m.cohort_id,
          cohortName: nameOf.get(m.cohort_id) ?? '',
          startsAt: new Date(m.starts_at),
          endsAt: new Date(m.ends_at),
          place: m.location,
          videoUrl: m.video_url,
          revision: m.revision,
          createdAt: new Date(m.created_at),
          updatedAt: new Date(m.updated_at),
        });
      const rounds: {
        id: string;
        cohort_id: string;
        title: string;
        submission_deadline: Date;
        feedback_deadline: Date;
        revision: number;
        created_at: Date;
        updated_at: Date;
      }[] = await this.dataSource.query(
        `SELECT id, cohort_id, title, submission_deadline, feedback_deadline, revision, created_at, updated_at
           FROM analysis_round WHERE cohort_id = ANY($1::uuid[]) ORDER BY submission_deadline, id`,
        [ids],
      );
      for (const r of rounds) {
        const common = {
          roundId: r.id,
          title: r.title,
          cohortId: r.cohort_id,
          cohortName: nameOf.get(r.cohort_id) ?? '',
          revision: r.revision,
          createdAt: new Date(r.created_at),
          updatedAt: new Date(r.updated_at),
        };
        events.push({ kind: 'SUBMISSION_DEADLINE', at: new Date(r.submission_deadline), ...common });
        events.push({ kind: 'FEEDBACK_DEADLINE', at: new Date(r.feedback_deadline), ...common });
      }
    }
    return calendarFeedIcs(events, {
      baseUrl: this.config.notification.publicWebUrl,
      locale: toMailLocale(person?.locale),
    });
  }
}
