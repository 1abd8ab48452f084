import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, JobWithMetadata } from 'pg-boss';
import { DataSource } from 'typeorm';
import { OutboxStatus } from '@stl/api/data-access-db';
import type { OutboxMessageEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { classifySmtpError } from '@stl/mail/data-access-transport';
import type { OutgoingMail } from '@stl/mail/data-access-transport';
import { JobQueue } from '../queue/job-queue';
import { QUEUE } from '../queue/queue-names';
import type { DeliverJobData } from '../queue/queue-names';
import { composeMail } from './compose-mail';
import { MailSender } from './mail-sender';
import { SendTimeCheck } from './send-time-check';
import type { Verdict } from './send-time-check';

/**
 * What became of delivery attempts in this process since it started, for monitoring (`/metrics`):
 * sent (the SMTP server accepted it), failed (permanently, or after the last retry, or dead-lettered),
 * retry (a transient failure, tried again later), unconfirmed (outcome unknown, not sent again),
 * cancelled (no longer relevant when its turn came).
 */
export const MAIL_OUTCOMES = ['sent', 'failed', 'retry', 'unconfirmed', 'cancelled'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

/** Thrown for a transient failure: pg-boss retries the job later, with exponential backoff. */
class RetryLater extends Error {}

/**
 * Runs a statement for items as they come, grouped: each group waits `lingerMs` from its first
 * item's arrival for others to join it (and for the statement before it to end), so a steady
 * stream of items goes in one statement per linger, not one statement after the other as fast as
 * the database answers. No item waits longer than the linger or the statement running when it
 * came, whichever is longer. Should a group fail, each of its items runs alone, so one bad item
 * does not fail the others.
 */
export class Grouped<T> {
  private readonly queue: { item: T; at: number; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private running: Promise<void> | null = null;
  /** Ends the current group's linger early; set while it lingers. */
  private endLinger: (() => void) | null = null;
  /** A flush came while no group lingered: the next group runs without lingering. */
  private flushed = false;

  constructor(
    private readonly run: (items: T[]) => Promise<unknown>,
    private readonly lingerMs = 0,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, at: performance.now(), resolve, reject });
      this.running ??= this.drain();
    });
  }

  /**
   * Runs what is queued without waiting out the linger: for a caller that knows nothing more will
   * come soon (a batch whose last mail is done waits for its marks and nothing else).
   */
  flush(): void {
    if (this.endLinger) this.endLinger();
    else if (this.running) this.flushed = true;
  }

  private async linger(): Promise<void> {
    const wait = this.queue[0].at + this.lingerMs - performance.now();
    if (this.flushed || wait <= 0) {
      this.flushed = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      this.endLinger = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.endLinger = null;
    this.flushed = false;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.lingerMs > 0) await this.linger();
      const group = this.queue.splice(0);
      try {
        await this.run(group.map((g) => g.item));
        for (const g of group) g.resolve();
      } catch {
        for (const g of group) await this.run([g.item]).then(() => g.resolve(), g.reject);
      }
    }
    this.flushed = false;
    this.running = null;
  }
}

/**
 * How long a group of bookkeeping writes waits from its first write for others (ms): long enough
 * that a group holds the writes of several mails at full speed, short against an SMTP transaction,
 * so the window in which a crash leaves a sent mail unmarked (and sends it again) hardly grows.
 */
export const WRITE_LINGER_MS = 25;

/**
 * A bookkeeping write of delivery: an attempt counted when a message starts going out, and/or the
 * SENT mark of a message the server accepted.
 */
export interface DeliveryWrite {
  outboxId: string;
  /** The address the attempt went to. */
  to: string;
  /** Attempts to add: 1 when this write counts the transaction, 0 when that was counted already. */
  add: 0 | 1;
  /** Present for a message the server accepted: mark it SENT with this Message-ID. */
  sent?: { messageId: string | null };
}

/**
 * Folds the writes of one group into one row per message, so one statement can apply them (an
 * UPDATE … FROM applies at most one joined row per target row): a count and the SENT mark of the
 * same message that meet in a group become one row with both.
 */
export function foldDeliveryWrites(writes: readonly DeliveryWrite[]): DeliveryWrite[] {
  const byId = new Map<string, DeliveryWrite>();
  for (const w of writes) {
    const seen = byId.get(w.outboxId);
    if (!seen) {
      byId.set(w.outboxId, { ...w });
      continue;
    }
    seen.add = Math.min(1, seen.add + w.add) as 0 | 1;
    seen.to = w.to;
    seen.sent = w.sent ?? seen.sent;
  }
  return [...byId.values()];
}

