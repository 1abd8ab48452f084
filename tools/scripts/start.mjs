#!/usr/bin/env node
// `npm start`: builds the API and runs it on embedded defaults (PostgreSQL inside the process when
// DATABASE_URL is unset), migrated and seeded with the demo organisation. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', SEED_DEMO: process.env.SEED_DEMO ?? 'true' };

const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const api = spawn(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
