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
});
