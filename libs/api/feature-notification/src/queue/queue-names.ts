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
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** pg-boss keeps its tables here, apart from the entity tables that TypeORM migrations own. */
export const QUEUE_SCHEMA = 'pgboss';

export interface DeliverJobData {
  outboxId: string;
}

export type ReminderTickJobData = Record<string, never>;

/** A delivery job may run this long (SMTP timeouts are far shorter) before pg-boss retries it. */
export const DELIVER_EXPIRE_SECONDS = 300;
