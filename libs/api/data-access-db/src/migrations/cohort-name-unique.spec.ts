import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase } from '../postgres-server';
import { testServerUrl } from '../testing/test-server-url';
import { CohortNameUnique1796540100000 } from './1796540100000-CohortNameUnique';
import { MIGRATIONS } from './index';

const upTo = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CohortNameUnique1796540100000) + 1);

/*
 * Issue 19: cohort names become unique per organisation and school year (case and spaces aside) by
 * an index. Names that clash already are kept apart first, the oldest keeping its name.
 */
describe('CohortNameUnique on a database with clashing names', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  let org: string;

  const cohort = (name: string, year: string, createdAt: string) =>
    ds.query(
      `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, created_at)
       VALUES ($1, $2, $3, '2026-08-17', '2027-06-11', $4) RETURNING id`,
      [org, name, year, createdAt],
    );

  beforeAll(async () => {
    expect(upTo.at(-1)).toBe(CohortNameUnique1796540100000);
    db = await createScratchDatabase(testServerUrl());
    const before = new DataSource(dataSourceOptions(db.url, { migrations: upTo.slice(0, -1) }));
    await before.initialize();
    await before.runMigrations();
    await before.destroy();
    ds = new DataSource(dataSourceOptions(db.url, { migrations: upTo }));
    await ds.initialize();
    [{ id: org }] = await ds.query(`INSERT INTO organisation (name, slug) VALUES ('O', 'o') RETURNING id`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('renames the later of clashing names, then refuses a new clash', async () => {
    await cohort('STL Lärkby', '2026/27', '2026-01-01T00:00:00Z');
    await cohort(' stl lärkby ', '2026/27', '2026-02-01T00:00:00Z');
    await cohort('STL LÄRKBY', '2026/27', '2026-03-01T00:00:00Z');
    await cohort('stl lärkby (2)', '2026/27', '2026-04-01T00:00:00Z');
    await cohort('STL Lärkby', '2027/28', '2026-05-01T00:00:00Z');

    await ds.runMigrations();

    const names = await ds.query(`SELECT name, school_year FROM cohort ORDER BY created_at`);
    expect(names).toEqual([
      { name: 'STL Lärkby', school_year: '2026/27' },
      // "(2)" was taken by a cohort of its own, so the first clash gets "(3)".
      { name: 'stl lärkby (3)', school_year: '2026/27' },
      { name: 'STL LÄRKBY (4)', school_year: '2026/27' },
      { name: 'stl lärkby (2)', school_year: '2026/27' },
      { name: 'STL Lärkby', school_year: '2027/28' },
    ]);
    await expect(cohort('  Stl Lärkby', '2026/27', '2026-06-01T00:00:00Z')).rejects.toThrow(
      /UQ_cohort_organisation_year_name/,
    );
  });

  it('can be undone', async () => {
    await ds.undoLastMigration();
    await cohort('stl lärkby', '2026/27', '2026-07-01T00:00:00Z');
  });
});
