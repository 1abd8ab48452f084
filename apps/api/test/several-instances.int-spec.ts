import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { createScratchDatabase, dataSourceOptions, DEMO_IDS, testServerUrl } from '@stl/api/data-access-db';
import { QUEUE, QUEUE_SCHEMA } from '@stl/api/feature-notification';
import { startTestSmtpServer } from '@stl/mail/data-access-transport/testing';
import type { TestSmtpServer } from '@stl/mail/data-access-transport/testing';
import { freePort, startApiProcess } from './support/api-process';
import type { ApiProcess } from './support/api-process';
import { GqlClient } from './support/gql-client';
import { byKey, keyOf, mailEnv, waitFor } from './support/mail-fixtures';
import { LARKBY } from './organisation.fixtures';

/**
 * Issue 13, several instances: the real API (main.ts) as separate processes on one fresh database,
 * as an orchestrator runs it. A and B serve HTTP (A also runs the workers), W is worker-only
 * (HTTP_ENABLED=false), and C is the API that gets SIGTERM under load. All four start at once on
 * an empty database: the migrations and the demo seed run once (ADR 0009's advisory lock).
 */
const ME = `{ me { person { id } } }`;
/** A cron that never fires during the test: the worker processes tick when the test asks them to. */
const NEVER = '0 3 1 1 *';

const alive = (p: ApiProcess) => p.child.exitCode === null && p.child.signalCode === null;

