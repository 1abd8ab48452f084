/**
 * Makes the two template databases that the API tests copy, on the server named by argv[2], and
 * prints their names as JSON: `migrated` (every migration run) and `seeded` (that, and the demo
 * organisation). The API tests' jest global setup (global-setup-with-templates.ts) runs this in a
 * process of its own: jest loads a global setup without the workspace's path aliases, which the
 * entities need, and once this process has exited no connection to the templates is left open, as
 * `CREATE DATABASE … TEMPLATE` requires.
 *
 * The demo seed's dates are fixed, not computed from the clock; only the rows' created_at and
 * updated_at defaults take the time the template is made, minutes before a test of the run reads
 * them at most.
 */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase, makeTemplate } from '../postgres-server';
import { runMigrations } from '../schema-upkeep';
import { seedDemo } from '../seed/demo-seed';

async function main(serverUrl: string): Promise<void> {
  const made: { drop(): Promise<void> }[] = [];
  try {
    const migrated = await createScratchDatabase(serverUrl, 'stl_template_migrated');
    made.push(migrated);
    await runMigrations(migrated.url);
    await makeTemplate(serverUrl, migrated.name);
    const seeded = await createScratchDatabase(serverUrl, 'stl_template_seeded', { template: migrated.name });
    made.push(seeded);
    const db = await new DataSource(dataSourceOptions(seeded.url, { extra: { max: 2 } })).initialize();
    try {
      await seedDemo(db);
    } finally {
      await db.destroy();
    }
    await makeTemplate(serverUrl, seeded.name);
    process.stdout.write(`${JSON.stringify({ migrated: migrated.name, seeded: seeded.name })}\n`);
  } catch (err) {
    for (const m of made.reverse()) await m.drop().catch(() => undefined);
    throw err;
  }
}

main(process.argv[2] ?? '').catch((err: unknown) => {
  process.stderr.write(
    `Could not make the test templates: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
