/**
 * The job queues of the platform (pg-boss, in the `pgboss` schema of the same database). Names are
 * constants: a renamed queue strands the jobs already in it.
 */
export const QUEUE = {
  /** One job per outbox message to deliver: `{ outboxId }`. */
  MAIL_DELIVER: 'mail-deliver',
  /** Where pg-boss moves a delivery job that failed every retry (or timed out for good). */
  MAIL_DEAD_LETTER: 'mail-deliver-dead',
  /** The reminder tick: works out what is due and enqueues it. Scheduled by cron. */
  REMINDER_TICK: 'reminder-tick',
  /**
   * Deletes expired sign-in sessions (feature-auth's `SessionService.purgeExpired`). Scheduled by
   * cron; at most one job queued or active.
   */
  SESSION_PURGE: 'session-purge',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** pg-boss keeps its tables here, apart from the entity tables that TypeORM migrations own. */
export const QUEUE_SCHEMA = 'pgboss';

export interface DeliverJobData {
  outboxId: string;
}

export type ReminderTickJobData = Record<string, never>;

/**
 * When expired sessions are purged: hourly, off the full hour when other schedules tend to run.
 * A constant, not a setting: an expired session is refused anyway, so the purge only keeps the
 * table small, and nothing about it needs tuning per installation.
 */
export const SESSION_PURGE_CRON = '7 * * * *';

/**
 * How long a reminder tick may wait unworked before pg-boss deletes it. Every worker process runs
 * pg-boss's cron (for the session purge), also where REMINDER_CRON is off; a tick it makes from the
 * stored reminder schedule waits for a process that works ticks. With none (reminders off
 * everywhere) ticks would pile up for pg-boss's default 14 days and then all run, one after the
 * other, once reminders are turned on again. A tick adds nothing the next tick will not do (each
 * works out what is due when it runs), so one that has waited an hour is dropped.
 */
export const REMINDER_TICK_RETENTION_SECONDS = 3600;
