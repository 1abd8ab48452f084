/**
 * API benchmark (issue 13): the key reads and writes through GraphQL over HTTP, beside their floor.
 *
 *   npm run scale:generate -- --scale 0.02        # once: the dataset (tools/scale/generate.ts)
 *   npx nx build api                              # the real built API, dist/apps/api/main.js
 *   BENCH_DATABASE=stl_scale_002 npm run bench
 *
 * 1. The built API (dist/apps/api/main.js) is started as its own process against the generated
 *    database, in production mode, without workers, with tools/bench/sql-counter.cjs preloaded (it
 *    counts the SQL statements the process sends; nothing in the product changes).
 * 2. Users sign in through the API (SignIn): participants spread over the cohorts, course leaders,
 *    the administrator of the largest organisation (the one with the most cohorts).
 * 3. Each scenario runs BENCH_DURATION seconds with BENCH_CONNECTIONS keep-alive connections
 *    (autocannon, in this process), sending the web's own documents (libs/web/data-access, the
 *    generated typed document strings) with each user's session cookie. Latencies are measured
 *    per request (p50/p95/p99); any GraphQL error or non-200 counts as an error.
 * 4. SQL statements per request: the counter is reset, BENCH_SQL_SAMPLES requests are sent one at a
 *    time, and the count is divided by them (BEGIN/COMMIT/SAVEPOINT included: they are round trips).
 * 5. The floor: the same answer from one hand-written statement (tools/bench/floor-sql.ts) over a
 *    `pg` pool as large as the API's (10), driven by the same number of concurrent callers for the
 *    same time. The ratio is product p50 / floor p50.
 * 6. Results: dist/bench/api-<database>.json and .md, and the table printed.
 *
 * Scenarios: me; participant home (me, cohorts, myProgress, myReviewTasks(done: false), the four
 * requests the web's home sends, in turn); cohortProgress of the 24- and the 200-participant cohort
 * as their leader (first page of 100); myProgress; myReviewTasks (the review page); sharedSpace
 * first page; cohorts (the home list, first 50) for course leaders and for the administrator of the
 * largest organisation; the organisation dashboard (that administrator, the default school year);
 * people search (administrator, "and"); the writes saveAnalysisDraft,
 * publishAnalysis (each on a draft changed by the save run), giveFeedback (open leader tasks) and
 * signIn (argon2 included).
 *
 * Settings: BENCH_DATABASE (a database on DATABASE_URL's server; default stl_scale_002) or
 * BENCH_DATABASE_URL, BENCH_CONNECTIONS (32), BENCH_DURATION (seconds, 10), BENCH_USERS
 * (participants signed in, 256), BENCH_SQL_SAMPLES (10), BENCH_FLOOR_POOL (10), BENCH_ONLY
 * (scenario names, comma-separated), BENCH_PASSWORD (else the manifest's, else stl-scale-2026),
 * BENCH_API (dist/apps/api/main.js), BENCH_LOG_LEVEL (warn).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { withDatabase } from '../../libs/api/data-access-db/src';
import { PasswordService } from '../../libs/api/feature-auth/src/password.service';
import * as D from '../../libs/web/data-access/src/generated/graphql';
import * as F from './floor-sql';
import { OrganisationFollowUpFacts } from '../../libs/api/data-access-db/src/progress/organisation-follow-up';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 32);
const DURATION = intEnv('BENCH_DURATION', 10);
const USERS = intEnv('BENCH_USERS', 256);
const SQL_SAMPLES = intEnv('BENCH_SQL_SAMPLES', 10);
const FLOOR_POOL = intEnv('BENCH_FLOOR_POOL', 10);
const ONLY = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
const SERVER = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env['BENCH_DATABASE'] ?? 'stl_scale_002';
const DB_URL = process.env['BENCH_DATABASE_URL'] ?? withDatabase(SERVER, DATABASE);
const API_MAIN = process.env['BENCH_API'] ?? join(process.cwd(), 'dist/apps/api/main.js');
const COOKIE = 'stl_session';

/** Issue 13's targets. */
const READ_P95_MS = 50;
const WRITE_P95_MS = 100;

/** The generated documents are strings with their fragments appended (typed document strings). */
const doc = (d: unknown) => String(d);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface Gql {
  query: string;
  variables?: Record<string, unknown>;
}
interface Call extends Gql {
  token: string;
  /** Called with the parsed data of a successful answer. */
  after?: (data: Record<string, unknown>) => void;
}

