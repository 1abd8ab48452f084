import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase } from '../postgres-server';
import { runMigrations } from '../schema-upkeep';
import { testServerUrl } from '../testing/test-server-url';
import { seedDemoActivity } from './demo-activity';
import { DEMO_IDS, seedDemo } from './demo-seed';

const COUNTS = `SELECT
  (SELECT count(*) FROM person)::int AS people,
  (SELECT count(*) FROM cohort_membership)::int AS members,
  (SELECT count(*) FROM meeting)::int AS meetings,
  (SELECT count(*) FROM analysis_round)::int AS rounds,
  (SELECT count(*) FROM analysis)::int AS analyses,
  (SELECT count(*) FROM review_assignment)::int AS assignments,
  (SELECT count(*) FROM feedback)::int AS feedback,
  (SELECT count(*) FROM attendance)::int AS attendance`;

describe('demo seed', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('seeds the demo organisation as the README describes, and again without duplicates', async () => {
    await seedDemo(ds);
    const [first] = await ds.query(COUNTS);
    expect(first).toMatchObject({ people: 33, members: 26, meetings: 8, rounds: 6, analyses: 0 });
    await seedDemo(ds);
    expect((await ds.query(COUNTS))[0]).toEqual(first);
  });

  it('adds a course under way for npm start, idempotently, with a valid allocation', async () => {
    await seedDemoActivity(ds);
    const [once] = await ds.query(COUNTS);
    await seedDemoActivity(ds);
    expect((await ds.query(COUNTS))[0]).toEqual(once);
    expect(once.analyses).toBe(22 + 20 + 8);

    const round1 = await ds.query(
      `SELECT ra.reviewer_id, ra.kind, a.author_id FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id
       WHERE ra.round_id = $1`,
      [DEMO_IDS.round(1)],
    );
    const peers = round1.filter((r: { kind: string }) => r.kind === 'PEER');
    expect(peers).toHaveLength(22 * 2);
    expect(round1.filter((r: { kind: string }) => r.kind === 'LEADER')).toHaveLength(22 * 2);
    expect(peers.some((r: { reviewer_id: string; author_id: string }) => r.reviewer_id === r.author_id)).toBe(
      false,
    );
    const loads = new Map<string, number>();
    for (const r of peers) loads.set(r.reviewer_id, (loads.get(r.reviewer_id) ?? 0) + 1);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM feedback f JOIN review_assignment ra ON ra.id = f.assignment_id WHERE ra.round_id = $1`,
      [DEMO_IDS.round(1)],
    );
    expect(n).toBe(round1.length);
  }, 60_000);
});
