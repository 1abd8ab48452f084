import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import {
  ensureDatabase,
  pendingMigrations,
  startEmbeddedPostgres,
  upkeepSchema,
} from '@stl/api/data-access-db';
import type { DemoSeed, RunningPostgres } from '@stl/api/data-access-db';
import { loadConfig } from '@stl/api/util-config';
import { webAppServed } from './app/app.module';
import { createApp } from './app/create-app';
import { drainHttp } from './app/http-drain';

/** On SIGTERM: the longest a request in flight may take to finish before its connection is cut. */
const HTTP_DRAIN_MS = 10_000;

/**
 * Under an advisory lock (ADR 0009): of several processes starting together, one migrates and
 * seeds while the others wait; then they find no migration pending and the (idempotent) seed's
 * rows already in place.
 */
async function upkeep(databaseUrl: string, seed: DemoSeed, log: Logger): Promise<void> {
  const report = await upkeepSchema(databaseUrl, {
    seed,
    onWait: () => log.log('Another process is migrating or seeding the database: waiting for it.'),
  });
  if (report.migrations.length) log.log(`Applied migrations: ${report.migrations.join(', ')}`);
  else log.log('No migration pending.');
  if (seed === 'demo-with-activity') {
    log.log('Demo organisation seeded (Lärkby kommun), with the course under way.');
  } else if (seed === 'demo') {
    log.log('Demo organisation seeded (Lärkby kommun), without course activity.');
  }
}

async function bootstrap(): Promise<void> {
  const log = new Logger('Bootstrap');
  const migrateOnly = process.argv[2] === 'migrate';
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
  if (migrateOnly || config.database.migrateOnStart) {
    await upkeep(
      databaseUrl,
      config.seedDemo ? (config.seedDemoActivity ? 'demo-with-activity' : 'demo') : 'none',
      log,
    );
    // `node dist/main.js migrate`: the upkeep alone, then exit (a deployment's pre-upgrade job, ADR 0037).
    if (migrateOnly) {
      await embedded?.stop();
      process.exit(0);
    }
  } else {
    // MIGRATE_ON_START=false (behind PgBouncer in transaction mode): the schema must be current already.
    const pending = await pendingMigrations(databaseUrl);
    if (pending.length > 0) {
      throw new Error(
        `${pending.length} migrations are pending (${pending[0]}…) and MIGRATE_ON_START is false: run \`node dist/main.js migrate\` with a direct database connection first`,
      );
    }
  }
  const app = await createApp(config, databaseUrl);
  let stopping = false;
  // Graceful (issues 13, 16): the port closes and the requests in flight finish (drainHttp) while
  // the database is still there; then the job queue stops fetching, mail in an SMTP transaction
  // gets up to MAIL_SHUTDOWN_GRACE_SECONDS to finish, then connections close and the process exits
  // 0. Should closing hang past that (and a margin), it exits 1 rather than wait for the
  // orchestrator's kill.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: shutting down (mail in flight gets ${config.notification.shutdownGraceMs / 1000} s)`);
    setTimeout(
      () => {
        process.stderr.write('Shutdown did not finish in time: exiting.\n');
        process.exit(1);
      },
      HTTP_DRAIN_MS + config.notification.shutdownGraceMs + 10_000,
    ).unref();
    try {
      if (config.httpEnabled) await drainHttp(app.getHttpServer() as Server, { timeoutMs: HTTP_DRAIN_MS });
      await app.close();
      await embedded?.stop();
    } catch (err) {
      process.stderr.write(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  if (!config.httpEnabled) {
    // Worker only (HTTP_ENABLED=false): the background work starts with the app; no port opens.
    await app.init();
    log.log('Worker ready (HTTP_ENABLED=false: not serving HTTP).');
    return;
  }
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