interface Scenario {
  name: string;
  kind: 'read' | 'write';
  /** me-class reads: the floor ratio target is 3, not 2. */
  meClass?: boolean;
  /** The next request; `slot` is the connection's number (0 … CONNECTIONS-1). */
  next(slot: number): Call | null;
  /** At most this many requests (writes that use up their items). */
  amount?: number;
  floor(client: PoolClient, slot: number): Promise<unknown>;
  floorAmount?: number;
  note?: string;
}

interface Stats {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(latencies: number[], errors: number, seconds: number, firstError?: string): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    firstError,
    seconds: r(seconds),
    rps: r(latencies.length / seconds),
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
  };
}

function errorOf(status: number, body: string): string | null {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
  try {
    const parsed = JSON.parse(body) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (parsed.errors?.length) {
      const e = parsed.errors[0];
      return `${e.extensions?.code ?? 'ERROR'}: ${e.message}`;
    }
  } catch {
    return `unparsable answer: ${body.slice(0, 200)}`;
  }
  return null;
}

/** A process's CPU time so far (user + system, ms) from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux build this runs on. */
const CLOCK_TICKS = 100;

/** One scenario against the API with autocannon; per-request latencies measured here. */
async function runHttp(url: string, s: Scenario): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let slots = 0;
  type Ctx = { slot?: number; started?: number; call?: Call };
  const started = performance.now();
  const instance = autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    ...(s.amount ? { amount: s.amount } : { duration: DURATION }),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Ctx) => {
          context.slot ??= slots++ % CONNECTIONS;
          const call = s.next(context.slot);
          if (!call) return null as unknown as Record<string, unknown>;
          context.call = call;
          context.started = performance.now();
          return {
            ...req,
            body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
            headers: { 'content-type': 'application/json', cookie: `${COOKIE}=${call.token}` },
          };
        },
        onResponse: (status: number, body: string, context: Ctx) => {
          latencies.push(performance.now() - (context.started ?? performance.now()));
          const err = errorOf(status, body);
          if (err) {
            errors += 1;
            firstError ??= err;
          } else if (context.call?.after) {
            context.call.after((JSON.parse(body) as { data: Record<string, unknown> }).data);
          }
        },
      },
    ],
  } as unknown as autocannon.Options);
  await instance;
  return stats(latencies, errors, (performance.now() - started) / 1000, firstError);
}

/** The floor: CONNECTIONS callers over a pool of FLOOR_POOL connections, for DURATION or floorAmount calls. */
async function runFloor(pool: Pool, s: Scenario): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + DURATION * 1000;
  let remaining = s.floorAmount ?? Infinity;
  const caller = async (slot: number) => {
    while (performance.now() < deadline && remaining > 0) {
      remaining -= 1;
      const t = performance.now();
      const client = await pool.connect();
      try {
        await s.floor(client, slot);
      } catch (e) {
        errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      } finally {
        client.release();
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => caller(i)));
  return stats(latencies, errors, (performance.now() - started) / 1000, firstError);
}

