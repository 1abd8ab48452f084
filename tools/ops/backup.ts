/**
 * Backup and restore of the platform's database (docs/operations.md, ADR 0037).
 *
 *   DATABASE_URL=postgres://… npm run ops:backup -- stl-2026-12-06.dump
 *   DATABASE_URL=postgres://…/new_db npm run ops:restore -- stl-2026-12-06.dump
 *
 * Backup: pg_dump's custom format of the whole database (entity tables, migrations table, job
 * queue), one consistent snapshot while the API keeps running. Restore: into an empty database
 * only, in one transaction; prints the row count of every table afterwards. Needs pg_dump and
 * pg_restore of the server's major version or newer (on the PATH, or in PG_BIN_DIR).
 */
import { backupDatabase, restoreDatabase, rowCounts } from '@stl/api/data-access-db';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const url = process.env['DATABASE_URL'];
  if ((command !== 'backup' && command !== 'restore') || !file || !url) {
    process.stderr.write(
      'Usage: DATABASE_URL=postgres://… npm run ops:backup -- <file>\n' +
        '       DATABASE_URL=postgres://…/<empty database> npm run ops:restore -- <file>\n',
    );
    process.exit(2);
  }
  const started = Date.now();
  if (command === 'backup') {
    await backupDatabase(url, file);
    process.stdout.write(`Backed up to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  await restoreDatabase(url, file);
  const counts = await rowCounts(url);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.keys(counts).length} tables, ${total} rows\n`,
  );
  for (const [table, n] of Object.entries(counts)) process.stdout.write(`  ${table} ${n}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
