/**
 * Scale data generator (issue 13): a national-size dataset for the benchmark (tools/bench/api-reads.ts).
 *
 *   npm run scale:generate -- --scale 0.02 [--seed 1] [--database stl_scale_002] [--password stl-scale-2026]
 *
 * Scale 1 is national: 290 organisations, 4,953 schools, 2,825 cohorts, ~73,500 participants,
 * 6 published analyses of ~4 kB each per participant (~441,000), ~1.47 M critical-friend
 * assignments and ~1.41 M feedback rows, with meetings, attendance, rounds, memberships, leaders
 * (certified), school leaders and administrators. What the data looks like and why: scale-sql.ts.
 *
 * 1. The database (DATABASE_URL's server, or postgres://postgres@127.0.0.1:5432/postgres) named by
 *    --database (default stl_scale_<scale>) is dropped and created, then migrated with the
 *    platform's own migrations (runMigrations, as the tests do). Only names starting stl_scale_
 *    are accepted, since the database is dropped first.
 * 2. The secondary indexes and foreign keys are set aside (their exact definitions read from the
 *    catalogue), the rows are written by set-based INSERT … SELECT (scale-sql.ts), then every index
 *    and foreign key is created again from those definitions: the foreign keys are validated over
 *    all rows, the unique indexes and checks hold, or the run fails.
 * 3. The course's rules are checked by SQL (leaders certified, ≥ 8 meetings, ≥ 6 rounds, nobody
 *    reviews their own analysis, balanced peer load, feedback on the reviewed version); a broken
 *    rule fails the run.
 * 4. A manifest (dist/scale/<database>.json) records the scale, seed, counts, timings, database size
 *    and the shared password; every generated person signs in with it (one argon2 hash made once by
 *    the platform's PasswordService). E-mail addresses: admin.<n>@scale.example (admin.1 and the last
 *    one administer the largest organisation), leader.<n>@…, rektor.<n>@…, teacher.<n>@…,
 *    operator@scale.example.
 *
 * Deterministic: the same --scale and --seed give the same rows (ids do not depend on the seed;
 * names, schools, texts, attendance and dates do).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  DEFAULT_TEMPLATE_SECTIONS,
  ensureDatabase,
  runMigrations,
  withDatabase,
} from '../../libs/api/data-access-db/src';
import { PasswordService } from '../../libs/api/feature-auth/src/password.service';
import { FUNCTIONS_SQL, NATIONAL, countsFor, generationSteps, rndFunctionSql } from './scale-sql';

export const SCALE_PASSWORD_DEFAULT = 'stl-scale-2026';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

async function main(): Promise<void> {
  const scale = Number(arg('scale') ?? '0.02');
  if (!(scale > 0 && scale <= 2)) throw new Error(`--scale must be in (0, 2], got ${arg('scale')}`);
  const seed = Number(arg('seed') ?? '1');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const database = arg('database') ?? `stl_scale_${String(scale).replace('.', '')}`;
  if (!/^stl_scale_[a-z0-9_]+$/.test(database))
    throw new Error('--database must match stl_scale_[a-z0-9_]+ (it is dropped first)');
  const password = arg('password') ?? process.env['SCALE_PASSWORD'] ?? SCALE_PASSWORD_DEFAULT;
  const server = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const counts = countsFor(scale);
  console.log(`scale ${scale} seed ${seed} → ${database}`, counts);
  const started = performance.now();
  const timings: Record<string, number> = {};

  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  let t = performance.now();
  const url = await ensureDatabase(server, database);
  await runMigrations(url);
  timings['migrations'] = seconds(t);

  t = performance.now();
  const passwordHash = await new PasswordService().hash(password);
  timings['password hash'] = seconds(t);

  const db = new Client({ connectionString: withDatabase(server, database), application_name: 'stl-scale' });
  await db.connect();
  try {
    await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
    // Set aside the secondary indexes and foreign keys; recreated from these exact definitions.
    const fks = (
      await db.query<{ tbl: string; name: string; def: string }>(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
           FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
      )
    ).rows;
    const indexes = (
      await db.query<{ name: string; def: string }>(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
          ORDER BY 1`,
      )
    ).rows;
    for (const fk of fks) await db.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
    for (const ix of indexes) await db.query(`DROP INDEX ${ix.name}`);

    await db.query(FUNCTIONS_SQL + rndFunctionSql(seed));
    const steps = generationSteps(counts, seed, DEFAULT_TEMPLATE_SECTIONS, passwordHash);
    for (const step of steps) {
      t = performance.now();
      await db.query('BEGIN');
      await db.query(step.sql);
      await db.query('COMMIT');
      timings[step.name] = seconds(t);
      console.log(`  ${step.name}: ${timings[step.name]} s`);
    }

    t = performance.now();
    for (const ix of indexes) await db.query(ix.def);
    timings['indexes'] = seconds(t);
    console.log(`  indexes (${indexes.length}): ${timings['indexes']} s`);
    t = performance.now();
    for (const fk of fks) await db.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    timings['foreign keys'] = seconds(t);
    console.log(`  foreign keys (${fks.length}, validated): ${timings['foreign keys']} s`);
    t = performance.now();
    await db.query('VACUUM (ANALYZE)');
    timings['vacuum analyze'] = seconds(t);
    console.log(`  vacuum analyze: ${timings['vacuum analyze']} s`);

    t = performance.now();
    const broken = await checkRules(db);
    timings['rule checks'] = seconds(t);
    if (broken.length) throw new Error(`generated data breaks the course's rules:\n  ${broken.join('\n  ')}`);
    console.log(`  rule checks: ${timings['rule checks']} s, all hold`);

    const rows = await rowCounts(db);
    const size = (
      await db.query<{ bytes: string; pretty: string }>(
        `SELECT pg_database_size(current_database())::text AS bytes, pg_size_pretty(pg_database_size(current_database())) AS pretty`,
      )
    ).rows[0];
    const avgAnalysis = (
      await db.query<{ avg: string }>(
        `SELECT round(avg(octet_length(answers::text)))::text AS avg FROM analysis_version`,
      )
    ).rows[0];
    const total = seconds(started);
    const manifest = {
      database,
      scale,
      seed,
      password,
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
      national: NATIONAL,
      counts,
      rows,
      averageAnalysisBytes: Number(avgAnalysis.avg),
      databaseBytes: Number(size.bytes),
      databaseSize: size.pretty,
      seconds: { total, ...timings },
    };
    const dir = join(process.cwd(), 'dist', 'scale');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${database}.json`), JSON.stringify(manifest, null, 2) + '\n');
    console.log(rows);
    console.log(
      `done in ${total} s: ${size.pretty}, analyses ~${avgAnalysis.avg} bytes of answers; manifest dist/scale/${database}.json`,
    );
    console.log(`DATABASE_URL=${withDatabase(server, database)}`);
  } finally {
    await db.end();
  }
}

const TABLES = [
  'organisation',
  'school',
  'person',
  'role_grant',
  'certification',
  'cohort',
  'cohort_membership',
  'meeting',
  'attendance',
  'analysis_round',
  'round_allocation',
  'analysis',
  'analysis_version',
  'review_assignment',
  'feedback',
];

async function rowCounts(db: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    out[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  return out;
}

/** The course's rules (PRODUCT.md), each a query that returns the rows breaking it. */
const RULES: [string, string][] = [
  [
    'every open cohort has ≥ 8 meetings and ≥ 6 rounds',
    `SELECT c.id FROM cohort c WHERE (SELECT count(*) FROM meeting m WHERE m.cohort_id = c.id) < 8
        OR (SELECT count(*) FROM analysis_round r WHERE r.cohort_id = c.id) < 6`,
  ],
  [
    'every cohort has a leader certified over its dates',
    `SELECT c.id FROM cohort c WHERE NOT EXISTS (
       SELECT 1 FROM cohort_membership cm JOIN certification ce ON ce.person_id = cm.person_id
        WHERE cm.cohort_id = c.id AND cm.role = 'LEADER' AND ce.revoked_at IS NULL
          AND ce.issued_on <= c.starts_on AND ce.valid_until >= c.ends_on)`,
  ],
  [
    'every leader of a cohort is certified and a course leader of its organisation',
    `SELECT cm.person_id FROM cohort_membership cm JOIN cohort c ON c.id = cm.cohort_id
      WHERE cm.role = 'LEADER' AND (
        NOT EXISTS (SELECT 1 FROM certification ce WHERE ce.person_id = cm.person_id AND ce.valid_until >= c.ends_on)
        OR NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = cm.person_id AND g.role = 'COURSE_LEADER'
                       AND g.organisation_id = c.organisation_id))`,
  ],
  [
    'round deadlines fall between the meetings, and rounds open before they are due',
    `SELECT r.id FROM analysis_round r JOIN meeting m ON m.id = r.meeting_id
      WHERE NOT (r.opens_at < r.submission_deadline AND r.feedback_deadline < m.starts_at AND m.cohort_id = r.cohort_id)`,
  ],
  [
    'nobody reviews their own analysis',
    `SELECT ra.id FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id WHERE ra.reviewer_id = a.author_id`,
  ],
  [
    'peer reviewers are participants of the same cohort',
    `SELECT ra.id FROM review_assignment ra WHERE ra.kind = 'PEER' AND NOT EXISTS (
       SELECT 1 FROM cohort_membership cm WHERE cm.cohort_id = ra.cohort_id AND cm.person_id = ra.reviewer_id
          AND cm.role = 'PARTICIPANT')`,
  ],
  [
    'every published analysis has k peers and every leader of its cohort',
    `SELECT a.id FROM analysis a JOIN cohort c ON c.id = a.cohort_id
       LEFT JOIN (SELECT analysis_id, count(*) FILTER (WHERE kind = 'PEER') AS peers,
                         count(*) FILTER (WHERE kind = 'LEADER') AS leaders
                    FROM review_assignment WHERE cancelled_at IS NULL GROUP BY 1) ra ON ra.analysis_id = a.id
       LEFT JOIN (SELECT cohort_id, count(*) AS n FROM cohort_membership WHERE role = 'LEADER' GROUP BY 1) cl
              ON cl.cohort_id = c.id
      WHERE a.status = 'PUBLISHED'
        AND (coalesce(ra.peers, 0) <> c.peers_per_analysis OR coalesce(ra.leaders, 0) <> coalesce(cl.n, 0))`,
  ],
  [
    'peer load balanced within ±1 of the mean in each round',
    `SELECT round_id FROM (SELECT round_id, reviewer_id, count(*) AS n FROM review_assignment WHERE kind = 'PEER'
        GROUP BY 1, 2) x GROUP BY round_id HAVING max(n) - min(n) > 1`,
  ],
  [
    'feedback is on the published version, by the assignment reviewer, after completion',
    `SELECT f.id FROM feedback f JOIN review_assignment ra ON ra.id = f.assignment_id
       JOIN analysis_version v ON v.id = f.analysis_version_id
      WHERE f.author_id <> ra.reviewer_id OR v.analysis_id <> ra.analysis_id OR ra.completed_at IS NULL
         OR f.kind <> ra.kind`,
  ],
  [
    'completed assignments have feedback',
    `SELECT ra.id FROM review_assignment ra WHERE ra.completed_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.assignment_id = ra.id)`,
  ],
  [
    'analyses published within their round, by a participant of the cohort',
    `SELECT a.id FROM analysis a JOIN analysis_round r ON r.id = a.round_id
      WHERE a.first_published_at < r.opens_at OR a.cohort_id <> r.cohort_id OR NOT EXISTS (
        SELECT 1 FROM cohort_membership cm WHERE cm.cohort_id = a.cohort_id AND cm.person_id = a.author_id
           AND cm.role = 'PARTICIPANT')`,
  ],
];

async function checkRules(db: Client): Promise<string[]> {
  const broken: string[] = [];
  for (const [rule, sql] of RULES) {
    const found = await db.query(`SELECT count(*) AS n FROM (${sql}) x`);
    const n = Number(found.rows[0].n);
    if (n > 0) broken.push(`${rule}: ${n} rows break it`);
  }
  return broken;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