/**
 * Delivers outbox messages, one job each. At-least-once: a message is marked SENT after the SMTP
 * server accepted it, so a crash between the two sends it again — with the same Message-ID and
 * X-STL-Idempotency-Key, so the copy can be recognised. The worker never sends a message that is
 * not PENDING, and there is at most one live job per message.
 */
@Injectable()
export class MailDeliveryProcessor {
  private readonly log = new Logger('MailDelivery');
  private readonly settings: NotificationConfig;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private readonly slotWaiters: (() => void)[] = [];
  private stopping = false;
  private readonly outcomes = new Map<MailOutcome, number>(MAIL_OUTCOMES.map((o) => [o, 0]));
  /**
   * Attempt counts and SENT marks, grouped into one statement for whatever came while the previous
   * one ran (issue 16: one statement per mail and per count held throughput down).
   */
  private readonly writes = new Grouped<DeliveryWrite>((items) => this.applyWrites(items), WRITE_LINGER_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: MailSender,
    private readonly check: SendTimeCheck,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.notification;
    // Twice the pool's connections: each connection has its next mail waiting when one ends.
    this.maxInFlight = 2 * Math.max(1, this.settings.smtpMaxConnections || 1);
  }

  /**
   * A batch of jobs, each settled on its own: one bad message does not hold back the others. The
   * messages and the facts of their send-time checks are read for the whole batch at once, and
   * SENT marks are grouped (issue 16).
   */
  async handle(jobs: JobWithMetadata<DeliverJobData>[]): Promise<void> {
    const valid: { job: JobWithMetadata<DeliverJobData>; outboxId: string }[] = [];
    for (const job of jobs) {
      // Job data is JSON from the queue table, not checked input: its type is a promise, not a
      // fact. A job without a message id is a bug to fail loudly, never a lookup by undefined.
      const outboxId: unknown = job.data?.outboxId;
      if (typeof outboxId !== 'string' || outboxId === '') {
        const reason = 'Delivery stopped: the job names no outbox message.';
        this.log.error(`Job ${job.id}: ${reason}`);
        await this.queue.fail(QUEUE.MAIL_DELIVER, job.id, reason);
        continue;
      }
      valid.push({ job, outboxId });
    }
    if (valid.length === 0) return;
    const errors = await this.deliverMany(
      valid.map(({ job, outboxId }) => ({ outboxId, lastAttempt: job.retryCount >= job.retryLimit })),
    );
    await Promise.all(
      valid.map(async ({ job, outboxId }, i) => {
        const err = errors[i];
        if (!err) return;
        const reason = err instanceof RetryLater ? err.message : `Delivery stopped: ${String(err)}`;
        if (!(err instanceof RetryLater)) this.log.error(`Outbox message ${outboxId}: ${reason}`);
        await this.queue.fail(QUEUE.MAIL_DELIVER, job.id, reason);
      }),
    );
  }

  /** One message, as a batch of one; throws what its job would be failed with. */
  async deliver(outboxId: string, lastAttempt: boolean): Promise<void> {
    const [err] = await this.deliverMany([{ outboxId, lastAttempt }]);
    if (err) throw err;
  }

  /**
   * Delivers a batch: every message still PENDING and still relevant is sent (concurrently, at most
   * as many at once as the pool has connections); returns per message null or the error its job
   * fails with (RetryLater for a transient SMTP failure or a shutdown before it started).
   */
  private async deliverMany(
    items: readonly { outboxId: string; lastAttempt: boolean }[],
  ): Promise<(Error | null)[]> {
    // The rows and the facts of their send-time checks in one statement (plain SQL, not the
    // repository: only what delivery reads, without entity hydration per row).
    const { msgs: rows, verdicts } = await this.check.readPending(items.map((i) => i.outboxId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Once the batch's last mail is done, its handler waits for nothing but the marks: they are
    // written at once instead of after the linger, so the loop fetches its next batch sooner.
    let sending = rows.length;
    const done = () => {
      if (--sending === 0) this.writes.flush();
    };
    return Promise.all(
      items.map(async (item): Promise<Error | null> => {
        const msg = byId.get(item.outboxId);
        if (!msg) return null;
        byId.delete(item.outboxId);
        let record: DeliveryWrite | null;
        try {
          record = await this.sendOne(msg, verdicts.get(msg.id) as Verdict, item.lastAttempt);
        } catch (err) {
          done();
          return err instanceof Error ? err : new Error(String(err));
        }
        // Marked SENT with whatever else was sent meanwhile (grouped). If marking fails (or the
        // process dies first), the job is retried and the mail sent again: the at-least-once end
        // of the bargain, made recognisable by the fixed Message-ID.
        const marked = record ? this.writes.add(record) : null;
        done();
        try {
          await marked;
          return null;
        } catch (err) {
          return err instanceof Error ? err : new Error(String(err));
        }
      }),
    );
  }

  /** How many delivery attempts of this process ended each way since it started (see MAIL_OUTCOMES). */
  outcomeCounts(): Record<MailOutcome, number> {
    return Object.fromEntries(this.outcomes) as Record<MailOutcome, number>;
  }

  private count(outcome: MailOutcome, n = 1): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + n);
  }

