import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';

/** What the test platform tells specs about itself (written by start-test-platform.ts). */
export interface PlatformState {
  databaseUrl: string;
  smtpPort: number;
  webDist: string;
  apiMain: string;
}

export function platformState(): PlatformState {
  const file = process.env['E2E_STATE_FILE'];
  if (!file) throw new Error('E2E_STATE_FILE is not set: run the specs through playwright.config.ts.');
  return JSON.parse(readFileSync(file, 'utf8')) as PlatformState;
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

export interface SecondApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second, short-lived API process on the platform's database and mail catcher (as a second
 * replica behind a load balancer would be), with settings of its own, e.g. quiet hours that the
 * shared platform must not have. It does not seed: the platform did. Mail links point to
 * `publicWebUrl` (the shared platform), so they open there.
 */
export async function startSecondApi(env: Record<string, string>, publicWebUrl: string): Promise<SecondApi> {
  const state = platformState();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [state.apiMain], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: state.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      WEB_DIST_DIR: state.webDist,
      WEB_ORIGINS: url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(state.smtpPort),
      PUBLIC_WEB_URL: publicWebUrl,
      REMINDER_CRON: 'off',
      WORKER_POLL_SECONDS: '0.5',
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'fatal',
      ...env,
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second API exited (${child.exitCode}).`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The second API did not start within 60 s.');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Runs SQL on the platform's database (for what a test stands in for, such as the clock). */
export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: platformState().databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
