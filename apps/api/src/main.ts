import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  ensureDatabase,
  runMigrations,
  seedDemo,
  seedDemoActivity,
  startEmbeddedPostgres,
} from '@stl/api/data-access-db';
import type { RunningPostgres } from '@stl/api/data-access-db';
import { loadConfig } from '@stl/api/util-config';
import { webAppServed } from './app/app.module';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  const log = new Logger('Bootstrap');
  const config = loadConfig();
  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    log.log(`DATABASE_URL not set: starting embedded PostgreSQL in ${config.database.embeddedDir}`);
    embedded = await startEmbeddedPostgres({
      dir: config.database.embeddedDir,
      port: config.database.embeddedPort,
      persistent: true,
    });
    databaseUrl = await ensureDatabase(embedded.serverUrl, 'stl');
  }
  const ran = await runMigrations(databaseUrl);
  if (ran.length) log.log(`Applied migrations: ${ran.join(', ')}`);
  if (config.seedDemo) {
    const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    try {
      await seedDemo(ds);
      if (config.seedDemoActivity) {
        await seedDemoActivity(ds);
        log.log('Demo organisation seeded (Lärkby kommun), with the course under way.');
      } else {
        log.log('Demo organisation seeded (Lärkby kommun), without course activity.');
      }
    } finally {
      await ds.destroy();
    }
  }
  const app = await createApp(config, databaseUrl);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.port, config.host);
  log.log(`API ready at http://localhost:${config.port}/graphql`);
  if (webAppServed(config)) log.log(`Web app at http://localhost:${config.port}/`);
}

bootstrap().catch((err: unknown) => {
  // Logger may not be up yet; a failed boot must still say why.
  process.stderr.write(
    `API failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
