import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from './migrations';
import { seedDemoActivity } from './seed/demo-activity';
import { seedDemo } from './seed/demo-seed';

/**
 * Boot-time upkeep of the database: migrations, then the demo seed. Several API processes may
 * start together on one database, and neither step is safe against that by itself: TypeORM checks
 * for its migrations table and for pending migrations without any lock, so two processes both
 * create the table and both run the first migration ("relation already exists", duplicate keys in
 * the catalogue), and two demo seeds upserting the same rows deadlock. So every boot does its upkeep
 * under one PostgreSQL advisory lock: the first runs what is pending, the others wait for it and
 * then find nothing to do (ADR 0009).
 */

/**
 * The lock's name; advisory locks are per database, so this is one lock per installation. Hashed
 * to PostgreSQL's 64-bit lock key with hashtextextended(name, 0) in SQL, so an operator can find
 * or take it by name (ADR 0009).
 */
export const SCHEMA_UPKEEP_LOCK = 'stl.schema-upkeep';

/** What the demo seed adds at boot: nothing, the organisation, or the organisation with a course under way. */
export type DemoSeed = 'none' | 'demo' | 'demo-with-activity';

export interface SchemaUpkeepOptions {
  seed: DemoSeed;
  /** Called once when another process holds the lock, before this one waits for it (to log it). */
  onWait?: () => void;
}

export interface SchemaUpkeepReport {
  /** The migrations this call ran, in order; empty when another process had run them. */
  migrations: string[];
  /** Whether this call found the lock taken and waited for it. */
  waited: boolean;
}

/**
 * Runs `work` while holding the schema upkeep lock, waiting (without a time limit: a long migration
 * elsewhere is worth waiting for) while another process holds it.
 *
 * A session-level lock on a connection of its own, not a transaction-level one: migrations run in
 * a transaction each and the seed in its own, on the data source's pool, and none of them has to
 * know about the lock. The session ends when `work` is done (or the process dies, or its
 * connection drops), and PostgreSQL releases the lock with it.
 */
export async function withSchemaUpkeepLock<T>(
  url: string,
  work: () => Promise<T>,
  options: { onWait?: () => void } = {},
): Promise<{ result: T; waited: boolean }> {
  const client = new Client({
    connectionString: url,
    application_name: 'stl-schema-upkeep',
    keepAlive: true,
  });
  // A dropped lock connection must not crash the process from an unhandled 'error' event; it does
  // mean the lock is gone, which the boot is then told about (below).
  const connection: { lost: Error | null } = { lost: null };
  client.on('error', (err: Error) => {
    connection.lost = err;
  });
  await client.connect();
  try {
    const [{ taken }] = (
      await client.query<{ taken: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken`,
        [SCHEMA_UPKEEP_LOCK],
      )
    ).rows;
    if (!taken) {
      options.onWait?.();
      await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [SCHEMA_UPKEEP_LOCK]);
    }
    const result = await work();
    if (connection.lost) {
      // The work may have overlapped another process's: fail the boot rather than start on it.
      throw new Error(`Lost the schema upkeep lock while holding it: ${connection.lost.message}`);
    }
    return { result, waited: !taken };
  } finally {
    // Ending the session releases its advisory locks; no separate unlock needed.
    await client.end().catch(() => undefined);
  }
}

/**
 * Brings the schema up to date and seeds the demo when asked, under the schema upkeep lock, so that
 * any number of processes may call it at once on one database. What `main.ts` does at boot.
 */
export async function upkeepSchema(url: string, options: SchemaUpkeepOptions): Promise<SchemaUpkeepReport> {
  const { result, waited } = await withSchemaUpkeepLock(
    url,
    async () => {
      const ds = await new DataSource(dataSourceOptions(url, { extra: { max: 2 } })).initialize();
      try {
        const ran = await ds.runMigrations({ transaction: 'each' });
        if (options.seed !== 'none') await seedDemo(ds);
        if (options.seed === 'demo-with-activity') await seedDemoActivity(ds);
        return ran.map((m) => m.name);
      } finally {
        await ds.destroy();
      }
    },
    { onWait: options.onWait },
  );
  return { migrations: result, waited };
}

/** Brings the schema up to date, under the schema upkeep lock; safe to run from several processes at once. */
export async function runMigrations(url: string): Promise<string[]> {
  return (await upkeepSchema(url, { seed: 'none' })).migrations;
}

/**
 * The migrations this release has that the database at `url` has not run, by name, read without
 * the upkeep lock and without writing anything (a process with MIGRATE_ON_START=false checks this
 * at boot, through a pooler that cannot hold the lock: ADR 0037).
 */
export async function pendingMigrations(url: string): Promise<string[]> {
  const names = MIGRATIONS.map((m) => {
    const own = (new (m as new () => { name?: string })() as { name?: string }).name;
    return own ?? m.name;
  });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: string | null }>(
      `SELECT to_regclass('public.migrations')::text AS present`,
    );
    if (!rows[0].present) return names;
    const ran = await client.query<{ name: string }>('SELECT name FROM migrations');
    const done = new Set(ran.rows.map((r) => r.name));
    return names.filter((n) => !done.has(n));
  } finally {
    await client.end();
  }
}
