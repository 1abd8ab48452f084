import { Client } from 'pg';
import { createScratchDatabase, dataSourceOptions, testServerUrl } from '@stl/api/data-access-db';
import { startApiProcess } from './support/api-process';

/*
 * `node dist/main.js migrate` (ADR 0037): the boot's schema upkeep alone, under its advisory lock,
 * then exit 0 without serving or starting the job queue. The Helm chart's pre-upgrade job runs it.
 */
describe('main.ts migrate', () => {
  it('migrates a fresh database and exits 0; run again, it finds nothing to do', async () => {
    const scratch = await createScratchDatabase(testServerUrl(), 'stl_migrate');
    try {
      const first = startApiProcess(scratch.url, { LOG_LEVEL: 'info' }, ['migrate']);
      expect(await first.exited).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain('Migrated: exiting.');

      const c = new Client({ connectionString: scratch.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
        expect(rows[0].n).toBe((dataSourceOptions(scratch.url).migrations as unknown[]).length);
        expect(rows[0].n).toBeGreaterThan(10);
        // Only the schema: no job queue was started, nothing listened.
        const queue = await c.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'pgboss'`);
        expect(queue.rowCount).toBe(0);
      } finally {
        await c.end();
      }

      const second = startApiProcess(scratch.url, { LOG_LEVEL: 'info' }, ['migrate']);
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.output()).toContain('No migration pending: exiting.');
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});
