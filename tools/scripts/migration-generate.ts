/**
 * Writes a migration with the SQL that brings the migrated schema in line with the entities.
 * Usage: npm run migration:generate -- Name   (uses TEST_DATABASE_URL / DATABASE_URL, else embedded)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  createScratchDatabase,
  dataSourceOptions,
  startEmbeddedPostgres,
} from '../../libs/api/data-access-db/src';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name.');
  const given = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const server = given
    ? { serverUrl: given, stop: async () => undefined }
    : await startEmbeddedPostgres({ dir: 'tmp/pg-migrate', port: 54331, persistent: false });
  const db = await createScratchDatabase(server.serverUrl, 'stl_migrate');
  const ds = new DataSource(dataSourceOptions(db.url));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('Schema is up to date: no migration written.');
      return;
    }
    const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
    const ts = Date.now();
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const cls = `${name}${ts}`;
    const file = join('libs/api/data-access-db/src/migrations', `${ts}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
    );
    console.log(`Wrote ${file}; add ${cls} to migrations/index.ts.`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