  /**
   * At shutdown (SIGTERM): mail not yet handed to the pool is not started (at most twice the pool's
   * connections are, so each connection has its next mail waiting); its job is failed
   * to be retried after the restart, while transactions in flight finish within the grace period.
   */
  stopSending(): void {
    this.stopping = true;
    for (const wake of this.slotWaiters.splice(0)) wake();
  }

  /** A pool connection's worth of sending; refused once the process is stopping. */
  private async acquireSlot(): Promise<void> {
    while (this.inFlight >= this.maxInFlight && !this.stopping) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    if (this.stopping)
      throw new RetryLater('Not sent: the process was stopping; it goes out after the restart.');
    this.inFlight++;
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.slotWaiters.shift()?.();
  }

  /**
   * Applies a group of writes to PENDING rows in one statement, committed without waiting for the
   * WAL flush (`synchronous_commit` off for this statement's transaction only): the flush was most
   * of each write's time, and a batch's handler waits for its marks. What a database crash can
   * lose is safe to lose: the job of a marked message is completed after the mark, by a commit that
   * does wait for the flush, and the WAL is flushed in order, so a completion that survived has its
   * mark; a lost mark leaves its job to be retried, the at-least-once send again with the same
   * Message-ID. Failed and unconfirmed outcomes (`finish`) are committed as usual.
   */
  private async applyWrites(writes: readonly DeliveryWrite[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message o
          SET attempts = o.attempts + x.add, to_address = x.to_address,
              status = CASE WHEN x.sent THEN $2 ELSE o.status END,
              sent_at = CASE WHEN x.sent THEN now() ELSE o.sent_at END,
              message_id = CASE WHEN x.sent THEN x.message_id ELSE o.message_id END,
              updated_at = CASE WHEN x.sent THEN now() ELSE o.updated_at END
         FROM jsonb_to_recordset($1::jsonb)
              AS x(id uuid, to_address varchar, add int, sent boolean, message_id varchar),
              (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
        WHERE o.id = x.id AND o.status = $3`,
      [
        JSON.stringify(
          foldDeliveryWrites(writes).map((w) => ({
            id: w.outboxId,
            to_address: w.to,
            add: w.add,
            sent: w.sent !== undefined,
            message_id: w.sent?.messageId ?? null,
          })),
        ),
        OutboxStatus.SENT,
        OutboxStatus.PENDING,
      ],
    );
  }

  /**
   * Sends one PENDING message if it is still relevant; returns what to mark it SENT with. Permanent
   * SMTP errors and the last transient one make it FAILED (the dead letter an administrator sees);
   * other transient errors throw RetryLater.
   */
  private async sendOne(
    msg: OutboxMessageEntity,
    verdict: Verdict,
    lastAttempt: boolean,
  ): Promise<DeliveryWrite | null> {
    const outboxId = msg.id;
    if (!verdict.send) {
      await this.finish(outboxId, OutboxStatus.CANCELLED, verdict.reason);
      this.count('cancelled');
      return null;
    }
    let mail: OutgoingMail;
    try {
      mail = composeMail(
        {
          idempotencyKey: msg.idempotencyKey,
          kind: msg.kind,
          data: verdict.data,
          createdAt: msg.createdAt,
          recipient: verdict.recipient,
          replyTo: msg.replyTo,
        },
        {
          publicWebUrl: this.settings.publicWebUrl,
          linkSecret: this.settings.linkSecret,
          from: this.sender.from,
        },
      );
    } catch (err) {
      // Bad template data cannot get better by waiting; it is a bug, so it is logged as well.
      const reason = `Could not render: ${(err as Error).message}`;
      this.log.error(`Outbox message ${outboxId} (${msg.kind}): ${reason}`);
      await this.finish(outboxId, OutboxStatus.FAILED, reason);
      this.count('failed');
      return null;
    }
    // `attempts` counts SMTP transactions (issue 16), not hand-overs to the pool: it is raised when
    // the message data starts going out, after DATA's 354 (so a crash after that still counts it),
    // or with the outcome of a transaction that failed before (a refused connection or recipient).
    // A mail still waiting for a pool connection, or in its envelope, when the process died never
    // reached the server. Raised at the data rather than at MAIL FROM, the count usually meets its
    // SENT mark in the same grouped statement: one row update per mail instead of two.
    const to = verdict.recipient.email;
    let counted: Promise<unknown> | null = null;
    const onTransmit = () => {
      counted ??= this.writes
        .add({ outboxId, to, add: 1 })
        .catch((err: unknown) =>
          this.log.warn(`Outbox message ${outboxId}: attempt not counted: ${String(err)}`),
        );
    };
    await this.acquireSlot();
    try {
      await this.sender.send(mail, { onTransmit });
    } catch (err) {
      this.releaseSlot();
      await counted;
      // Counted already if the message started going out; else this failed transaction counts now.
      const attemptedTo = counted ? null : to;
      const { permanent, reason, outcomeUnknown } = classifySmtpError(err);
      if (outcomeUnknown) {
        // The server has the whole message and never answered: it may have delivered it. Sending
        // it again would risk a copy, calling it failed would invite one (issue 16).
        await this.finish(
          outboxId,
          OutboxStatus.UNCONFIRMED,
          `Outcome unknown: the server received the whole message but did not confirm it (${reason}). It may have been delivered; it is not sent again.`,
          attemptedTo,
        );
        this.count('unconfirmed');
      } else if (permanent) {
        await this.finish(outboxId, OutboxStatus.FAILED, reason, attemptedTo);
        this.count('failed');
      } else if (lastAttempt) {
        await this.finish(
          outboxId,
          OutboxStatus.FAILED,
          `Gave up after the last retry: ${reason}`,
          attemptedTo,
        );
        this.count('failed');
      } else {
        await this.dataSource.query(
          `UPDATE outbox_message
              SET attempts = attempts + CASE WHEN $3::text IS NULL THEN 0 ELSE 1 END,
                  to_address = COALESCE($3::text, to_address), last_error = $2, updated_at = now()
            WHERE id = $1`,
          [outboxId, reason, attemptedTo],
        );
        this.count('retry');
        throw new RetryLater(reason);
      }
      return null;
    }
    this.releaseSlot();
    this.count('sent');
    // Not waiting for the count: queued still, it goes into the same statement as the mark.
    return { outboxId, to, add: counted ? 0 : 1, sent: { messageId: mail.messageId ?? null } };
  }

  /** Jobs that pg-boss gave up on (every retry failed, or the worker died each time). */
  async handleDeadLetters(jobs: Job<DeliverJobData>[]): Promise<void> {
    for (const job of jobs) {
      const result: unknown = await this.dataSource.query(
        `UPDATE outbox_message
            SET status = $2, last_error = 'Gave up after every retry: ' || COALESCE(last_error, 'no reply'), updated_at = now()
          WHERE id = $1 AND status = $3`,
        [job.data.outboxId, OutboxStatus.FAILED, OutboxStatus.PENDING],
      );
      // TypeORM answers an UPDATE with [rows, affected count].
      if (Array.isArray(result) && result[1] === 1) this.count('failed');
    }
  }

  /** Settles a PENDING message; with `attemptedTo`, after an SMTP transaction to that address. */
  private async finish(
    outboxId: string,
    status: OutboxStatus,
    reason: string,
    attemptedTo: string | null = null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message
          SET status = $2, last_error = $3, updated_at = now(),
              attempts = attempts + CASE WHEN $5::text IS NULL THEN 0 ELSE 1 END,
              to_address = COALESCE($5::text, to_address)
        WHERE id = $1 AND status = $4`,
      [outboxId, status, reason.slice(0, 2000), OutboxStatus.PENDING, attemptedTo],
    );
  }
}
