import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DEFAULT_REMINDER_SETTINGS, OutboxStatus } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { MailKind } from '@stl/mail/util-templates';
import type { EnqueueOutcome, NotificationDraft } from '../outbox/notification-draft';
import { OutboxService } from '../outbox/outbox.service';
import { stockholmInstant } from '@stl/shared/domain';
import { digestDue } from './due-rules';
import { feedbackReminders, meetingReminders, submissionReminders } from './reminder-candidates';
import type { TickCohort } from './reminder-candidates';
import { schoolLeaderSummaries, weeklyLeaderSummaries } from './summaries';

export interface TickReport {
  /** Reminders due now that were not in the outbox yet. */
  considered: number;
  outcomes: Partial<Record<EnqueueOutcome, number>>;
  digests: number;
}

/** Messages per transaction: small enough to keep locks short, large enough to be quick. */
const CHUNK = 200;

/**
 * The reminder tick. Cron code only enqueues: it works out from the database what is due at `now`
 * and puts each reminder in the outbox under its idempotency key. Running it late, twice, or in two
 * processes at once creates each reminder once; the workers do the sending. Tests pass `now`.
 */
@Injectable()
export class ReminderPlanner {
  private readonly log = new Logger('ReminderTick');
  private readonly settings: NotificationConfig;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.notification;
  }

  async tick(now: Date = new Date()): Promise<TickReport> {
    const m = this.dataSource.manager;
    const cohorts = await this.openCohorts(m);
    const existing = (keys: string[]) => this.existingKeys(keys);
    const candidates: NotificationDraft[] = [
      ...(await feedbackReminders(m, now, cohorts)),
      ...(await submissionReminders(m, now, cohorts)),
      ...(await meetingReminders(m, now, cohorts, this.settings.quietHours)),
      ...(await weeklyLeaderSummaries(m, now, cohorts, existing)),
      ...(await schoolLeaderSummaries(m, now, existing)),
    ];
    const known = await this.existingKeys(candidates.map((c) => c.idempotencyKey));
    const fresh = candidates.filter((c) => !known.has(c.idempotencyKey));
    const outcomes: Partial<Record<EnqueueOutcome, number>> = {};
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const results = await this.dataSource.transaction((tx) =>
        this.outbox.enqueueMany(tx, fresh.slice(i, i + CHUNK), { now }),
      );
      for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    }
    const digests = await this.assembleDigests(now);
    if (outcomes.QUEUED || outcomes.HELD || digests) {
      this.log.log(
        `Tick ${now.toISOString()}: ${outcomes.QUEUED ?? 0} queued, ${outcomes.HELD ?? 0} held for digests, ${digests} digests`,
      );
    }
    return { considered: fresh.length, outcomes, digests };
  }

  /**
   * At the morning digest time, each person in digest mode gets one DIGEST gathering what was held
   * for them (key `DIGEST:<personId>:<date>`). The held rows are locked while being moved, so two
   * ticks cannot put the same message in two digests.
   */
  async assembleDigests(now: Date): Promise<number> {
    const day = digestDue(now, this.settings.quietHours);
    if (!day) return 0;
    const people: { recipient_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT recipient_id FROM outbox_message WHERE status = $1 AND digest_on <= $2`,
      [OutboxStatus.HELD, day],
    );
    let made = 0;
    for (const { recipient_id: personId } of people) {
      const queued = await this.dataSource.transaction(async (tx) => {
        const held: { id: string }[] = await tx.query(
          `SELECT id FROM outbox_message WHERE recipient_id = $1 AND status = $2 AND digest_on <= $3
            ORDER BY created_at, id FOR UPDATE`,
          [personId, OutboxStatus.HELD, day],
        );
        if (held.length === 0) return false;
        const itemIds = held.map((h) => h.id);
        const [result] = await this.outbox.enqueueMany(
          tx,
          [
            {
              idempotencyKey: `DIGEST:${personId}:${day}`,
              kind: MailKind.DIGEST,
              recipientId: personId,
              refs: { itemIds },
              // The items are filled in at send time, from the rows still relevant then.
              data: { date: stockholmInstant(day, 12 * 60).toISOString(), items: [] },
            },
          ],
          { now },
        );
        if (result.outcome !== 'QUEUED' || !result.id) return false;
        await tx.query(
          `UPDATE outbox_message SET status = $2, digest_id = $3, updated_at = now() WHERE id = ANY($1::uuid[])`,
          [itemIds, OutboxStatus.DIGESTED, result.id],
        );
        return true;
      });
      if (queued) made++;
    }
    return made;
  }

  private async openCohorts(m: EntityManager): Promise<Map<string, TickCohort>> {
    const rows: {
      id: string;
      name: string;
      organisation_id: string;
      feedback_due_soon_hours: number | null;
      submission_due_soon_hours: number | null;
      submission_overdue_after_hours: number | null;
      overdue_reminder_days: number[] | null;
      leader_notice_after_days: number | null;
      weekly_summary_weekday: number | null;
      leader_ids: string[];
    }[] = await m.query(
      `SELECT c.id, c.name, c.organisation_id, s.feedback_due_soon_hours, s.submission_due_soon_hours,
              s.submission_overdue_after_hours, s.overdue_reminder_days, s.leader_notice_after_days,
              s.weekly_summary_weekday,
              ARRAY(SELECT mem.person_id FROM cohort_membership mem JOIN person p ON p.id = mem.person_id AND p.active
                     WHERE mem.cohort_id = c.id AND mem.role = 'LEADER' AND mem.left_at IS NULL
                     ORDER BY mem.person_id) AS leader_ids
         FROM cohort c LEFT JOIN cohort_reminder_settings s ON s.cohort_id = c.id
        WHERE c.status = 'OPEN'`,
    );
    const d = DEFAULT_REMINDER_SETTINGS;
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          organisationId: r.organisation_id,
          leaderIds: r.leader_ids,
          settings: {
            feedbackDueSoonHours: r.feedback_due_soon_hours ?? d.feedbackDueSoonHours,
            submissionDueSoonHours: r.submission_due_soon_hours ?? d.submissionDueSoonHours,
            submissionOverdueAfterHours: r.submission_overdue_after_hours ?? d.submissionOverdueAfterHours,
            overdueReminderDays: r.overdue_reminder_days ?? d.overdueReminderDays,
            leaderNoticeAfterDays: r.leader_notice_after_days ?? d.leaderNoticeAfterDays,
            weeklySummaryWeekday: r.weekly_summary_weekday ?? d.weeklySummaryWeekday,
          },
        },
      ]),
    );
  }

  private async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { idempotency_key: string }[] = await this.dataSource.query(
      `SELECT idempotency_key FROM outbox_message WHERE idempotency_key = ANY($1::varchar[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.idempotency_key));
  }
}
