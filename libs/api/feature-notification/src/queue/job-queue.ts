import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { DELIVER_EXPIRE_SECONDS, QUEUE, QUEUE_SCHEMA } from './queue-names';
import type { DeliverJobData, QueueName } from './queue-names';
import { transactionDb } from './transaction-db';

export const NOTIFICATION_DATABASE_URL = Symbol('NOTIFICATION_DATABASE_URL');

export interface DeliveryJobRequest {
  outboxId: string;
  idempotencyKey: string;
  /** Quiet hours: the job is not fetched before this moment. */
  startAfter: Date | null;
}

export type DeliverHandler = (jobs: PgBoss.JobWithMetadata<DeliverJobData>[]) => Promise<void>;

/**
 * The one owner of pg-boss in a process. Every API process starts it (so the queue schema exists
 * and enqueueing works); only processes with WORKER_ENABLED fetch jobs, maintain the queues and run
 * the cron schedule. pg-boss lets one process at a time turn a cron slot into a job, and hands each
 * job to one worker (SELECT … FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly settings: NotificationConfig;
  private readonly boss: PgBoss;
  private started = false;
  private stopping: Promise<void> | null = null;

  constructor(@Inject(NOTIFICATION_DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.notification;
    const worker = this.settings.workerEnabled;
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: QUEUE_SCHEMA,
      application_name: 'stl-queue',
      max: worker ? 4 : 2,
      migrate: true,
      supervise: worker,
      schedule: worker && this.settings.reminderCron !== null,
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
    await this.boss.start();
    this.started = true;
    await this.boss.createQueue(QUEUE.MAIL_DEAD_LETTER, { name: QUEUE.MAIL_DEAD_LETTER });
    await this.boss.createQueue(QUEUE.MAIL_DELIVER, {
      name: QUEUE.MAIL_DELIVER,
      deadLetter: QUEUE.MAIL_DEAD_LETTER,
    });
    // 'singleton': at most one tick is active at a time, across every process.
    await this.boss.createQueue(QUEUE.REMINDER_TICK, { name: QUEUE.REMINDER_TICK, policy: 'singleton' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Stops fetching, waits (bounded) for handlers in progress, and closes the queue's connections. */
  stop(): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.stopping ??= this.boss.stop({ graceful: true, wait: true, timeout: 15_000, close: true });
    return this.stopping;
  }

  /** Retry policy of delivery jobs: exponential backoff from MAIL_RETRY_DELAY_SECONDS. */
  private deliveryOptions() {
    return {
      retryLimit: this.settings.retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: DELIVER_EXPIRE_SECONDS,
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
      requests.map((r) => ({
        name: QUEUE.MAIL_DELIVER,
        data: { outboxId: r.outboxId } satisfies DeliverJobData,
        singletonKey: r.idempotencyKey,
        ...(r.startAfter ? { startAfter: r.startAfter.toISOString() } : {}),
        ...options,
      })),
      { db },
    );
  }

  /** Registers the delivery workers: `loops` fetch loops, each taking MAIL_BATCH_SIZE jobs at a time. */
  async workDeliveries(handler: DeliverHandler, loops = 2): Promise<void> {
    for (let i = 0; i < loops; i++) {
      await this.boss.work<DeliverJobData>(
        QUEUE.MAIL_DELIVER,
        {
          batchSize: this.settings.batchSize,
          pollingIntervalSeconds: this.settings.pollSeconds,
          includeMetadata: true,
        },
        handler,
      );
    }
  }

  async workDeadLetters(handler: (jobs: PgBoss.Job<DeliverJobData>[]) => Promise<void>): Promise<void> {
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
        tz: 'Europe/Stockholm',
        retryLimit: 1,
        expireInSeconds: 600,
      },
    );
  }

  /** Hands a job back to pg-boss as failed: it is retried with backoff, or dead-lettered. */
  async fail(queue: QueueName, jobId: string, reason: string): Promise<void> {
    await this.boss.fail(queue, jobId, { message: reason });
  }
}
