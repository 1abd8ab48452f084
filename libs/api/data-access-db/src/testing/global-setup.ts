import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../postgres-server';
import type { RunningPostgres } from '../postgres-server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

declare global {
  var __STL_TEST_PG__: RunningPostgres | undefined;
}

/**
 * Jest global setup: tests need a PostgreSQL server. TEST_DATABASE_URL or DATABASE_URL names one;
 * otherwise a throw-away embedded PostgreSQL is started for this run. Each test file then makes
 * its own fresh database on it (createScratchDatabase).
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (given) {
    process.env['TEST_PG_SERVER_URL'] = given;
    return;
  }
  const parent = mkdtempSync(join(tmpdir(), 'stl-test-pg-'));
  // When tests run as root, PostgreSQL runs as the `postgres` user, which must reach the folder.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'data');
  const pg = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
  globalThis.__STL_TEST_PG__ = pg;
  process.env['TEST_PG_SERVER_URL'] = pg.serverUrl;
}
