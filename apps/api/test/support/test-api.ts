import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  createScratchDatabase,
  dataSourceOptions,
  runMigrations,
  seedDemo,
  testServerUrl,
  testTemplateDatabase,
} from '@stl/api/data-access-db';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../../src/app/create-app';
import { GqlClient } from './gql-client';

export interface TestApi {
  url: string;
  /** The Nest app, to reach services behind the API (e.g. the reminder tick with a chosen time). */
  app: INestApplication;
  /** This test's database. */
  databaseUrl: string;
  /** A direct connection to this test's database, to look behind the API. */
  db: DataSource;
  client(): GqlClient;
  /** A client already signed in as the demo account with this e-mail. */
  signedIn(email: string): Promise<GqlClient>;
  close(): Promise<void>;
}

/**
 * Boots the real API, listening on a free port, on a fresh migrated database of its own, seeded
 * with the demo organisation unless told otherwise; `env` adds settings (e.g. SEED_DEMO: it only
 * lists the demo accounts; the API seeds nothing at boot here).
 *
 * The database is a copy of the run's template, migrated or seeded, that the jest global setup made
 * (global-setup-with-templates.ts); under a jest config without templates, it is migrated and
 * seeded here.
 */
export async function startTestApi(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApi> {
  const template = testTemplateDatabase(options.seed === false ? 'migrated' : 'seeded');
  const scratch = await createScratchDatabase(testServerUrl(), 'stl_test', { template });
  if (!template) await runMigrations(scratch.url);
  const db = await new DataSource(dataSourceOptions(scratch.url, { extra: { max: 2 } })).initialize();
  if (!template && options.seed !== false) await seedDemo(db);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // No built web app unless a test asks for one.
    WEB_DIST_DIR: 'tmp/no-web-app',
    // No mail workers or reminder schedule unless a test asks for them (the notification tests do).
    WORKER_ENABLED: 'false',
    REMINDER_CRON: 'off',
    ...options.env,
  });
  const app: INestApplication = await createApp(config, scratch.url);
  // A free port unless the test chose one (env PORT; e.g. to match PUBLIC_WEB_URL).
  await app.listen(config.port, '127.0.0.1');
  const url = `${await app.getUrl()}`.replace('[::1]', '127.0.0.1');
  const api: TestApi = {
    url,
    app,
    databaseUrl: scratch.url,
    db,
    client: () => new GqlClient(url),
    signedIn: async (email: string) => {
      const c = new GqlClient(url);
      await c.signIn(email);
      return c;
    },
    close: async () => {
      await app.close();
      await db.destroy();
      await scratch.drop();
    },
  };
  return api;
}
