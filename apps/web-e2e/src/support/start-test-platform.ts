/**
 * Starts the platform for the end-to-end tests, as `npm start` would but on a fresh database:
 * the PostgreSQL server named by TEST_DATABASE_URL / DATABASE_URL (else a throw-away embedded one),
 * a scratch database on it, and the built API (dist/apps/api), which migrates it, seeds the demo
 * organisation without its course activity, and serves the built web app (dist/apps/web/browser)
 * on E2E_PORT, sending its mail to a mail catcher whose inbox is at E2E_MAIL_PORT. Stops everything
 * and drops the database on SIGTERM / SIGINT.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// The harness boots the API's database the way the API's own integration tests do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createScratchDatabase, startEmbeddedPostgres } from '../../../../libs/api/data-access-db/src';
// The same mail catcher `npm start` runs, in-process: the tests read the mail the platform sends.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMailCatcher } from '../../../mail-catcher/src/catcher';

const root = join(__dirname, '../../../..');
const API_MAIN = join(root, 'dist/apps/api/main.js');
// E2E_WEB_DIST: a web build of one's own (nx build web --outputPath=dist/x/web → dist/x/web/browser).
const WEB_DIST = process.env['E2E_WEB_DIST'] ?? join(root, 'dist/apps/web/browser');

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function log(line: string): void {
  process.stdout.write(`[e2e platform] ${line}\n`);
}

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

async function main(): Promise<void> {
  for (const [file, build] of [
    [API_MAIN, 'api'],
    [join(WEB_DIST, 'index.html'), 'web'],
  ]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`npx nx run-many -t build -p ${build}\` first.`);
  }
  const port = process.env['E2E_PORT'] ?? String(await freePort());
  const given = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  let pgParent: string | undefined;
  let server: { serverUrl: string; stop(): Promise<void> };
  if (given) {
    server = { serverUrl: given, stop: async () => undefined };
  } else {
    pgParent = mkdtempSync(join(tmpdir(), 'stl-e2e-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must reach the folder.
    chmodSync(pgParent, 0o755);
    server = await startEmbeddedPostgres({
      dir: join(pgParent, 'data'),
      port: await freePort(),
      persistent: false,
    });
    log('embedded PostgreSQL started');
  }
  const scratch = await createScratchDatabase(server.serverUrl, 'stl_e2e');
  log(`database ${scratch.name}`);
  const catcher = await startMailCatcher({
    smtpPort: 0,
    httpPort: Number(process.env['E2E_MAIL_PORT'] ?? 0),
  });
  log(`mail catcher at http://127.0.0.1:${catcher.httpPort}`);
  // For a spec that runs a second API process of its own on the same database and mail catcher
  // (e.g. with quiet hours, which this shared one must not have): see support/second-api.ts.
  const stateFile = process.env['E2E_STATE_FILE'];
  if (stateFile) {
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(
      stateFile,
      JSON.stringify({
        databaseUrl: scratch.url,
        smtpPort: catcher.smtpPort,
        webDist: WEB_DIST,
        apiMain: API_MAIN,
      }),
    );
  }

  const api: ChildProcess = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: scratch.url,
      HOST: '127.0.0.1',
      PORT: port,
      SEED_DEMO: 'true',
      SEED_DEMO_ACTIVITY: 'false',
      WEB_DIST_DIR: WEB_DIST,
      WEB_ORIGINS: `http://127.0.0.1:${port}`,
      // Mail goes to the catcher at once, at any hour; the tests cause it through what people do.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(catcher.smtpPort),
      PUBLIC_WEB_URL: `http://127.0.0.1:${port}`,
      MAIL_QUIET_HOURS: 'off',
      REMINDER_CRON: 'off',
      WORKER_POLL_SECONDS: '0.5',
      // The API logs refused requests (conflicts, wrong passwords) as errors; the tests provoke them.
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'fatal',
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (api.exitCode === null && api.signalCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    await catcher.close().catch(() => undefined);
    if (stateFile) rmSync(stateFile, { force: true });
    if (pgParent) {
      // A throw-away server: its whole data folder goes, database and all. Playwright may have
      // signalled PostgreSQL too (same process group), so stopping it is not waited on for long.
      await Promise.race([server.stop().catch(() => undefined), delay(5_000)]);
      rmSync(pgParent, { recursive: true, force: true });
    } else {
      await scratch.drop().catch((e: unknown) => log(`could not drop ${scratch.name}: ${String(e)}`));
    }
    log('stopped');
    process.exit(code);
  };
  api.once('exit', (code) => {
    if (!stopping) {
      log(`API exited (${code}); stopping`);
      void stop(1);
    }
  });
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGINT', () => void stop(0));
  log(`API starting at http://127.0.0.1:${port}`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `[e2e platform] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