async function gql(
  url: string,
  body: Gql,
  token?: string,
): Promise<{ data: Record<string, unknown>; setCookie: string | null }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { cookie: `${COOKIE}=${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const err = errorOf(res.status, text);
  if (err) throw new Error(err);
  return {
    data: (JSON.parse(text) as { data: Record<string, unknown> }).data,
    setCookie: res.headers.get('set-cookie'),
  };
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const { setCookie } = await gql(url, {
    query: doc(D.SignInDocument),
    variables: { input: { email, password } },
  });
  const token = setCookie?.match(new RegExp(`${COOKIE}=([^;]+)`))?.[1];
  if (!token) throw new Error(`no session cookie for ${email}`);
  return token;
}

async function startApi(dbUrl: string): Promise<{ url: string; counterUrl: string; child: ChildProcess }> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} not found: build the API first (npx nx build api)`);
  const port = await freePort();
  const counterPort = await freePort();
  const child = spawn(process.execPath, ['-r', join(__dirname, 'sql-counter.cjs'), API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      SQL_COUNTER_PORT: String(counterPort),
      WORKER_ENABLED: 'false',
      SEED_DEMO: 'false',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      MAIL_LINK_SECRET: 'bench-only-mail-link-secret-0123456789abcdef',
      SMTP_HOST: process.env['SMTP_HOST'] ?? '127.0.0.1',
      SMTP_PORT: process.env['SMTP_PORT'] ?? '2525',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      await gql(url, { query: '{ __typename }' });
      break;
    } catch {
      if (Date.now() > until) throw new Error('the API did not answer within 120 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return { url, counterUrl: `http://127.0.0.1:${counterPort}`, child };
}

interface SqlCount {
  perRequest: number | null;
  /** Statements the process sent meanwhile without any request (pg-boss, timers), per request's time. */
  backgroundPerRequest: number;
  /** The most frequent statements of the sample (first 60 characters), per request. */
  top: Record<string, number>;
  /** Median latency of the sample's requests, sent one at a time (no queueing in the API). */
  sequentialP50: number | null;
}

/**
 * Statements per request: BENCH_SQL_SAMPLES requests one at a time, counted by the preloaded
 * counter, less what the process sends by itself over as long a quiet time (measured just before).
 */
async function sqlPerRequest(
  url: string,
  counterUrl: string,
  s: Scenario,
  loadP99: number,
): Promise<SqlCount> {
  const read = async () =>
    (await (await fetch(counterUrl)).json()) as { total: number; byText: Record<string, number> };
  // The load run's last requests may still be in the API: wait for a quiet window. A request of a
  // slow read may spend seconds inside one statement, sending nothing, so the window is twice the
  // run's p99 (at least a second, at most 30 s), tried up to 60 times.
  const quietMs = Math.min(30_000, Math.max(1000, Number.isNaN(loadP99) ? 30_000 : Math.ceil(2 * loadP99)));
  let quiet = 0;
  for (let i = 0; i < 60; i++) {
    await fetch(counterUrl, { method: 'POST' });
    await new Promise((r) => setTimeout(r, quietMs));
    quiet = (await read()).total;
    if (quiet <= 2) break;
  }
  const backgroundPerMs = quiet / quietMs;
  await fetch(counterUrl, { method: 'POST' });
  const t = performance.now();
  let sent = 0;
  const times: number[] = [];
  for (let i = 0; i < SQL_SAMPLES; i++) {
    const call = s.next(i % CONNECTIONS);
    if (!call) break;
    const started = performance.now();
    try {
      const { data } = await gql(url, call, call.token);
      call.after?.(data);
    } catch {
      /* counted by the load run already */
    }
    times.push(performance.now() - started);
    sent += 1;
  }
  const elapsed = performance.now() - t;
  const { total, byText } = await read();
  if (!sent) return { perRequest: null, backgroundPerRequest: 0, top: {}, sequentialP50: null };
  const background = backgroundPerMs * elapsed;
  const r = (x: number) => Math.round(x * 10) / 10;
  const top = Object.fromEntries(
    Object.entries(byText)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => [k, r(v / sent)]),
  );
  return {
    perRequest: r(Math.max(0, total - background) / sent),
    backgroundPerRequest: r(background / sent),
    top,
    sequentialP50: r(
      percentile(
        [...times].sort((a, b) => a - b),
        50,
      ),
    ),
  };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const FEEDBACK_TEXT = {
  worksWell:
    'Det är tydligt hur du använde talsyntesen, och beläggen från elevtexterna visar att skrivandet utvecklades.',
  questions:
    'Hur såg responsen ut hos de elever som behövde mest stöd? Vad i mallen hjälpte dem, och vad inte?',
  nextSteps:
    'Pröva att modellera en respons i helklass och låt eleverna jämföra två exempel innan de arbetar i par.',
};

async function main(): Promise<void> {
  const manifestPath = join(process.cwd(), 'dist', 'scale', `${DATABASE}.json`);
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        password: string;
        scale: number;
        rows: Record<string, number>;
      })
    : null;
  const password = process.env['BENCH_PASSWORD'] ?? manifest?.password ?? 'stl-scale-2026';
  const pool = new Pool({ connectionString: DB_URL, max: FLOOR_POOL, application_name: 'stl-bench-floor' });
  const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await pool.query<T>(sql, params)).rows;

  // Fixtures, from the data.
  const sizes = await q<{ cohort_id: string; n: string }>(
    `SELECT cohort_id, count(*)::text AS n FROM cohort_membership WHERE role = 'PARTICIPANT' AND left_at IS NULL
      GROUP BY 1 ORDER BY abs(count(*) - 200), cohort_id LIMIT 1`,
  );
  const small = await q<{ cohort_id: string; n: string }>(
    `SELECT cohort_id, count(*)::text AS n FROM cohort_membership WHERE role = 'PARTICIPANT' AND left_at IS NULL
      GROUP BY 1 ORDER BY abs(count(*) - 24), cohort_id LIMIT 1`,
  );
  const leaderOf = async (cohortId: string) =>
    (
      await q<{ person_id: string; email: string }>(
        `SELECT m.person_id, p.email FROM cohort_membership m JOIN person p ON p.id = m.person_id
          WHERE m.cohort_id = $1 AND m.role = 'LEADER' ORDER BY m.person_id LIMIT 1`,
        [cohortId],
      )
    )[0];
  const big = {
    cohortId: sizes[0].cohort_id,
    size: Number(sizes[0].n),
    leader: await leaderOf(sizes[0].cohort_id),
  };
  const little = {
    cohortId: small[0].cohort_id,
    size: Number(small[0].n),
    leader: await leaderOf(small[0].cohort_id),
  };
  const largestOrg = (
    await q<{ organisation_id: string; n: string }>(
      `SELECT organisation_id, count(*)::text AS n FROM cohort GROUP BY 1 ORDER BY count(*) DESC, organisation_id LIMIT 1`,
    )
  )[0];
  const admin = (
    await q<{ person_id: string; email: string }>(
      `SELECT g.person_id, p.email FROM role_grant g JOIN person p ON p.id = g.person_id
        WHERE g.role = 'ADMINISTRATOR' AND g.organisation_id = $1 ORDER BY p.email LIMIT 1`,
      [largestOrg.organisation_id],
    )
  )[0];
  const teachers = await q<{
    person_id: string;
    cohort_id: string;
    email: string;
    round6: string;
    round5: string;
    rev6: number;
    rev5: number;
  }>(
    `SELECT t.person_id, t.cohort_id, t.email, a6.id AS round6, a5.id AS round5, a6.draft_revision AS rev6, a5.draft_revision AS rev5
       FROM (SELECT m.person_id, m.cohort_id, p.email,
                    row_number() OVER (PARTITION BY m.cohort_id ORDER BY m.person_id) AS k
               FROM cohort_membership m JOIN person p ON p.id = m.person_id
              WHERE m.role = 'PARTICIPANT' AND m.left_at IS NULL) t
       JOIN analysis_round r6 ON r6.cohort_id = t.cohort_id AND r6.number = 6
       JOIN analysis_round r5 ON r5.cohort_id = t.cohort_id AND r5.number = 5
       JOIN analysis a6 ON a6.round_id = r6.id AND a6.author_id = t.person_id
       JOIN analysis a5 ON a5.round_id = r5.id AND a5.author_id = t.person_id
      ORDER BY t.k, t.cohort_id LIMIT $1`,
    [USERS],
  );
  const leaders = await q<{ person_id: string; email: string; open: string }>(
    `SELECT ra.reviewer_id AS person_id, p.email, count(*)::text AS open FROM review_assignment ra
       JOIN person p ON p.id = ra.reviewer_id
      WHERE ra.kind = 'LEADER' AND ra.completed_at IS NULL AND ra.cancelled_at IS NULL
      GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT $1`,
    [CONNECTIONS],
  );
  for (const l of [big.leader, little.leader])
    if (!leaders.some((x) => x.person_id === l.person_id)) leaders.push({ ...l, open: '0' });
  const roundOf = new Map(
    (
      await q<{ id: string; round_id: string }>(`SELECT id, round_id FROM analysis WHERE id = ANY($1)`, [
        teachers.map((t) => t.round6),
      ])
    ).map((r) => [r.id, r.round_id]),
  );

  console.log(
    `database ${DATABASE}: cohorts of ${big.size} and ${little.size}, largest organisation ${largestOrg.n} cohorts; ` +
      `${teachers.length} participants, ${leaders.length} leaders`,
  );

  const api = await startApi(DB_URL);
  const results: Record<string, unknown>[] = [];
  try {
    await pool.query('DELETE FROM login_throttle');
    const tokens = new Map<string, string>();
    const t0 = performance.now();
    const people = [
      ...teachers.map((t) => [t.person_id, t.email] as const),
      ...leaders.map((l) => [l.person_id, l.email] as const),
      [admin.person_id, admin.email] as const,
    ];
    for (let i = 0; i < people.length; i += 8) {
      await Promise.all(
        people
          .slice(i, i + 8)
          .map(async ([id, email]) => tokens.set(id, await signIn(api.url, email, password))),
      );
    }
    console.log(`signed in ${tokens.size} people in ${Math.round(performance.now() - t0)} ms`);
    const tok = (id: string) => tokens.get(id) as string;

    let n = 0;
    const teacher = () => teachers[n++ % teachers.length];
    const leaderRot = () => leaders[n++ % leaders.length];
    const me = doc(D.MeDocument);
    const myCohorts = doc(D.MyCohortsDocument);
    const myProgress = doc(D.MyProgressDocument);
    const openTasks = doc(D.MyOpenReviewTasksDocument);

    // Write items: each connection owns the drafts of teachers slot, slot + CONNECTIONS, …
    const drafts = teachers.map((t) => ({ t, rev: Number(t.rev6), changed: false }));
    const owned = (slot: number) => drafts.filter((_, i) => i % CONNECTIONS === slot);
    const turn = new Map<number, number>();
    const nextOwned = (slot: number) => {
      const mine = owned(slot);
      if (!mine.length) return null;
      const k = turn.get(slot) ?? 0;
      turn.set(slot, k + 1);
      return mine[k % mine.length];
    };
    const floorDrafts = teachers.map((t) => ({ t, rev: Number(t.rev5) }));
    let floorTurn = 0;
    const toPublish = () => drafts.filter((d) => d.changed);
    const openLeaderTasks = await q<{ id: string; reviewer_id: string }>(
      `SELECT id, reviewer_id FROM review_assignment WHERE kind = 'LEADER' AND completed_at IS NULL AND cancelled_at IS NULL
          AND reviewer_id = ANY($1) ORDER BY id`,
      [leaders.map((l) => l.person_id)],
    );
    const apiTasks = openLeaderTasks.filter((_, i) => i % 2 === 0);
    const floorTasks = openLeaderTasks.filter((_, i) => i % 2 === 1);
    const signInPool = await q<{ email: string }>(
      `SELECT email FROM person WHERE email LIKE 'teacher.%' ORDER BY id DESC LIMIT 2000`,
    );
    let signInTurn = 0;
    const passwords = new PasswordService();

    const progressFloor = (cohortId: string, personId: string | null) => (c: PoolClient) =>
      c.query(F.PROGRESS, [cohortId, personId]);

    const scenarios: Scenario[] = [
      {
        name: 'me',
        kind: 'read',
        meClass: true,
        next: () => {
          const t = teacher();
          return { query: me, token: tok(t.person_id) };
        },
        floor: (c) => c.query(F.ME, [sha256(tok(teacher().person_id))]),
      },
      {
        name: 'participant home',
        kind: 'read',
        note: 'the four requests of the web home in turn (me, cohorts, myProgress, myReviewTasks open); figures per request',
        next: () => {
          const k = n++;
          const t = teachers[Math.floor(k / 4) % teachers.length];
          const query = [me, myCohorts, myProgress, openTasks][k % 4];
          return { query, variables: k % 4 >= 2 ? { cohortId: t.cohort_id } : {}, token: tok(t.person_id) };
        },
        floor: (c) => {
          const k = n++;
          const t = teachers[Math.floor(k / 4) % teachers.length];
          if (k % 4 === 0) return c.query(F.ME, [sha256(tok(t.person_id))]);
          if (k % 4 === 1) return c.query(F.MY_COHORTS, [t.person_id]);
          if (k % 4 === 2) return c.query(F.PROGRESS, [t.cohort_id, t.person_id]);
          return c.query(F.OPEN_TASKS, [t.cohort_id, t.person_id]);
        },
      },
      {
        name: `cohortProgress ${little.size}`,
        kind: 'read',
        next: () => ({
          query: doc(D.FollowUpProgressDocument),
          variables: { cohortId: little.cohortId, includeWithdrawn: false },
          token: tok(little.leader.person_id),
        }),
        floor: progressFloor(little.cohortId, null),
      },
      {
        name: `cohortProgress ${big.size}`,
        kind: 'read',
        note: 'first page of 100',
        next: () => ({
          query: doc(D.FollowUpProgressDocument),
          variables: { cohortId: big.cohortId, includeWithdrawn: false },
          token: tok(big.leader.person_id),
        }),
        floor: progressFloor(big.cohortId, null),
      },
      {
        name: 'myProgress',
        kind: 'read',
        next: () => {
          const t = teacher();
          return { query: myProgress, variables: { cohortId: t.cohort_id }, token: tok(t.person_id) };
        },
        floor: (c) => {
          const t = teacher();
          return c.query(F.PROGRESS, [t.cohort_id, t.person_id]);
        },
      },
      {
        name: 'myReviewTasks',
        kind: 'read',
        note: 'the review page (ReviewTasks: the cohort and all my tasks)',
        next: () => {
          const t = teacher();
          return {
            query: doc(D.ReviewTasksDocument),
            variables: { cohortId: t.cohort_id },
            token: tok(t.person_id),
          };
        },
        floor: (c) => {
          const t = teacher();
          return c.query(F.REVIEW_TASKS, [t.cohort_id, t.person_id]);
        },
      },
      {
        name: 'sharedSpace',
        kind: 'read',
        note: 'first page of 25',
        next: () => {
          const t = teacher();
          return {
            query: doc(D.SharedSpaceDocument),
            variables: { cohortId: t.cohort_id },
            token: tok(t.person_id),
          };
        },
        floor: (c) => {
          const t = teacher();
          return c.query(F.SHARED_SPACE, [t.cohort_id, t.person_id]);
        },
      },
      {
        name: 'cohorts (leader)',
        kind: 'read',
        note: 'the home list, first 50, with meetings and rounds',
        next: () => ({ query: myCohorts, token: tok(leaderRot().person_id) }),
        floor: (c) => c.query(F.MY_COHORTS, [leaderRot().person_id]),
      },
      {
        name: 'cohorts (administrator)',
        kind: 'read',
        note: `administrator of the largest organisation (${largestOrg.n} cohorts); first 50`,
        next: () => ({ query: myCohorts, token: tok(admin.person_id) }),
        floor: (c) => c.query(F.MY_COHORTS, [admin.person_id]),
      },
      {
        name: 'organisation dashboard',
        kind: 'read',
        note: `administrator of the largest organisation (${largestOrg.n} cohorts), default school year (ADR 0033)`,
        next: () => ({
          query: doc(D.OrganisationDashboardDocument),
          variables: {},
          token: tok(admin.person_id),
        }),
        // The floor is the dashboard's own four statements on one connection, JIT off as in the API:
        // what is left over is the framework, the session, the rule applied in Node and the JSON.
        floor: async (c) => {
          const facts = new OrganisationFollowUpFacts({
            query: (sql: string, params: unknown[]) => c.query(sql, params).then((r) => r.rows),
          } as never);
          const scope = {
            organisationId: largestOrg.organisation_id,
            leaderId: null,
            cohortId: null,
            schoolId: null,
          };
          await c.query('BEGIN');
          await c.query('SET LOCAL jit = off');
          await facts.cohorts(scope, new Date());
          await facts.rounds(scope);
          await facts.participants(scope);
          await facts.turnaround(scope);
          await c.query('COMMIT');
        },
      },
      {
        name: 'people search',
        kind: 'read',
        note: 'administrator, "and", first 25',
        next: () => ({
          query: doc(D.AdminPeopleDocument),
          variables: { organisationId: largestOrg.organisation_id, filter: { search: 'and' }, first: 25 },
          token: tok(admin.person_id),
        }),
        floor: (c) => c.query(F.PEOPLE, [largestOrg.organisation_id, '%and%']),
      },
      {
        name: 'saveAnalysisDraft',
        kind: 'write',
        note: 'one section changed, on a round-6 analysis; each connection owns its drafts',
        next: (slot) => {
          const d = nextOwned(slot);
          if (!d) return null;
          const html = `<p>Nästa gång modellerar jag responsen i helklass (${n++}).</p>`;
          return {
            query: doc(D.SaveAnalysisDraftDocument),
            variables: {
              input: {
                roundId: roundOf.get(d.t.round6),
                expectedRevision: d.rev,
                answers: [{ sectionKey: 'next', html }],
              },
            },
            token: tok(d.t.person_id),
            after: (data) => {
              d.rev = (data['saveAnalysisDraft'] as { draft: { revision: number } }).draft.revision;
              d.changed = true;
            },
          };
        },
        floor: async (c) => {
          const d = floorDrafts[floorTurn++ % floorDrafts.length];
          const html = `<p>Nästa gång modellerar jag responsen i helklass (${n++}).</p>`;
          const r = await c.query(F.SAVE_DRAFT, [d.t.round5, d.t.person_id, d.rev, 'next', html]);
          if (r.rowCount) d.rev += 1;
          return r;
        },
      },
      {
        name: 'publishAnalysis',
        kind: 'write',
        note: 'each a draft changed by the saveAnalysisDraft run (a new version); one per draft',
        // Fixed when the scenario starts: the drafts changed so far, less those the SQL count uses.
        get amount() {
          return Math.max(1, toPublish().length - SQL_SAMPLES);
        },
        get floorAmount() {
          return Math.max(1, toPublish().length - SQL_SAMPLES);
        },
        next: () => {
          const d = toPublish().find((x) => x.changed);
          if (!d) return null;
          d.changed = false;
          return {
            query: doc(D.PublishAnalysisDocument),
            variables: {
              input: { analysisId: d.t.round6, expectedRevision: d.rev, confirmNoPupilIdentifiable: true },
            },
            token: tok(d.t.person_id),
          };
        },
        floor: (c) => {
          const d = floorDrafts[floorTurn++ % floorDrafts.length];
          return c.query(F.PUBLISH, [d.t.round5, d.t.person_id]);
        },
      },
      {
        name: 'giveFeedback',
        kind: 'write',
        note: `open leader tasks of round 6, each given once (up to ${8 * CONNECTIONS} for the API and as many for the floor)`,
        amount: Math.max(1, Math.min(apiTasks.length - SQL_SAMPLES, 8 * CONNECTIONS)),
        floorAmount: Math.max(1, Math.min(floorTasks.length, 8 * CONNECTIONS)),
        next: () => {
          const task = apiTasks.shift();
          if (!task) return null;
          return {
            query: doc(D.GiveFeedbackDocument),
            variables: { assignmentId: task.id, input: FEEDBACK_TEXT },
            token: tok(task.reviewer_id),
          };
        },
        floor: async (c) => {
          const task = floorTasks.shift();
          if (!task) return null;
          return c.query(F.GIVE_FEEDBACK, [
            task.id,
            task.reviewer_id,
            FEEDBACK_TEXT.worksWell,
            FEEDBACK_TEXT.questions,
            FEEDBACK_TEXT.nextSteps,
          ]);
        },
      },
      {
        name: 'signIn',
        kind: 'write',
        note: 'argon2id (19 MiB, 2 passes) per request, as the product requires; the floor verifies the same hash in Node',
        amount: Math.min(signInPool.length, 8 * CONNECTIONS),
        floorAmount: Math.min(signInPool.length, 8 * CONNECTIONS),
        next: () => {
          const email = signInPool[signInTurn++ % signInPool.length].email;
          return { query: doc(D.SignInDocument), variables: { input: { email, password } }, token: '' };
        },
        floor: async (c) => {
          const email = signInPool[signInTurn++ % signInPool.length].email;
          const row = (await c.query<{ password_hash: string }>(F.SIGN_IN, [email])).rows[0];
          if (!(await passwords.verify(row?.password_hash ?? null, password)))
            throw new Error('floor: wrong password');
          return row;
        },
      },
    ];

    for (const s of scenarios) {
      if (ONLY.length && !ONLY.includes(s.name)) continue;
      if (s.name === 'signIn') await pool.query('DELETE FROM login_throttle');
      const load = loadavg()[0];
      const fixed: Scenario = { ...s, amount: s.amount, floorAmount: s.floorAmount };
      const cpuBefore = processCpuMs(api.child.pid);
      const product = await runHttp(api.url, fixed);
      const cpuAfter = processCpuMs(api.child.pid);
      // The API process's own CPU (user + system) per request under load: less sensitive to what
      // else the machine runs than latency is, so changes can be compared on a busy machine.
      const apiCpuMsPerRequest =
        cpuBefore === null || cpuAfter === null || !product.requests
          ? null
          : Math.round(((cpuAfter - cpuBefore) / product.requests) * 100) / 100;
      if (s.name === 'signIn') await pool.query('DELETE FROM login_throttle');
      const sql = await sqlPerRequest(api.url, api.counterUrl, s, product.p99);
      const floor = await runFloor(pool, fixed);
      // No request finished within the run (each outlasted it): the ratio is at least run / floor.
      const ratio =
        Math.round(((Number.isNaN(product.p50) ? DURATION * 1000 : product.p50) / floor.p50) * 10) / 10;
      const p95Target = s.kind === 'read' ? READ_P95_MS : WRITE_P95_MS;
      const ratioTarget = s.kind === 'read' ? (s.meClass ? 3 : 2) : null;
      const row = {
        name: s.name,
        kind: s.kind,
        note: s.note,
        product,
        sqlPerRequest: sql.perRequest,
        sequentialP50: sql.sequentialP50,
        apiCpuMsPerRequest,
        sqlBackgroundPerRequest: sql.backgroundPerRequest,
        sqlTop: sql.top,
        floor,
        ratioP50: ratio,
        target: { p95Ms: p95Target, ratio: ratioTarget },
        holds: {
          p95: !Number.isNaN(product.p95) && product.p95 <= p95Target,
          ratio: ratioTarget === null ? null : ratio <= ratioTarget,
        },
        loadAverageBefore: Math.round(load * 100) / 100,
      };
      results.push(row);
      console.log(
        `${s.name.padEnd(26)} p50 ${product.p50} p95 ${product.p95} p99 ${product.p99} ms, ${product.rps} req/s, ` +
          `${product.requests} req, ${product.errors} errors${product.firstError ? ` (${product.firstError})` : ''}; ` +
          `SQL/req ${sql.perRequest}; API CPU ${apiCpuMsPerRequest} ms/req; one at a time p50 ${sql.sequentialP50} ms; floor p50 ${floor.p50} p95 ${floor.p95} ms${floor.errors ? ` (${floor.errors} errors: ${floor.firstError})` : ''}; ratio ${ratio}`,
      );
    }
  } finally {
    api.child.kill('SIGTERM');
    await pool.end();
  }

  const summary = {
    database: DATABASE,
    scale: manifest?.scale ?? null,
    rows: manifest?.rows ?? null,
    ranAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
      node: process.version,
    },
    settings: {
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      floorPool: FLOOR_POOL,
      sqlSamples: SQL_SAMPLES,
    },
    results,
  };
  const dir = join(process.cwd(), 'dist', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `api-${DATABASE}.json`), JSON.stringify(summary, null, 2) + '\n');
  const md = markdown(summary);
  writeFileSync(join(dir, `api-${DATABASE}.md`), md);
  console.log('\n' + md);
  console.log(`written: dist/bench/api-${DATABASE}.json and .md`);
}

