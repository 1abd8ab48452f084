import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss } from 'pg-boss';
import type { Job, JobWithMetadata } from 'pg-boss';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { COURSE_TIME_ZONE } from '@stl/shared/domain';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { DELIVERY_LOOPS, deliveryTiming } from './delivery-timing';
import type { DeliveryTiming } from './delivery-timing';
import { QUEUE, QUEUE_SCHEMA, REMINDER_TICK_RETENTION_SECONDS, SESSION_PURGE_CRON } from './queue-names';
import type { DeliverJobData, QueueName } from './queue-names';
import { dropUnmigratableQueueSchema, lockQueueUpkeep, pendingWithoutLiveJob } from './queue-schema';
import { transactionDb } from './transaction-db';

export const NOTIFICATION_DATABASE_URL = Symbol('NOTIFICATION_DATABASE_URL');

export interface DeliveryJobRequest {
  outboxId: string;
  idempotencyKey: string;
  /** Quiet hours: the job is not fetched before this moment. */
  startAfter: Date | null;
}

export type DeliverHandler = (jobs: JobWithMetadata<DeliverJobData>[]) => Promise<void>;

/** What JobQueue found and did on start (also logged). */
export interface QueueStartReport {
  /** The version of the queue schema that was dropped because pg-boss could not migrate it, or null. */
  replacedSchemaVersion: number | null;
  /** PENDING outbox messages that had no live delivery job and were given one. */
  requeued: number;
}

/** How many jobs of one queue wait and how many are being worked (JobQueue.depths). */
export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
}

/** Delivery jobs written per INSERT when mail without a job is queued again. */
const REQUEUE_CHUNK = 500;

