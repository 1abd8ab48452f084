import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** The real API (apps/api/src/main.ts) in a child process: to be killed, or sent SIGTERM. */
export interface ApiProcess {
  child: ChildProcess;
  /** How it ended: an exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote (for a failing test's message). */
  output(): string;
}

/**
 * Starts `main.ts` as `npm start` would, on an existing migrated database (no seeding), listening on
 * a free port of 127.0.0.1. `env` adds the settings (mail, workers); `args` go to main.ts (`migrate`).
 */
export function startApiProcess(
  databaseUrl: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): ApiProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts', ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      WEB_DIST_DIR: 'tmp/no-web-app',
      SEED_DEMO: 'false',
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

/** A port of 127.0.0.1 free right now, for a server the test starts (or tells a process to start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
