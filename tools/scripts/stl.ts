/**
 * The platform's command line, for the people who run the service (ADR 0015). Runs on a server
 * next to the API: reads DATABASE_URL (else the embedded PostgreSQL of `npm start`, reused when it
 * runs, started for the command when not), brings the schema up to date under the advisory lock of
 * ADR 0009, and calls the same PlatformService as the web app's operator pages.
 *
 *   npm run stl -- org:create --name "Lärkby kommun" [--slug larkby] --admin-name "Åsa Lind" --admin-email admin@larkby.se
 *   npm run stl -- org:list
 *   npm run stl -- operator:add --name "Alex Holmberg" --email alex@example.se [--password-stdin]
 *   npm run stl -- operator:link --email alex@example.se
 *   npm run stl -- operator:list
 *
 * Exit status: 0 done; 1 refused (bad input, a name or address taken), with the reasons on stderr;
 * 2 not understood (unknown command or option).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createConnection } from 'node:net';
import { parseArgs } from 'node:util';
import {
  dataSourceOptions,
  ensureDatabase,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
} from '@stl/api/data-access-db';
import type { RunningPostgres } from '@stl/api/data-access-db';
import { AccountFeatureModule } from '@stl/api/feature-account';
import { AuthModule } from '@stl/api/feature-auth';
import { NotificationFeatureModule } from '@stl/api/feature-notification';
import { OrganisationFeatureModule, PlatformService } from '@stl/api/feature-organisation';
import { APP_CONFIG, loadConfig } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { DomainError } from '@stl/api/util-errors';

const USAGE = `Usage: npm run stl -- <command> [options]

  org:create    --name "…" [--slug …] --admin-name "…" --admin-email …
                Creates an organisation with its first administrator and invites them.
  org:list      Lists the organisations with their sizes and administrators.
  operator:add  --name "…" --email … [--password-stdin]
                Makes a platform operator and prints a single-use link with which they
                choose a password; or sets the password read from standard input.
  operator:link --email …
                Prints a new single-use link with which an operator chooses a new
                password (operators get no mail); older links stop working.
  operator:list Lists the platform operators.

Database: DATABASE_URL, else the embedded PostgreSQL of npm start (.data/postgres).`;

class UsageError extends Error {}

/** Only what the platform commands need: the database, the auth services and the organisation feature. */
@Module({})
class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, { extra: { max: 2 } })),
        AuthModule,
        // The outbox, for the invitation mail (delivered by the API's workers, not by this command).
        NotificationFeatureModule.forRoot({ databaseUrl }),
        AccountFeatureModule,
        OrganisationFeatureModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** DATABASE_URL, or the embedded server: the running one of `npm start`, else started for this command. */
async function database(config: AppConfig): Promise<{ url: string; embedded?: RunningPostgres }> {
  if (config.database.url) return { url: config.database.url };
  const port = config.database.embeddedPort;
  if (await portOpen(port)) {
    return { url: withDatabase(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, 'stl') };
  }
  const embedded = await startEmbeddedPostgres({ dir: config.database.embeddedDir, port, persistent: true });
  return { url: await ensureDatabase(embedded.serverUrl, 'stl'), embedded };
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required.`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` or a here-string is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const OPTIONS = {
  name: { type: 'string' },
  slug: { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-email': { type: 'string' },
  email: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(
  app: INestApplicationContext,
  command: string,
  values: Record<string, string | boolean | undefined>,
) {
  const platform = app.get(PlatformService);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'org:create': {
      const created = await platform.createOrganisation(null, {
        name: required(values, 'name'),
        slug: typeof values['slug'] === 'string' ? values['slug'] : null,
        adminName: required(values, 'admin-name'),
        adminEmail: required(values, 'admin-email'),
      });
      const admin = created.administrators[0];
      out(
        `Created organisation "${created.organisation.name}" (short name ${created.organisation.slug}, id ${created.organisation.id}).`,
      );
      out(
        `Administrator: ${admin.fullName} <${admin.email}> (${admin.status.toLowerCase()}; the invitation mail is in the outbox).`,
      );
      return;
    }
    case 'org:list': {
      const all = await platform.listOrganisations();
      if (!all.length) out('No organisations yet. Create one with org:create.');
      for (const o of all) {
        out(
          `${o.organisation.slug}\t${o.organisation.name}\t${o.schoolCount} schools, ${o.peopleCount} people, ${o.cohortCount} cohorts`,
        );
        for (const a of o.administrators)
          out(`\tadministrator ${a.fullName} <${a.email}> (${a.status.toLowerCase()})`);
      }
      return;
    }
    case 'operator:add': {
      const password = values['password-stdin'] ? await readStdin() : undefined;
      const { operator, invitation } = await platform.addOperator(
        null,
        { name: required(values, 'name'), email: required(values, 'email') },
        password,
      );
      out(
        `Platform operator ${operator.fullName} <${operator.email}> added (${operator.status.toLowerCase()}).`,
      );
      if (invitation) {
        out(
          `Give them this single-use link to choose a password (valid until ${invitation.expiresAt.toISOString()}):`,
        );
        out(invitation.url);
      }
      return;
    }
    case 'operator:link': {
      const { operator, invitation } = await platform.operatorInvitation(null, required(values, 'email'));
      out(
        `A new single-use link for ${operator.fullName} <${operator.email}> (valid until ${invitation.expiresAt.toISOString()}):`,
      );
      out(invitation.url);
      return;
    }
    case 'operator:list': {
      const all = await platform.listOperators();
      if (!all.length) out('No platform operators yet. Add one with operator:add.');
      for (const o of all) out(`${o.fullName} <${o.email}> (${o.status.toLowerCase()})`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (!command || parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (!['org:create', 'org:list', 'operator:add', 'operator:link', 'operator:list'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WORKER_ENABLED: 'false',
    REMINDER_CRON: 'off',
    ...process.env,
  });
  const { url, embedded } = await database(config);
  let app: INestApplicationContext | undefined;
  try {
    const ran = await runMigrations(url);
    if (ran.length) process.stdout.write(`Applied migrations: ${ran.join(', ')}\n`);
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config, url), { logger: false });
    await run(app, command, parsed.values);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`Refused (${error.code}): ${error.message}\n`);
      for (const p of error.problems ?? []) process.stderr.write(`  ${p.field}: ${p.code}: ${p.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await app?.close();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `stl failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
