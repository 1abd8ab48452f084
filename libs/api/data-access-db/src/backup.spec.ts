import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { backupDatabase, restoreDatabase, rowCounts } from './backup';
import { MIGRATIONS } from './migrations';
import { createScratchDatabase } from './postgres-server';
import { upkeepSchema } from './schema-upkeep';
import { testServerUrl } from './testing/test-server-url';

/*
 * ADR 0037: a backup is pg_dump's custom format of the whole database, restored with pg_restore
 * into a new database. What went in must come out: every table, every row, the migrations table
 * (so the restored database is at the same schema version and the API migrates nothing).
 */
describe('backup and restore (pg_dump -Fc, pg_restore)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stl-backup-'));
  const file = join(dir, 'stl.dump');
  let source: Awaited<ReturnType<typeof createScratchDatabase>>;
  let target: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    source = await createScratchDatabase(testServerUrl(), 'stl_backup_src');
    target = await createScratchDatabase(testServerUrl(), 'stl_backup_dst');
    // The demo organisation with its course under way: people, cohorts, analyses, feedback, mail.
    await upkeepSchema(source.url, { seed: 'demo-with-activity' });
    // A schema of another owner than TypeORM's, as pg-boss keeps its queue in `pgboss`.
    const c = new Client({ connectionString: source.url });
    await c.connect();
    await c.query(`CREATE SCHEMA pgboss_like; CREATE TABLE pgboss_like.job (id int PRIMARY KEY, data jsonb);
                   INSERT INTO pgboss_like.job VALUES (1, '{"a": 1}'), (2, '{"b": "å"}')`);
    await c.end();
  }, 120_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table with the same number of rows, the migrations table included', async () => {
    await backupDatabase(source.url, file);
    expect(statSync(file).size).toBeGreaterThan(0);
    await restoreDatabase(target.url, file);

    const before = await rowCounts(source.url);
    const after = await rowCounts(target.url);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    // Not a comparison of two empty databases: the seed filled the tables the course runs on.
    expect(before['public.migrations']).toBe(MIGRATIONS.length);
    expect(before['public.person']).toBeGreaterThan(10);
    expect(before['public.analysis']).toBeGreaterThan(0);
    expect(before['pgboss_like.job']).toBe(2);
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThan(15);
  });

  it('refuses to restore into a database that is not empty, and leaves it as it was', async () => {
    const counts = await rowCounts(target.url);
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/not empty/);
    expect(await rowCounts(target.url)).toEqual(counts);
  });
});
