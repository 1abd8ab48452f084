import type { INestApplication } from '@nestjs/common';
import { getConstructionPlans } from 'pg-boss';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { DEMO_IDS, OutboxStatus } from '@stl/api/data-access-db';
import { JobQueue, OutboxService, QUEUE, QUEUE_SCHEMA } from '@stl/api/feature-notification';
import { startTestSmtpServer } from '@stl/mail/data-access-transport/testing';
import type { TestSmtpServer } from '@stl/mail/data-access-transport/testing';
import { byKey, outboxRows, settled, testDraft, waitFor } from './support/mail-fixtures';
import { previousReleaseDatabase, seedOldMail, startNewRelease } from './support/previous-release';
import type { OldMail, PreviousReleaseDb } from './support/previous-release';

/**
 * An installation made by the previous release (pg-boss 10, queue schema version 24, which pg-boss
 * 12 cannot migrate) upgrades by itself when the new release starts on it: the queue schema is
 * replaced, and the outbox, the source of truth, puts every mail not yet sent back on the queue.
 */
const HOUR = 3_600_000;
const inAnHour = new Date(Date.now() + HOUR);

/** What the previous release left behind when it was stopped. */
const OLD_MAIL: OldMail[] = [
  { key: 'OLD:pending:1', status: OutboxStatus.PENDING, job: 'created' },
  { key: 'OLD:pending:2', status: OutboxStatus.PENDING, job: 'created' },
  // Failed once (SMTP was down), waiting for its retry.
  { key: 'OLD:retrying', status: OutboxStatus.PENDING, attempts: 1, job: 'retry' },
  // In flight: a worker had fetched it when the old process stopped, before it reached SMTP.
  { key: 'OLD:in-flight', status: OutboxStatus.PENDING, attempts: 1, job: 'active' },
  // Quiet hours: not before an hour from now.
  { key: 'OLD:quiet-hours', status: OutboxStatus.PENDING, notBefore: inAnHour, job: 'created' },
  { key: 'OLD:sent:1', status: OutboxStatus.SENT, job: 'completed' },
  { key: 'OLD:sent:2', status: OutboxStatus.SENT, job: 'completed' },
  { key: 'OLD:failed', status: OutboxStatus.FAILED, job: 'completed' },
  { key: 'OLD:cancelled', status: OutboxStatus.CANCELLED, job: 'completed' },
  // Waiting for a daily digest: no job of its own, by design.
  { key: 'OLD:held', status: OutboxStatus.HELD, job: null },
];
const DELIVERED_NOW = ['OLD:pending:1', 'OLD:pending:2', 'OLD:retrying', 'OLD:in-flight'];
const REQUEUED = [...DELIVERED_NOW, 'OLD:quiet-hours'];
const NEVER_AGAIN = ['OLD:sent:1', 'OLD:sent:2', 'OLD:failed', 'OLD:cancelled', 'OLD:held'];

/** The schema version pg-boss 12 installs, as its own construction plan writes it. */
const CURRENT_SCHEMA_VERSION = Number(
  /INSERT INTO \S+\.version\s*\(version\) VALUES \('(\d+)'\)/.exec(getConstructionPlans(QUEUE_SCHEMA))?.[1],
);

