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
      expect(first.output()).toContain('Applied migrations:');

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
      expect(second.output()).toContain('No migration pending.');
    } finally {
      await scratch.drop();
    }
  }, 120_000);

  it('with MIGRATE_ON_START=false, refuses to start on a schema with pending migrations, and starts on a current one', async () => {
    const scratch = await createScratchDatabase(testServerUrl(), 'stl_migrate');
    try {
      const early = startApiProcess(scratch.url, { MIGRATE_ON_START: 'false', WORKER_ENABLED: 'false' });
      expect((await early.exited).code).toBe(1);
      expect(early.output()).toMatch(
        /migrations are pending .* MIGRATE_ON_START is false: run `node dist\/main.js migrate`/,
      );
      // It only looked: no migrations table was made.
      const c = new Client({ connectionString: scratch.url });
      await c.connect();
      try {
        const { rows } = await c.query(`SELECT to_regclass('public.migrations')::text AS t`);
        expect(rows[0].t).toBeNull();
      } finally {
        await c.end();
      }

      expect((await startApiProcess(scratch.url, {}, ['migrate']).exited).code).toBe(0);
      const api = startApiProcess(scratch.url, {
        MIGRATE_ON_START: 'false',
        WORKER_ENABLED: 'false',
        LOG_LEVEL: 'info',
      });
      const deadline = Date.now() + 60_000;
      while (!api.output().includes('API ready at') && api.child.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(api.output()).toContain('API ready at');
      expect(api.output()).not.toContain('No migration pending.');
      api.child.kill('SIGTERM');
      expect(await api.exited).toEqual({ code: 0, signal: null });
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});