/**
 * The one owner of pg-boss in a process. Every API process starts it (so the queue schema exists
 * and enqueueing works); only processes with WORKER_ENABLED fetch jobs, maintain the queues and run
 * the cron schedules (the reminder tick where REMINDER_CRON is set, the session purge everywhere).
 * pg-boss turns each cron slot into one job however many processes run cron, and hands each job to
 * one worker (SELECT … FOR UPDATE SKIP LOCKED).
 *
 * On start it also keeps the queue honest to the outbox (ADR 0006): a queue schema pg-boss cannot
 * migrate (pg-boss 10's) is replaced by a fresh one, and every PENDING message without a live
 * delivery job gets one again.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly settings: NotificationConfig;
  private readonly timing: DeliveryTiming;
  private readonly boss: PgBoss;
  private started = false;
  private stopping: Promise<void> | null = null;
  private report: QueueStartReport | null = null;

  constructor(
    @Inject(NOTIFICATION_DATABASE_URL) databaseUrl: string,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.settings = config.notification;
    this.timing = deliveryTiming(this.settings);
    const worker = this.settings.workerEnabled;
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: QUEUE_SCHEMA,
      application_name: 'stl-queue',
      max: worker ? 4 : 2,
      migrate: true,
      supervise: worker,
      // How soon jobs of a dead worker (heartbeat stopped) or a hung one (expired) are retried:
      // part of MAIL_RECOVERY_SECONDS (issue 16; pg-boss's default is a minute).
      superviseIntervalSeconds: this.settings.superviseSeconds,
      monitorIntervalSeconds: this.settings.superviseSeconds,
      // Every worker runs cron, not only those with REMINDER_CRON: the session purge must run even
      // where reminders are off everywhere. (Such a process also turns the stored reminder schedule
      // into ticks; see REMINDER_TICK_RETENTION_SECONDS for why that is harmless.)
      schedule: worker,
      // Processes that deliver listen (one connection of their own) for the NOTIFY that the
      // insert of a delivery job sends at its transaction's commit, and fetch at once instead of
      // at their next poll: mail leaves milliseconds after the change that caused it, also when
      // another process enqueued it (ADR 0019). Polling stays, at the same interval, for what no
      // insert announces: retries coming due, quiet hours ending, a dead worker's jobs.
      // WORKER_LISTEN=false (behind PgBouncer in transaction mode) leaves the poll alone.
      useListenNotify: worker && this.settings.listen,
    });
    // An EventEmitter without an 'error' listener would crash the process on a lost connection.
    let shutdownSeen = false;
    this.boss.on('error', (err: Error & { code?: string }) => {
      // 57P01: the database is shutting down (Ctrl-C reaches the embedded PostgreSQL too): said once.
      if (err.code === '57P01') {
        if (!shutdownSeen) this.log.warn('The database is shutting down: the job queue stops.');
        shutdownSeen = true;
        return;
      }
      this.log.error(`Job queue error: ${err.message}`);
    });
  }

  async onModuleInit(): Promise<void> {
    // pg-boss 12 refuses a schema made by pg-boss 10 (version 24): it has no migration from there.
    const replaced = await dropUnmigratableQueueSchema(this.dataSource);
    await this.boss.start();
    this.started = true;
    await this.boss.createQueue(QUEUE.MAIL_DEAD_LETTER);
    await this.boss.createQueue(QUEUE.MAIL_DELIVER, { deadLetter: QUEUE.MAIL_DEAD_LETTER, notify: true });
    // A queue made by an earlier release keeps its options through createQueue.
    await this.boss.updateQueue(QUEUE.MAIL_DELIVER, { notify: true });
    // 'singleton': at most one tick is active at a time, across every process.
    await this.boss.createQueue(QUEUE.REMINDER_TICK, { policy: 'singleton' });
    // On every start: createQueue leaves an existing queue as it was, and queue options are the
    // defaults of every job, also of ticks made from a schedule an earlier release stored.
    await this.boss.updateQueue(QUEUE.REMINDER_TICK, { retentionSeconds: REMINDER_TICK_RETENTION_SECONDS });
    // 'exclusive': at most one purge queued or active, so runs never pile up or overlap.
    await this.boss.createQueue(QUEUE.SESSION_PURGE, { policy: 'exclusive' });
    const requeued = await this.requeuePendingWithoutJob();
    this.report = { replacedSchemaVersion: replaced, requeued };
    if (replaced !== null) {
      this.log.log(
        `Job queue schema v${replaced} replaced by v${await this.boss.schemaVersion()}; ${requeued} pending mails queued again.`,
      );
    } else if (requeued > 0) {
      this.log.warn(`${requeued} pending mails had no delivery job; queued again.`);
    }
  }

  /**
   * Readiness (`/health/ready`): the queue has started, is not stopping, and its own connections
   * reach its schema in PostgreSQL.
   */
  async ready(): Promise<boolean> {
    if (!this.started || this.stopping) return false;
    try {
      return await this.boss.isInstalled();
    } catch {
      return false;
    }
  }

  /**
   * Jobs waiting (queued, including retries and those deferred to a later start) and being worked,
   * per queue, counted now from the job table (pg-boss's cached counts are only refreshed where a
   * worker supervises). For monitoring (`/metrics`).
   */
  async depths(): Promise<QueueDepth[]> {
    const rows: { name: string; waiting: string; active: string }[] = await this.dataSource.query(
      `SELECT name,
              count(*) FILTER (WHERE state IN ('created', 'retry')) AS waiting,
              count(*) FILTER (WHERE state = 'active') AS active
         FROM ${QUEUE_SCHEMA}.job
        WHERE state IN ('created', 'retry', 'active')
        GROUP BY name`,
    );
    return rows.map((r) => ({ queue: r.name, waiting: Number(r.waiting), active: Number(r.active) }));
  }

  /** What the start found and did; null before the start. */
  get startReport(): QueueStartReport | null {
    return this.report;
  }

  /**
   * Gives every PENDING outbox message without a live delivery job a job again, with its quiet-hours
   * `not_before`: after the queue schema was replaced, or lost, or its jobs expired unfetched. Under
   * the upkeep lock and in one transaction, so that processes starting together queue each message
   * once; a message enqueued meanwhile commits with its job, so it is never taken for one without.
   * Returns how many were queued.
   */
  private requeuePendingWithoutJob(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await lockQueueUpkeep(m);
      const rows = await pendingWithoutLiveJob(m);
      for (let i = 0; i < rows.length; i += REQUEUE_CHUNK) {
        await this.addDeliveryJobs(
          m,
          rows.slice(i, i + REQUEUE_CHUNK).map((r) => ({
            outboxId: r.id,
            idempotencyKey: r.idempotency_key,
            startAfter: r.not_before,
          })),
        );
      }
      return rows.length;
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /**
   * Stops fetching, lets handlers in progress (mail in an SMTP transaction) finish within
   * MAIL_SHUTDOWN_GRACE_SECONDS, and closes the queue's connections. A handler still running then
   * has its job failed by pg-boss, to be retried (at-least-once, the same Message-ID).
   */
  stop(): Promise<void> {
    if (!this.started) return Promise.resolve();
    // pg-boss 11+: stop() itself resolves once stopped (10 needed `wait: true` for that).
    if (!this.stopping)
      this.stopping = this.boss.stop({ graceful: true, timeout: this.settings.shutdownGraceMs, close: true });
    return this.stopping;
  }

  /** Retry policy of delivery jobs: exponential backoff from MAIL_RETRY_DELAY_SECONDS. */
  private deliveryOptions() {
    return {
      retryLimit: this.settings.retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.timing.expireInSeconds,
      // A worker refreshes it while it holds the job; a killed one stops, and the job is retried
      // within MAIL_RECOVERY_SECONDS instead of after its expiry (issue 16).
      heartbeatSeconds: this.timing.heartbeatSeconds,
    };
  }

  /** Queues delivery jobs in the caller's transaction (with the outbox rows they deliver). */
  async addDeliveryJobs(manager: EntityManager, requests: readonly DeliveryJobRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const db = transactionDb(manager);
    if (requests.length === 1) {
      const [r] = requests;
      await this.boss.send(QUEUE.MAIL_DELIVER, { outboxId: r.outboxId } satisfies DeliverJobData, {
        ...this.deliveryOptions(),
        singletonKey: r.idempotencyKey,
        ...(r.startAfter ? { startAfter: r.startAfter } : {}),
        db,
      });
      return;
    }
    const options = this.deliveryOptions();
    await this.boss.insert(
      QUEUE.MAIL_DELIVER,
      requests.map((r) => ({
        data: { outboxId: r.outboxId } satisfies DeliverJobData,
        singletonKey: r.idempotencyKey,
        ...(r.startAfter ? { startAfter: r.startAfter.toISOString() } : {}),
        ...options,
      })),
      { db },
    );
  }

  /**
   * Registers the delivery workers: `loops` fetch loops, each taking MAIL_BATCH_SIZE jobs at a time
   * (their expiry is sized so that all of them can be sent in time, see deliveryTiming).
   */
  async workDeliveries(handler: DeliverHandler, loops = DELIVERY_LOOPS): Promise<void> {
    for (let i = 0; i < loops; i++) {
      // No explicit type arguments: pg-boss 12 infers the handler's job type (with metadata) from
      // the literal `includeMetadata: true`, which an explicit <DeliverJobData> would hide.
      await this.boss.work(
        QUEUE.MAIL_DELIVER,
        {
          batchSize: this.timing.batchSize,
          pollingIntervalSeconds: this.settings.pollSeconds,
          // With the NOTIFY listener up, pg-boss would poll only every 30 s: retries coming due
          // and the jobs of a dead worker are announced by no insert, so the poll keeps its pace.
          notifyPollingIntervalSeconds: this.settings.pollSeconds,
          // While fetches come back full, fetch again at once instead of after the poll interval:
          // without it a loop sent at most one batch per interval (2 × 50 mails per 0.5 s in the
          // bench, the 200 mails/s ceiling of issue 16).
          burstWhenBatchFull: true,
          includeMetadata: true,
        },
        handler,
      );
    }
  }

  async workDeadLetters(handler: (jobs: Job<DeliverJobData>[]) => Promise<void>): Promise<void> {
    await this.boss.work<DeliverJobData>(
      QUEUE.MAIL_DEAD_LETTER,
      { batchSize: 20, pollingIntervalSeconds: Math.max(this.settings.pollSeconds, 1) },
      handler,
    );
  }

  /** Runs the reminder tick from the cron schedule (Stockholm time). */
  async scheduleTicks(handler: () => Promise<void>): Promise<void> {
    const cron = this.settings.reminderCron;
    if (!cron) return;
    await this.boss.work(QUEUE.REMINDER_TICK, { pollingIntervalSeconds: 5 }, async () => handler());
    await this.boss.schedule(
      QUEUE.REMINDER_TICK,
      cron,
      {},
      {
        tz: COURSE_TIME_ZONE,
        retryLimit: 1,
        expireInSeconds: 600,
      },
    );
  }

  /**
   * Runs the session purge from its hourly cron schedule. A failed run is retried once, and the
   * next hour's run would catch up anyway.
   */
  async scheduleSessionPurge(handler: () => Promise<void>): Promise<void> {
    await this.boss.work(QUEUE.SESSION_PURGE, { pollingIntervalSeconds: 30 }, async () => handler());
    await this.boss.schedule(
      QUEUE.SESSION_PURGE,
      SESSION_PURGE_CRON,
      {},
      { retryLimit: 1, expireInSeconds: 600 },
    );
  }

  /**
   * Runs another feature's housekeeping job (e.g. the retention schedule, ADR 0030) from a cron
   * schedule (Stockholm time): its own queue, at most one run queued or active, retried once. The
   * feature owns the queue name, the schedule and the work; this lib owns pg-boss in the process.
   */
  async scheduleHousekeeping(queue: string, cron: string, handler: () => Promise<void>): Promise<void> {
    await this.boss.createQueue(queue, { policy: 'exclusive' });
    await this.boss.work(queue, { pollingIntervalSeconds: 30 }, async () => handler());
    await this.boss.schedule(queue, cron, {}, { tz: COURSE_TIME_ZONE, retryLimit: 1, expireInSeconds: 1800 });
  }

  /** Hands a job back to pg-boss as failed: it is retried with backoff, or dead-lettered. */
  async fail(queue: QueueName, jobId: string, reason: string): Promise<void> {
    await this.boss.fail(queue, jobId, { message: reason });
  }
}
