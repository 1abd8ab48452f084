import { getMigrationPlans } from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxStatus } from '@stl/api/data-access-db';
import { QUEUE, QUEUE_SCHEMA } from './queue-names';

/**
 * Upkeep of the job queue's schema that pg-boss does not do itself: replacing a schema it can no
 * longer migrate, and putting every PENDING outbox message that has no live delivery job back on
 * the queue. ADR 0006 explains why both are safe: the outbox, not the queue, is the source of truth.
 */

/**
 * One name for every process of an installation (advisory locks are per database): whoever holds
 * it is the only one replacing the queue schema or looking for mail without a job.
 */
const QUEUE_UPKEEP_LOCK = `stl.job-queue-upkeep.${QUEUE_SCHEMA}`;

/** Waits (bounded) for the other processes' upkeep; released when the caller's transaction ends. */
export async function lockQueueUpkeep(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL lock_timeout = '30s'`);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [QUEUE_UPKEEP_LOCK]);
}

/** The version in `<QUEUE_SCHEMA>.version`, or null when pg-boss is not installed there (yet). */
export async function queueSchemaVersion(manager: EntityManager): Promise<number | null> {
  const [{ found }]: { found: string | null }[] = await manager.query(`SELECT to_regclass($1) AS found`, [
    `${QUEUE_SCHEMA}.version`,
  ]);
  if (!found) return null;
  const rows: { version: number | string }[] = await manager.query(
    `SELECT version FROM ${QUEUE_SCHEMA}.version`,
  );
  return rows.length ? Number(rows[0].version) : null;
}

/**
 * Whether the installed pg-boss can bring a schema of this version up to date, asked of pg-boss
 * itself: it builds no migration plan from a version below its oldest starting point (pg-boss 12
 * starts at 25; pg-boss 10 made 24). The current version, or a newer one, needs no plan and is fine.
 */
export function pgBossCanMigrateFrom(version: number): boolean {
  try {
    getMigrationPlans(QUEUE_SCHEMA, version);
    return true;
  } catch (err) {
    return !/oldest supported starting version/i.test(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Drops the queue schema when pg-boss cannot migrate it (one made by pg-boss 10), so that pg-boss
 * creates a fresh one on start. Under the upkeep lock, so that of several processes starting at
 * once exactly one drops it and the others find it gone or already new. Returns the version that
 * was dropped, or null when nothing was.
 */
export async function dropUnmigratableQueueSchema(dataSource: DataSource): Promise<number | null> {
  return dataSource.transaction(async (m) => {
    await lockQueueUpkeep(m);
    const version = await queueSchemaVersion(m);
    if (version === null || pgBossCanMigrateFrom(version)) return null;
    await m.query(`DROP SCHEMA ${QUEUE_SCHEMA} CASCADE`);
    return version;
  });
}

export interface PendingWithoutJob {
  id: string;
  idempotency_key: string;
  not_before: Date | null;
}

/**
 * PENDING outbox messages with no live job (created, retry or active) in the delivery queue or its
 * dead-letter queue: mail that nothing would ever deliver or settle. Reads pg-boss's job table
 * (pg-boss documents it for use from SQL); one statement, so a job that moves from active to failed
 * and into the dead-letter queue is seen on one side of the move or the other, never in between.
 */
export function pendingWithoutLiveJob(manager: EntityManager): Promise<PendingWithoutJob[]> {
  return manager.query(
    `SELECT o.id, o.idempotency_key, o.not_before
       FROM outbox_message o
      WHERE o.status = $1
        AND NOT EXISTS (
              SELECT 1 FROM ${QUEUE_SCHEMA}.job j
               WHERE j.name IN ($2, $3)
                 AND j.state IN ('created', 'retry', 'active')
                 AND j.data->>'outboxId' = o.id::text)
      ORDER BY o.created_at, o.id`,
    [OutboxStatus.PENDING, QUEUE.MAIL_DELIVER, QUEUE.MAIL_DEAD_LETTER],
  );
}
