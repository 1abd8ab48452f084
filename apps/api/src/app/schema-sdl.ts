import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from './create-app';

/** Where the committed schema lives: the web app's typed operations are generated from it. */
export const SCHEMA_FILE = join(__dirname, '../../schema.graphql');

/**
 * The API's GraphQL schema as SDL, exactly as the running app builds it from the code-first
 * resolvers, formatted as the repo's Prettier formats it. Boots the app (not listening) on the
 * given database and closes it again. Used by tools/scripts/web-codegen.ts and the drift test.
 */
export async function printApiSchema(databaseUrl: string): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', WORKER_ENABLED: 'false' });
  const app = await createApp(config, databaseUrl);
  let sdl: string;
  try {
    await app.init();
    sdl = printSchema(app.get(GraphQLSchemaHost).schema);
  } finally {
    await app.close();
  }
  return formatAs(SCHEMA_FILE, sdl);
}

/**
 * Formats text as the repo's Prettier formats the given file. Prettier's CLI runs in a child
 * process because its API loads plugins with dynamic import, which jest's module loader refuses.
 */
export function formatAs(file: string, text: string): string {
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  const run = spawnSync(process.execPath, [prettier, '--stdin-filepath', file], {
    input: text,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`prettier failed on ${file}: ${run.stderr}`);
  return run.stdout;
}
