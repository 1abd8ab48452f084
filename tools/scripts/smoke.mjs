#!/usr/bin/env node
// Proves the README's `npm start` on embedded defaults: starts it without DATABASE_URL, waits for
// health, signs in as a demo course leader and reads the seeded cohort, then stops it again.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const port = process.env.SMOKE_PORT ?? '3999';
const dir = 'tmp/smoke-pg';
rmSync(dir, { recursive: true, force: true });
const catcherPort = process.env.SMOKE_CATCHER_PORT ?? '1089';
const env = {
  ...process.env,
  PORT: port,
  MAIL_CATCHER_HTTP_PORT: catcherPort,
  MAIL_CATCHER_SMTP_PORT: '1029',
  EMBEDDED_PG_DIR: dir,
  EMBEDDED_PG_PORT: '54339',
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL;
const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
const base = `http://127.0.0.1:${port}`;

function fail(msg) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  throw new Error(`SMOKE FAILED: ${msg}`);
}
function stop(code) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  setTimeout(() => process.exit(code), 3000);
}

async function gql(query, cookie) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return { body: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

const deadline = Date.now() + 240_000;
for (;;) {
  if (Date.now() > deadline) fail('API did not become healthy within 240 s');
  try {
    const r = await fetch(`${base}/health`);
    if (r.ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 1000));
}
const signIn = await gql(
  `mutation { signIn(input: { email: "maria.berg@larkby.example", password: "stl-demo-2026" }) { person { fullName } } }`,
);
if (!signIn.cookie) fail(`sign-in failed: ${JSON.stringify(signIn.body)}`);
const { body } = await gql(
  `{ cohorts { nodes { name status meetings { number } rounds { number } } } }`,
  signIn.cookie,
);
const cohort = body.data?.cohorts?.nodes?.[0];
if (!cohort || cohort.meetings.length !== 8 || cohort.rounds.length !== 6)
  fail(`unexpected answer: ${JSON.stringify(body)}`);
const inbox = await fetch(`http://127.0.0.1:${catcherPort}/api/messages`).catch(() => null);
if (!inbox?.ok) fail('the mail catcher did not answer');
const web = await fetch(`${base}/cohorts/any`).catch(() => null);
if (!web?.ok || !(await web.text()).includes('<stl-root')) fail('the web app is not served at /');
const demo = await gql(`{ demoAccounts { email } }`);
if (!demo.body.data?.demoAccounts?.length) fail('the sign-in page would offer no demo accounts');
console.log(
  `SMOKE OK: ${cohort.name} (${cohort.status}) with ${cohort.meetings.length} meetings and ${cohort.rounds.length} rounds, on embedded PostgreSQL; web app and mail catcher up`,
);
stop(0);