describe('upgrading an installation of the previous release (pg-boss 10)', () => {
  let smtp: TestSmtpServer;
  let prev: PreviousReleaseDb;
  let ids: Map<string, string>;
  const apps: INestApplication[] = [];

  const version = async (): Promise<number> =>
    Number((await prev.db.query(`SELECT version FROM ${QUEUE_SCHEMA}.version`))[0].version);
  /** Delivery jobs per outbox key, live ones (created, retry, active) and all of them. */
  const jobsByKey = async (): Promise<Map<string, { live: number; all: number }>> => {
    const rows: { key: string; live: number; all: number }[] = await prev.db.query(
      `SELECT o.idempotency_key AS key,
              count(*) FILTER (WHERE j.state IN ('created', 'retry', 'active'))::int AS live,
              count(*)::int AS all
         FROM ${QUEUE_SCHEMA}.job j JOIN outbox_message o ON j.data->>'outboxId' = o.id::text
        WHERE j.name = $1
        GROUP BY o.idempotency_key`,
      [QUEUE.MAIL_DELIVER],
    );
    return new Map(rows.map((r) => [r.key, { live: r.live, all: r.all }]));
  };
  const received = (key: string) => byKey(smtp.received).get(key)?.length ?? 0;
  const closeApps = async () => {
    while (apps.length) await apps.pop()?.close();
  };

  beforeAll(async () => {
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(24);
    smtp = await startTestSmtpServer();
    prev = await previousReleaseDatabase();
    ids = await seedOldMail(prev.db, OLD_MAIL);
    expect(await version()).toBe(24);
  });
  afterAll(async () => {
    await closeApps();
    await prev?.drop();
    await smtp?.close();
  });

  it('replaces the v24 queue schema once and delivers every pending mail exactly once, with two processes starting together', async () => {
    const started = await Promise.all([
      startNewRelease(prev.url, smtp.port),
      startNewRelease(prev.url, smtp.port),
    ]);
    apps.push(...started);

    // One process replaced the schema; between them, each pending message was queued again once.
    const reports = started.map((app) => app.get(JobQueue).startReport);
    expect(reports.map((r) => r?.replacedSchemaVersion).sort()).toEqual([24, null]);
    expect(reports.reduce((n, r) => n + (r?.requeued ?? 0), 0)).toBe(REQUEUED.length);
    expect(await version()).toBe(CURRENT_SCHEMA_VERSION);

    await waitFor(async () => DELIVERED_NOW.every((k) => received(k) > 0), 'the pending mails');
    await settled(prev.db);
    for (const key of DELIVERED_NOW) expect([key, received(key)]).toEqual([key, 1]);
    for (const key of [...NEVER_AGAIN, 'OLD:quiet-hours']) expect([key, received(key)]).toEqual([key, 0]);
    expect(smtp.received).toHaveLength(DELIVERED_NOW.length);

    const rows = new Map((await outboxRows(prev.db)).map((r) => [r.idempotency_key, r]));
    for (const key of DELIVERED_NOW) expect(rows.get(key)?.status).toBe('SENT');
    expect(rows.get('OLD:in-flight')?.attempts).toBe(2);
    for (const old of OLD_MAIL.filter((m) => !DELIVERED_NOW.includes(m.key))) {
      expect([old.key, rows.get(old.key)?.status]).toEqual([old.key, old.status]);
    }

    // Exactly one delivery job per message that was not yet sent, none for the others; the
    // quiet-hours one waits for its not_before.
    const jobs = await jobsByKey();
    expect(Object.fromEntries([...jobs].map(([k, n]) => [k, n.all]))).toEqual(
      Object.fromEntries(REQUEUED.map((k) => [k, 1])),
    );
    expect(jobs.get('OLD:quiet-hours')?.live).toBe(1);
    const [quiet] = await prev.db.query(
      `SELECT start_after FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'outboxId' = $2`,
      [QUEUE.MAIL_DELIVER, ids.get('OLD:quiet-hours')],
    );
    expect(new Date(quiet.start_after).getTime()).toBe(inAnHour.getTime());

    // The queues are pg-boss 12's, with the settings the release gives them (and pg-boss's own
    // queue for cron, `__pgboss__send-it`, left out).
    const queues: { name: string; policy: string; dead_letter: string | null }[] = await prev.db.query(
      `SELECT name, policy, dead_letter FROM ${QUEUE_SCHEMA}.queue WHERE NOT starts_with(name, '__pgboss__') ORDER BY name`,
    );
    expect(queues).toEqual([
      { name: QUEUE.MAIL_DELIVER, policy: 'standard', dead_letter: QUEUE.MAIL_DEAD_LETTER },
      { name: QUEUE.MAIL_DEAD_LETTER, policy: 'standard', dead_letter: null },
      // The nightly retention job of the privacy lib (ADR 0030), made like the other housekeeping.
      { name: 'privacy-retention', policy: 'exclusive', dead_letter: null },
      { name: QUEUE.REMINDER_TICK, policy: 'singleton', dead_letter: null },
      { name: QUEUE.SESSION_PURGE, policy: 'exclusive', dead_letter: null },
    ]);
    await closeApps();
  });

  it('changes nothing and sends nothing again on the next start', async () => {
    const before = smtp.received.length;
    const jobsBefore = await jobsByKey();
    const app = await startNewRelease(prev.url, smtp.port);
    apps.push(app);
    expect(app.get(JobQueue).startReport).toEqual({ replacedSchemaVersion: null, requeued: 0 });
    expect(await version()).toBe(CURRENT_SCHEMA_VERSION);

    // A new mail goes through the worker: had anything old been queued again, it would go too.
    const outbox = app.get(OutboxService);
    await app
      .get(TypeOrmDataSource)
      .transaction((m) => outbox.enqueue(m, testDraft('NEW:after-upgrade', DEMO_IDS.person(100))));
    await waitFor(async () => received('NEW:after-upgrade') === 1, 'the new mail');
    await settled(prev.db);
    expect(smtp.received).toHaveLength(before + 1);
    for (const key of [...DELIVERED_NOW, ...NEVER_AGAIN, 'OLD:quiet-hours']) {
      expect([key, received(key)]).toEqual([key, DELIVERED_NOW.includes(key) ? 1 : 0]);
    }
    const jobsAfter = await jobsByKey();
    jobsAfter.delete('NEW:after-upgrade');
    expect(Object.fromEntries([...jobsAfter].map(([k, n]) => [k, n.all]))).toEqual(
      Object.fromEntries([...jobsBefore].map(([k, n]) => [k, n.all])),
    );
    expect(jobsAfter.get('OLD:quiet-hours')?.live).toBe(1);
  });
});
