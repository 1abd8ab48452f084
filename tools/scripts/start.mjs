#!/usr/bin/env node
// `npm start`: builds and runs the whole platform on embedded defaults — the API (with an embedded
// PostgreSQL when DATABASE_URL is unset, migrated and seeded with the demo organisation), serving the
// web app at / on the same origin, and the local mail catcher (unless SMTP_HOST points at a real
// server). Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', SEED_DEMO: process.env.SEED_DEMO ?? 'true' };
const withCatcher = !process.env.SMTP_HOST;
const projects = ['api', 'web', ...(withCatcher ? ['mail-catcher'] : [])];

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--output-style=static'],
  {
    stdio: 'inherit',
    env,
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function run(name, script) {
  const child = spawn(process.execPath, [script], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  const wait = setInterval(() => {
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

if (withCatcher) run('mail catcher', 'dist/apps/mail-catcher/main.js');
run('api', 'dist/apps/api/main.js');
