#!/usr/bin/env node
// `npm start`: builds and runs the whole platform on embedded defaults — the API (with an embedded
// PostgreSQL when DATABASE_URL is unset, migrated and seeded with the demo organisation), serving the
// web app at / on the same origin, and the local mail catcher (unless SMTP_HOST points at a real
// server). Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';

// Angular 22, Nest 12 and pg-boss 12 need Node 22.22.3+ (24 LTS is what we ship): say so plainly
// instead of failing somewhere in the build.
const [major, minor, patch] = process.versions.node.split('.').map(Number);
// The same range as package.json's engines: ^22.22.3 || ^24.15.0 || >=26.0.0.
const supported =
  (major === 22 && (minor > 22 || (minor === 22 && patch >= 3))) ||
  (major === 24 && minor >= 15) ||
  major >= 26;
if (!supported) {
  console.error(
    `Node ${process.version} is not supported by the STL platform: it needs Node 24 LTS (24.15+, or 22.22.3+).\n` +
      'On Linux x64, `source tools/node24.sh` puts Node 24 from the npm registry first on PATH; see docs/development.md.',
  );
  process.exit(1);
}

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
