import { Client } from 'pg';
import { MIGRATIONS } from './migrations';
import { createScratchDatabase } from './postgres-server';
import { SCHEMA_UPKEEP_LOCK, upkeepSchema } from './schema-upkeep';
import type { SchemaUpkeepReport } from './schema-upkeep';
import { testServerUrl } from './testing/test-server-url';

/*
 * ADR 0009: several API processes start together on one database. Each boot migrates and seeds the
 * demo under one advisory lock, so they take turns: the first does the work, the others wait and
 * find nothing left to do. Without the lock, concurrent boots collide (TypeORM creates its
 * migrations table and runs the first migration in each of them).
 */

const BOOTS = 4;

/** Row counts of the tables the demo seed (with its course under way) fills. */
const SEEDED = `SELECT
  (SELECT count(*) FROM organisation)::int AS organisations,
  (SELECT count(*) FROM school)::int AS schools,
  (SELECT count(*) FROM person)::int AS people,
  (SELECT count(*) FROM role_grant)::int AS grants,
  (SELECT count(*) FROM certification)::int AS certifications,
  (SELECT count(*) FROM analysis_template)::int AS templates,
  (SELECT count(*) FROM template_section)::int AS sections,
  (SELECT count(*) FROM cohort)::int AS cohorts,
  (SELECT count(*) FROM cohort_membership)::int AS members,
  (SELECT count(*) FROM meeting)::int AS meetings,
  (SELECT count(*) FROM analysis_round)::int AS rounds,
  (SELECT count(*) FROM analysis)::int AS analyses,
  (SELECT count(*) FROM attendance)::int AS attendance`;

/** Each boot's report, or the message it failed with: all outcomes are shown when one fails. */
async function outcomes(boots: Promise<SchemaUpkeepReport>[]): Promise<(SchemaUpkeepReport | string)[]> {
  return (await Promise.allSettled(boots)).map((r) =>
    r.status === 'fulfilled' ? r.value : r.reason instanceof Error ? r.reason.message : String(r.reason),
  );
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls until `check` holds, for at most 10 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Asserts the demo seed's rows are there once (the numbers README's demo describes); returns every count. */
async function expectOneSeed(url: string): Promise<Record<string, number>> {
  const [seeded] = await query<Record<string, number>>(url, SEEDED);
  expect(seeded).toMatchObject({
    organisations: 1,
    schools: 4,
    people: 33, // 32 of Lärkby and the platform operator (ADR 0015)
    certifications: 3,
    templates: 1,
    sections: 6,
    cohorts: 1,
    members: 26,
    meetings: 8,
    rounds: 6,
    analyses: 22 + 20 + 8,
  });
  return seeded;
}

describe('boot-time migrations and demo seed under the schema upkeep lock', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(`${BOOTS} boots at once on a fresh database: all succeed, each migration runs once, the seed once`, async () => {
    const reports = await outcomes(
      Array.from({ length: BOOTS }, () => upkeepSchema(db.url, { seed: 'demo-with-activity' })),
    );
    expect(reports.filter((r) => typeof r === 'string')).toEqual([]);
    const done = reports as SchemaUpkeepReport[];

    // One boot ran every migration; the others waited for it and found none pending.
    const names = MIGRATIONS.map((m) => m.name);
    expect(done.map((r) => r.migrations).sort((a, b) => b.length - a.length)).toEqual([
      names,
      ...Array.from({ length: BOOTS - 1 }, () => []),
    ]);
    const recorded = await query<{ name: string; times: number }>(
      db.url,
      `SELECT name, count(*)::int AS times FROM migrations GROUP BY name ORDER BY name`,
    );
    expect(recorded).toEqual([...names].sort().map((name) => ({ name, times: 1 })));

    // One seed's worth of rows, however many boots seeded.
    const seeded = await expectOneSeed(db.url);
    // And a further boot changes none of it.
    const again = await upkeepSchema(db.url, { seed: 'demo-with-activity' });
    expect(again).toEqual({ migrations: [], waited: false });
    expect((await query(db.url, SEEDED))[0]).toEqual(seeded);
  }, 120_000);

  it(`${BOOTS} boots at once on a migrated database that is not seeded yet: the seeds take turns`, async () => {
    // Without the lock the seeds' upserts of the same rows deadlock (SEED_DEMO turned on later, or a
    // release whose seed adds rows).
    const other = await createScratchDatabase(testServerUrl());
    try {
      await upkeepSchema(other.url, { seed: 'none' });
      const reports = await outcomes(
        Array.from({ length: BOOTS }, () => upkeepSchema(other.url, { seed: 'demo-with-activity' })),
      );
      expect(reports.filter((r) => typeof r === 'string')).toEqual([]);
      expect((reports as SchemaUpkeepReport[]).map((r) => r.migrations)).toEqual(
        Array.from({ length: BOOTS }, () => []),
      );
      await expectOneSeed(other.url);
    } finally {
      await other.drop();
    }
  }, 120_000);

  it('a boot waits while another process holds the lock, then finds nothing to do', async () => {
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [SCHEMA_UPKEEP_LOCK]);
      let waiting!: () => void;
      const told = new Promise<void>((resolve) => (waiting = resolve));
      let finished = false;
      const boot = upkeepSchema(db.url, { seed: 'demo', onWait: () => waiting() }).finally(() => {
        finished = true;
      });
      await told;
      // Blocked in PostgreSQL on the lock, not merely slow: its wait shows in pg_locks (polled,
      // since onWait is called just before the waiting statement is sent).
      await until(async () => {
        const [{ n }] = await query<{ n: number }>(
          db.url,
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = 'stl-schema-upkeep'
              AND a.datname = current_database()`,
        );
        return n === 1;
      }, 'the boot waiting on the advisory lock');
      expect(finished).toBe(false);
      await holder.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [SCHEMA_UPKEEP_LOCK]);
      expect(await boot).toEqual({ migrations: [], waited: true });
    } finally {
      await holder.end();
    }
  });
});
