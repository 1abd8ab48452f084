import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxStatus } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { DIGESTIBLE_KINDS, MailKind, isAccountKind, isMandatoryKind } from '@stl/mail/util-templates';
import { JobQueue } from '../queue/job-queue';
import type { DeliveryJobRequest } from '../queue/job-queue';
import { digestDay } from '../reminders/due-rules';
import { quietUntil } from '../time/quiet-hours';
import type { EnqueueResult, NotificationDraft } from './notification-draft';

interface RecipientRow {
  id: string;
  email: string;
  locale: string;
  organisation_id: string;
  active: boolean;
  disabled_kinds: string[] | null;
  digest_daily: boolean | null;
}

interface InsertedRow {
  id: string;
  idempotency_key: string;
  status: OutboxStatus;
  not_before: Date | null;
}

const DIGESTIBLE: ReadonlySet<string> = new Set(DIGESTIBLE_KINDS);

/**
 * The transactional outbox. `enqueue` runs inside the caller's transaction and writes the message
 * row and its delivery job there: if the business change rolls back, no mail exists; if it
 * commits, the mail will be delivered. A message whose idempotency key exists is not written again.
 */
@Injectable()
export class OutboxService {
  private readonly settings: NotificationConfig;

  constructor(
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.notification;
  }

  enqueue(
    manager: EntityManager,
    draft: NotificationDraft,
    options: { now?: Date } = {},
  ): Promise<EnqueueResult> {
    return this.enqueueMany(manager, [draft], options).then((r) => r[0]);
  }

  /**
   * Writes many messages in two statements (rows, then jobs). `now` decides quiet hours and the
   * digest day; it is the tick's moment for reminders and the clock for events.
   */
  async enqueueMany(
    manager: EntityManager,
    drafts: readonly NotificationDraft[],
    options: { now?: Date } = {},
  ): Promise<EnqueueResult[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outgoing mail must be enqueued inside the transaction of the change that causes it.');
    }
    if (drafts.length === 0) return [];
    const now = options.now ?? new Date();
    const recipients = await this.recipients(
      manager,
      drafts.map((d) => d.recipientId),
    );
    const results = new Map<string, EnqueueResult>();
    const rows: Record<string, unknown>[] = [];
    for (const d of drafts) {
      if (results.has(d.idempotencyKey)) continue;
      const r = recipients.get(d.recipientId);
      if (!r || !r.active) {
        results.set(d.idempotencyKey, { idempotencyKey: d.idempotencyKey, outcome: 'NO_RECIPIENT' });
        continue;
      }
      const mandatory = isMandatoryKind(d.kind);
      const account = isAccountKind(d.kind);
      if (!mandatory && d.kind !== MailKind.DIGEST && (r.disabled_kinds ?? []).includes(d.kind)) {
        results.set(d.idempotencyKey, { idempotencyKey: d.idempotencyKey, outcome: 'OPTED_OUT' });
        continue;
      }
      const held = Boolean(r.digest_daily) && DIGESTIBLE.has(d.kind);
      results.set(d.idempotencyKey, { idempotencyKey: d.idempotencyKey, outcome: 'DUPLICATE' });
      rows.push({
        idempotency_key: d.idempotencyKey,
        kind: d.kind,
        organisation_id: r.organisation_id,
        recipient_id: r.id,
        to_address: r.email,
        locale: r.locale,
        payload: d.data,
        refs: d.refs,
        reply_to: d.replyTo ?? null,
        status: held ? OutboxStatus.HELD : OutboxStatus.PENDING,
        // Account links (ADR 0013) are asked for now and expire soon: never held for quiet hours.
        not_before:
          held || account ? null : (quietUntil(now, this.settings.quietHours)?.toISOString() ?? null),
        digest_on: held ? digestDay(now) : null,
      });
    }
    if (rows.length > 0) {
      const inserted: InsertedRow[] = await manager.query(
        `INSERT INTO outbox_message
           (idempotency_key, kind, organisation_id, recipient_id, to_address, locale, payload, refs, status, not_before, digest_on, reply_to)
         SELECT idempotency_key, kind, organisation_id, recipient_id, to_address, locale, payload, refs, status, not_before, digest_on, reply_to
           FROM jsonb_to_recordset($1::jsonb) AS x(
             idempotency_key varchar, kind varchar, organisation_id uuid, recipient_id uuid, to_address varchar,
             locale varchar, payload jsonb, refs jsonb, status varchar, not_before timestamptz, digest_on date, reply_to jsonb)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, idempotency_key, status, not_before`,
        [JSON.stringify(rows)],
      );
      const jobs: DeliveryJobRequest[] = [];
      for (const row of inserted) {
        const queued = row.status === OutboxStatus.PENDING;
        results.set(row.idempotency_key, {
          idempotencyKey: row.idempotency_key,
          outcome: queued ? 'QUEUED' : 'HELD',
          id: row.id,
          notBefore: row.not_before,
        });
        if (queued)
          jobs.push({ outboxId: row.id, idempotencyKey: row.idempotency_key, startAfter: row.not_before });
      }
      await this.queue.addDeliveryJobs(manager, jobs);
    }
    return drafts.map((d) => results.get(d.idempotencyKey) as EnqueueResult);
  }

  /**
   * Puts messages back on the queue (an administrator retrying failed mail, or held mail released
   * when the digest is switched off). Only rows in `fromStatus` move; returns the ids that did.
   */
  async requeue(
    manager: EntityManager,
    where: { ids?: string[]; recipientId?: string },
    fromStatus: OutboxStatus.FAILED | OutboxStatus.HELD | OutboxStatus.UNCONFIRMED,
    now = new Date(),
  ): Promise<string[]> {
    const notBefore = quietUntil(now, this.settings.quietHours);
    const rows: InsertedRow[] = await manager
      .query(
        `UPDATE outbox_message
          SET status = 'PENDING', not_before = $3, digest_on = NULL, updated_at = now()
        WHERE status = $1
          AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
          AND ($4::uuid IS NULL OR recipient_id = $4::uuid)
        RETURNING id, idempotency_key, status, not_before`,
        [fromStatus, where.ids ?? null, notBefore, where.recipientId ?? null],
      )
      .then((r: [InsertedRow[], number]) => r[0]);
    await this.queue.addDeliveryJobs(
      manager,
      rows.map((r) => ({ outboxId: r.id, idempotencyKey: r.idempotency_key, startAfter: r.not_before })),
    );
    return rows.map((r) => r.id);
  }

  private async recipients(manager: EntityManager, ids: string[]): Promise<Map<string, RecipientRow>> {
    const rows: RecipientRow[] = await manager.query(
      `SELECT p.id, p.email, p.locale, p.organisation_id, p.active, np.disabled_kinds, np.digest_daily
         FROM person p LEFT JOIN notification_preference np ON np.person_id = p.id
        WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