function markdown(summary: {
  database: string;
  scale: number | null;
  ranAt: string;
  machine: Record<string, unknown>;
  settings: Record<string, number>;
  results: Record<string, unknown>[];
}): string {
  const yes = (b: boolean | null) => (b === null ? '–' : b ? 'yes' : '**no**');
  const lines = [
    `Database ${summary.database} (scale ${summary.scale ?? '?'}), ${summary.ranAt}; ${summary.machine['cpus']} × ${summary.machine['model']}, ` +
      `load average at the end ${(summary.machine['loadavgAtEnd'] as number[]).join(' / ')}; ${summary.settings['connections']} connections, ` +
      `${summary.settings['durationSeconds']} s per read.`,
    '',
    '| operation | p50 ms | p95 ms | p99 ms | req/s | errors | SQL/req | API CPU ms/req | alone p50 | floor p50 | floor p95 | ratio p50 | p95 target holds | ratio target holds |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  const ms = (x: number) => (Number.isNaN(x) ? `> ${summary.settings['durationSeconds'] * 1000}` : String(x));
  for (const r of summary.results as {
    name: string;
    product: Stats;
    floor: Stats;
    sqlPerRequest: number | null;
    apiCpuMsPerRequest: number | null;
    sequentialP50: number | null;
    ratioP50: number;
    holds: { p95: boolean; ratio: boolean | null };
    target: { p95Ms: number; ratio: number | null };
  }[]) {
    lines.push(
      `| ${r.name} | ${ms(r.product.p50)} | ${ms(r.product.p95)} | ${ms(r.product.p99)} | ${r.product.rps} | ${r.product.errors} | ${r.sqlPerRequest ?? '–'} | ${r.apiCpuMsPerRequest ?? '–'} | ${r.sequentialP50 ?? '–'} | ` +
        `${r.floor.p50} | ${r.floor.p95} | ${r.ratioP50} | ${yes(r.holds.p95)} (≤ ${r.target.p95Ms}) | ${yes(r.holds.ratio)}${r.target.ratio ? ` (≤ ${r.target.ratio})` : ''} |`,
    );
  }
  return lines.join('\n') + '\n';
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
