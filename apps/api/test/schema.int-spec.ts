import { readFileSync } from 'node:fs';
import { createScratchDatabase, runMigrations, testServerUrl } from '@stl/api/data-access-db';
import { printApiSchema, SCHEMA_FILE } from '../src/app/schema-sdl';

/**
 * The web app's typed operations are generated from apps/api/schema.graphql, so the committed file
 * must be the schema the API really serves.
 */
describe('committed GraphQL schema', () => {
  it('matches the schema the API builds (else run tools/scripts/web-codegen.ts)', async () => {
    const scratch = await createScratchDatabase(testServerUrl());
    try {
      await runMigrations(scratch.url);
      const printed = await printApiSchema(scratch.url);
      expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
    } finally {
      await scratch.drop();
    }
  });
});