describe('several instances on one database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let smtp: TestSmtpServer;
  let db: DataSource;
  const url: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const procs: Record<string, ApiProcess> = {};

  beforeAll(async () => {
    scratch = await createScratchDatabase(testServerUrl());
    smtp = await startTestSmtpServer();
    const [pa, pb, pc] = await Promise.all([freePort(), freePort(), freePort()]);
    Object.assign(url, {
      a: `http://127.0.0.1:${pa}`,
      b: `http://127.0.0.1:${pb}`,
      c: `http://127.0.0.1:${pc}`,
    });
    const common = { SEED_DEMO: 'true', LOG_LEVEL: 'info', MAIL_SHUTDOWN_GRACE_SECONDS: '2' };
    const workers = mailEnv(smtp.port, { ...common, REMINDER_CRON: NEVER });
    const httpOnly = mailEnv(smtp.port, { ...common, WORKER_ENABLED: 'false' });
    // Started together on the empty database: they race for the migrations and the seed.
    procs['a'] = startApiProcess(scratch.url, { ...workers, PORT: String(pa) });
    procs['b'] = startApiProcess(scratch.url, { ...httpOnly, PORT: String(pb) });
    procs['c'] = startApiProcess(scratch.url, { ...httpOnly, PORT: String(pc) });
    procs['w'] = startApiProcess(scratch.url, { ...workers, HTTP_ENABLED: 'false' });
    const ready = (p: ApiProcess, line: string) => async () => {
      if (!alive(p)) throw new Error(`A process ended while starting:\n${p.output()}`);
      return p.output().includes(line);
    };
    await Promise.all([
      waitFor(ready(procs['a'], 'API ready'), 'A to listen', 90_000),
      waitFor(ready(procs['b'], 'API ready'), 'B to listen', 90_000),
      waitFor(ready(procs['c'], 'API ready'), 'C to listen', 90_000),
      waitFor(ready(procs['w'], 'Mail workers started'), 'W to run its workers', 90_000),
    ]);
    db = await new DataSource(dataSourceOptions(scratch.url, { extra: { max: 2 } })).initialize();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      Object.values(procs).map(async (p) => {
        if (alive(p)) p.child.kill('SIGKILL');
        await p.exited;
      }),
    );
    await db?.destroy();
    await smtp?.close();
    await scratch?.drop();
  });

  it('migrated and seeded the database once, though four processes started on it at once', async () => {
    const counts: { name: string; n: number }[] = await db.query(
      `SELECT name, count(*)::int AS n FROM migrations GROUP BY name`,
    );
    expect(counts).toHaveLength(db.migrations.length);
    expect(counts.filter((c) => c.n !== 1)).toEqual([]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM organisation WHERE id = $1`, [
      DEMO_IDS.organisation,
    ]);
    expect(n).toBe(1);
    // They did meet: the ones that came later waited on the lock (ADR 0009) rather than migrate too.
    const waited = Object.values(procs).filter((p) => p.output().includes('Another process is migrating'));
    expect(waited.length).toBeGreaterThan(0);
    // The worker-only process started its workers but opened no port.
    expect(procs['w'].output()).toContain('Worker ready (HTTP_ENABLED=false: not serving HTTP)');
    expect(procs['w'].output()).not.toContain('API ready');
    expect(Object.values(procs).every(alive)).toBe(true);
  });

  it('a session started on one instance works on the other, and ends on both', async () => {
    const onA = new GqlClient(url.a);
    await onA.signIn(LARKBY.maria);
    const me = (await onA.ok<{ me: { person: { id: string } } }>(ME)).me.person.id;
    const onB = new GqlClient(url.b);
    onB.sessionCookie = onA.sessionCookie;
    expect((await onB.ok<{ me: { person: { id: string } } | null }>(ME)).me?.person.id).toBe(me);
    await onB.ok(`mutation { signOut }`);
    const stale = new GqlClient(url.a);
    stale.sessionCookie = onA.sessionCookie;
    const r = await stale.request<{ me: unknown }>(ME);
    expect(r.data?.me ?? null).toBeNull();
  });

  it('reminders go out once though two processes work the queue and the tick runs twice', async () => {
    const round = DEMO_IDS.round(4);
    // Round 4 open, its analyses due in a day: every active participant is reminded (48 h before).
    await db.query(
      `UPDATE analysis_round SET opens_at = now() - interval '10 days', submission_deadline = now() + interval '1 day',
              feedback_deadline = now() + interval '8 days' WHERE id = $1`,
      [round],
    );
    const boss = new PgBoss({
      connectionString: scratch.url,
      schema: QUEUE_SCHEMA,
      max: 2,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    const ticked = async (n: number) => {
      const [{ done }] = await db.query(
        `SELECT count(*)::int AS done FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
        [QUEUE.REMINDER_TICK],
      );
      return done >= n;
    };
    try {
      await boss.send(QUEUE.REMINDER_TICK, {});
      await waitFor(() => ticked(1), 'the first tick', 30_000);
      await boss.send(QUEUE.REMINDER_TICK, {});
      await waitFor(() => ticked(2), 'the second tick', 30_000);
    } finally {
      await boss.stop({ graceful: false });
    }
    const rows: { idempotency_key: string }[] = await db.query(
      `SELECT idempotency_key FROM outbox_message WHERE kind = 'SUBMISSION_DUE_48H' AND refs->>'roundId' = $1`,
      [round],
    );
    expect(rows.length).toBeGreaterThan(0);
    await waitFor(
      async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM outbox_message WHERE status = 'PENDING'`,
        );
        return n === 0;
      },
      'every mail to be delivered',
      30_000,
    );
    const received = byKey(smtp.received);
    for (const { idempotency_key } of rows) expect(received.get(idempotency_key)?.length).toBe(1);
    expect([...received.entries()].filter(([, mails]) => mails.length > 1).map(([k]) => k)).toEqual([]);
    expect(smtp.received.every((m) => keyOf(m) !== '')).toBe(true);
  });

  it('SIGTERM under load: requests in flight finish, none gets a 5xx or a reset, the other instance serves on', async () => {
    const client = new GqlClient(url.c);
    await client.signIn(LARKBY.maria);
    const cookie = client.sessionCookie as string;
    const outcomes: { at: 'c' | 'b'; status: number; afterTerm: boolean }[] = [];
    const failures: string[] = [];
    let terminated = false;
    let stop = false;
    const ask = (base: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: ME }),
      }).then(async (res) => ({ status: res.status, body: await res.text() }));
    // As a load balancer does: C first; a refused connection (C's port closed) goes to B.
    const loop = async () => {
      while (!stop) {
        const afterTerm = terminated;
        try {
          let at: 'c' | 'b' = 'c';
          const res = await ask(url.c).catch((err: { cause?: { code?: string } }) => {
            if (err.cause?.code !== 'ECONNREFUSED') throw err;
            at = 'b';
            return ask(url.b);
          });
          outcomes.push({ at, status: res.status, afterTerm });
          if (res.status >= 500 || !res.body.includes(`"id"`))
            failures.push(`${at} ${res.status}: ${res.body}`);
        } catch (err) {
          const e = err as { message?: string; cause?: { code?: string; message?: string } };
          failures.push(`${e.message} (${e.cause?.code ?? e.cause?.message ?? ''})`);
        }
      }
    };
    const loops = Array.from({ length: 8 }, loop);
    await waitFor(async () => outcomes.length >= 50, 'load on C');
    terminated = true;
    procs['c'].child.kill('SIGTERM');
    const exit = await procs['c'].exited;
    const servedBefore = outcomes.length;
    await waitFor(async () => outcomes.length >= servedBefore + 50, 'B to serve the rest');
    stop = true;
    await Promise.all(loops);
    expect(failures).toEqual([]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(outcomes.filter((o) => o.at === 'b' && o.afterTerm).length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
  }, 60_000);
});
