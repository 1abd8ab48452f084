import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEMO_IDS,
  OutboxMessageEntity,
  OutboxStatus,
  createScratchDatabase,
  dataSourceOptions,
  runMigrations,
  seedDemo,
  testServerUrl,
} from '@stl/api/data-access-db';
import { QUEUE, QUEUE_SCHEMA } from '@stl/api/feature-notification';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../../src/app/create-app';
import { mailEnv, testDraft } from './mail-fixtures';

/**
 * A database as the previous release (pg-boss 10.4.2, queue schema version 24) left it: our own
 * tables from our migrations, and the job queue's schema from pg-boss 10's own construction plan
 * (fixtures/pgboss-v24-schema.sql), with the queues that release's JobQueue created.
 */
export interface PreviousReleaseDb {
  url: string;
  db: DataSource;
  drop(): Promise<void>;
}

/** The outbox message and, unless `job` is null, its delivery job in pg-boss 10's tables. */
export interface OldMail {
  key: string;
  status: OutboxStatus;
  /** Quiet hours: the outbox's `not_before`, also the job's `start_after`. */
  notBefore?: Date;
  attempts?: number;
  /** pg-boss 10 job state, or null for a message without a job (HELD). */
  job: 'created' | 'retry' | 'active' | 'completed' | null;
}

export async function previousReleaseDatabase(): Promise<PreviousReleaseDb> {
  const scratch = await createScratchDatabase(testServerUrl());
  await runMigrations(scratch.url);
  const db = await new DataSource(dataSourceOptions(scratch.url, { extra: { max: 2 } })).initialize();
  await seedDemo(db);
  // One multi-statement script with its own BEGIN/COMMIT, as pg-boss 10 ran it.
  await db.query(readFileSync(join(__dirname, '../fixtures/pgboss-v24-schema.sql'), 'utf8'));
  // The previous JobQueue.onModuleInit: createQueue() of pg-boss 10, which calls this function
  // with these options (the ones it was not given are null).
  const createQueue = (name: string, options: Record<string, unknown>) =>
    db.query(`SELECT ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
      name,
      JSON.stringify({ policy: 'standard', ...options }),
    ]);
  await createQueue(QUEUE.MAIL_DEAD_LETTER, {});
  await createQueue(QUEUE.MAIL_DELIVER, { deadLetter: QUEUE.MAIL_DEAD_LETTER });
  await createQueue(QUEUE.REMINDER_TICK, { policy: 'singleton' });
  // Its cron schedule, as pg-boss 10's schedule() stored it.
  await db.query(
    `INSERT INTO ${QUEUE_SCHEMA}.schedule (name, cron, timezone, data, options)
     VALUES ($1, '*/15 * * * *', 'Europe/Stockholm', '{}', '{"tz":"Europe/Stockholm","retryLimit":1,"expireInSeconds":600}')`,
    [QUEUE.REMINDER_TICK],
  );
  return {
    url: scratch.url,
    db,
    drop: async () => {
      await db.destroy();
      await scratch.drop();
    },
  };
}

/**
 * Writes outbox messages (a "submission due" reminder to a demo teacher each, which stays relevant)
 * and their delivery jobs as the previous release did: the row through our entity, the job with the
 * columns pg-boss 10's send() filled in (the previous JobQueue's retry options, the idempotency key
 * as singleton key, quiet hours as start_after). Returns the outbox ids by key.
 */
export async function seedOldMail(db: DataSource, mails: readonly OldMail[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, mail] of mails.entries()) {
    const recipientId = DEMO_IDS.person(100 + (i % 20));
    const [person]: { email: string; locale: string }[] = await db.query(
      `SELECT email, locale FROM person WHERE id = $1`,
      [recipientId],
    );
    const draft = testDraft(mail.key, recipientId);
    const sent = mail.status === OutboxStatus.SENT;
    const row = await db.getRepository(OutboxMessageEntity).save({
      idempotencyKey: mail.key,
      kind: draft.kind,
      organisationId: DEMO_IDS.organisation,
      recipientId,
      toAddress: person.email,
      locale: person.locale,
      payload: draft.data as unknown as Record<string, unknown>,
      refs: draft.refs,
      status: mail.status,
      attempts: mail.attempts ?? (sent ? 1 : 0),
      notBefore: mail.notBefore ?? null,
      digestOn: mail.status === OutboxStatus.HELD ? '2026-12-01' : null,
      messageId: sent ? `<${mail.key}@stl.larkby.test>` : null,
      sentAt: sent ? new Date() : null,
    });
    ids.set(mail.key, row.id);
    if (mail.job === null) continue;
    await db.query(
      `INSERT INTO ${QUEUE_SCHEMA}.job
         (name, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on,
          singleton_key, expire_in, completed_on, policy, dead_letter)
       VALUES ($1, $2, $3::${QUEUE_SCHEMA}.job_state, 3, $4, 1, true, COALESCE($5, now()),
               CASE WHEN $3 IN ('active', 'completed') THEN now() - interval '1 minute' END,
               $6, interval '300 seconds', CASE WHEN $3 = 'completed' THEN now() END, 'standard', $7)`,
      [
        QUEUE.MAIL_DELIVER,
        JSON.stringify({ outboxId: row.id }),
        mail.job,
        mail.job === 'retry' ? 1 : 0,
        mail.notBefore ?? null,
        mail.key,
        QUEUE.MAIL_DEAD_LETTER,
      ],
    );
  }
  return ids;
}

/** An API process of the new release on that database, workers delivering to `smtpPort`. */
export async function startNewRelease(databaseUrl: string, smtpPort: number): Promise<INestApplication> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST_DIR: 'tmp/no-web-app',
    ...mailEnv(smtpPort),
  });
  const app = await createApp(config, databaseUrl);
  await app.init();
  return app;
}
