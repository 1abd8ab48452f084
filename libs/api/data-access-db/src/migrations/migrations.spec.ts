import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase } from '../postgres-server';
import { testServerUrl } from '../testing/test-server-url';
import { MIGRATIONS } from './index';

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('build exactly the schema the entities describe', async () => {
    const ran = await ds.runMigrations();
    expect(ran).toHaveLength(MIGRATIONS.length);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can all be undone and redone', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await ds.runMigrations();
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });

  it('enforce the course rules in the database too', async () => {
    const [org] = await ds.query(`INSERT INTO organisation (name, slug) VALUES ('X', 'x') RETURNING id`);
    await expect(
      ds.query(
        `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on) VALUES ($1, 'c', '2026/27', '2027-06-01', '2026-08-01')`,
        [org.id],
      ),
    ).rejects.toThrow(/cohort_dates_ordered/);
  });

  it('serve the lookups by person (and by school) that requests make with an index, not a scan of the table', async () => {
    // Every authenticated request reads the person's role grants with its session (issue 13: at
    // national scale a scan of role_grant was most of the database's work). With sequential scans
    // priced out, the plan shows a scan only where no index can serve the lookup.
    const lookups = [
      `SELECT * FROM role_grant WHERE person_id = $1`,
      `SELECT * FROM certification WHERE person_id = $1`,
      `SELECT * FROM cohort_membership WHERE person_id = $1`,
      // A school leader's cohort list: memberships from the schools they lead.
      `SELECT * FROM cohort_membership WHERE school_id = $1`,
    ];
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      for (const sql of lookups) {
        const plan: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, [
          '00000000-0000-4000-8000-000000000000',
        ]);
        expect({ sql, plan: plan.map((r) => r['QUERY PLAN']).join('\n') }).toEqual({
          sql,
          plan: expect.not.stringContaining('Seq Scan'),
        });
      }
    });
  });

  it("serve a reviewer's live tasks (myReviewTasks) with their own index", async () => {
    // Without it, the cohort's index is the best the planner has: a scan of every task of the
    // cohort (or of the whole table, across cohorts), filtered by reviewer.
    const id = '00000000-0000-4000-8000-000000000000';
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      for (const [sql, params] of [
        [
          `SELECT * FROM review_assignment WHERE reviewer_id = $1 AND cohort_id = $2 AND cancelled_at IS NULL`,
          [id, id],
        ],
        [`SELECT * FROM review_assignment WHERE reviewer_id = $1 AND cancelled_at IS NULL`, [id]],
      ] as const) {
        const plan: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, [...params]);
        expect({ sql, plan: plan.map((r) => r['QUERY PLAN']).join('\n') }).toEqual({
          sql,
          plan: expect.stringContaining('IDX_review_assignment_reviewer'),
        });
      }
    });
  });
});
