/**
 * Benchmark of the shared-space search (issue 18, ADR 0027). Prints figures; asserts nothing.
 *
 *   npm run bench:search            (BENCH_ROUNDS=100 BENCH_RUNS=30 by default)
 *
 * 1. A PostgreSQL server: DATABASE_URL when set, else a throw-away embedded one; a scratch database
 *    with the migrations and the demo organisation.
 * 2. The demo cohort gets BENCH_ROUNDS rounds, and each of its 24 teachers publishes an analysis
 *    in each (24 × 100 = 2,400 analyses of about 300 words, from a Swedish word list; 3 % of them
 *    speak of "kamratresponsen"). The trigger makes each version's vector, as at publish.
 * 3. AnalysisService.searchSharedSpace (the real service in the real app, as a course leader) is
 *    timed for a few searches, the whole cohort and one round, BENCH_RUNS times each: median and
 *    95th percentile. Then EXPLAIN ANALYZE of the matching query, to show whether the GIN index
 *    on analysis_version.search is used.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app/create-app';
import {
  DEMO_IDS,
  createScratchDatabase,
  dataSourceOptions,
  runMigrations,
  seedDemo,
  startEmbeddedPostgres,
} from '../../libs/api/data-access-db/src';
import { AnalysisService } from '../../libs/api/feature-analysis/src/analysis/analysis.service';
import type { Actor } from '../../libs/api/feature-auth/src';
import { loadConfig } from '../../libs/api/util-config/src';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 100);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const WORDS = `elever lektion skriva texter respons läraren modell dator berättelse faktatext struktur
  bedömning formativ mål kriterier läsa tillsammans par grupp planering genomförande resultat effekt
  nästa steg reflektion undervisning stödstruktur skrivande lärande stavning ord meningar stycken
  rubrik inledning avslutning argument åsikt källor digitala verktyg tal ljud bild skärm samtal
  diskussion feedback frågor exempel matris kamrater klassrum årskurs svenska matematik`
  .split(/\s+/)
  .filter(Boolean);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const pg = process.env['DATABASE_URL']
    ? { serverUrl: process.env['DATABASE_URL'], stop: async () => undefined }
    : await startEmbeddedPostgres({ dir: 'tmp/pg-bench-search', port: 54332, persistent: false });
  const scratch = await createScratchDatabase(pg.serverUrl, 'stl_bench_search');
  try {
    await runMigrations(scratch.url);
    const db = await new DataSource(dataSourceOptions(scratch.url, { extra: { max: 2 } })).initialize();
    try {
      await seedDemo(db);
      const started = performance.now();
      await db.query(
        `INSERT INTO analysis_round (id, cohort_id, number, title, template_version_id, opens_at, submission_deadline, feedback_deadline)
         SELECT gen_random_uuid(), $1, 6 + g, 'Analys ' || (6 + g), $2, now() - interval '30 days', now() - interval '10 days', now() - interval '1 day'
           FROM generate_series(1, $3::int) g`,
        [DEMO_IDS.cohort, DEMO_IDS.templateVersion, ROUNDS - 6],
      );
      await db.query(
        `INSERT INTO analysis (id, round_id, cohort_id, author_id, school_id, status, draft_answers, draft_revision, published_version, first_published_at, last_published_at)
         SELECT gen_random_uuid(), r.id, r.cohort_id, m.person_id, m.school_id, 'PUBLISHED', '[]', 1, 1,
                now() - random() * interval '60 days', now() - random() * interval '60 days'
           FROM analysis_round r JOIN cohort_membership m ON m.cohort_id = r.cohort_id AND m.role = 'PARTICIPANT'
          WHERE r.cohort_id = $1`,
        [DEMO_IDS.cohort],
      );
      // About 300 words each; 3 % mention "kamratresponsen". The trigger makes the vectors.
      await db.query(
        `INSERT INTO analysis_version (analysis_id, version, answers, privacy_confirmed_at, search_title, search_text)
         SELECT a.id, 1, jsonb_build_array(jsonb_build_array('goals', '<p>' || t.text || '</p>')), now(),
                CASE WHEN random() < 0.5 THEN t.words[1] || ' ' || t.words[2] ELSE '' END, t.text
           FROM analysis a
           CROSS JOIN LATERAL (
             SELECT array_agg(w) AS words,
                    string_agg(w, ' ') || CASE WHEN random() < 0.03 THEN ' kamratresponsen i åk 4' ELSE '' END AS text
               FROM (SELECT ($2::text[])[1 + floor(random() * $3)::int] AS w, a.id AS dep
                       FROM generate_series(1, 300)) s
           ) t
          WHERE a.cohort_id = $1`,
        [DEMO_IDS.cohort, WORDS, WORDS.length],
      );
      await db.query(`ANALYZE analysis; ANALYZE analysis_version`);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM analysis_version`);
      log(
        `${n} published analyses in one cohort (${ROUNDS} rounds × 24), made in ${Math.round(performance.now() - started)} ms`,
      );

      const config = loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: '0',
        WEB_DIST_DIR: 'tmp/no-web-app',
        WORKER_ENABLED: 'false',
        REMINDER_CRON: 'off',
        MAIL_LINK_SECRET: 'shared-search-bench-link-secret-0123456789',
      });
      const app = await createApp(config, scratch.url);
      await app.init();
      app.flushLogs();
      try {
        const service = app.get(AnalysisService);
        const [maria] = await db.query(`SELECT id FROM person WHERE email = 'maria.berg@larkby.example'`);
        const actor = (): Actor => ({
          personId: maria.id,
          organisationId: DEMO_IDS.organisation,
          schoolId: null,
          locale: 'sv' as Actor['locale'],
          sessionId: 'bench',
          grants: [
            {
              role: 'COURSE_LEADER' as Actor['grants'][number]['role'],
              organisationId: DEMO_IDS.organisation,
              schoolId: null,
            },
          ],
        });
        const cases: [string, string, string | null][] = [
          ['rare word, whole cohort', 'kamratrespons', null],
          ['common word, whole cohort', 'elever', null],
          ['two words, whole cohort', 'formativ bedömning', null],
          ['phrase, one round', '"nästa steg"', DEMO_IDS.round(1)],
          ['stop words only', 'och att', null],
        ];
        log('search                               hits   median ms   p95 ms');
        for (const [label, query, roundId] of cases) {
          const times: number[] = [];
          let hits = 0;
          for (let i = 0; i < RUNS; i++) {
            // A new actor each time: access is cached per request, as in the API.
            const t0 = performance.now();
            const page = await service.searchSharedSpace(actor(), {
              cohortId: DEMO_IDS.cohort,
              query,
              roundId,
              first: 25,
            });
            times.push(performance.now() - t0);
            hits = page.totalCount;
          }
          times.sort((a, b) => a - b);
          log(
            `${label.padEnd(36)} ${String(hits).padStart(5)}   ${percentile(times, 50).toFixed(1).padStart(9)}   ${percentile(times, 95).toFixed(1).padStart(6)}`,
          );
        }
      } finally {
        await app.close();
      }

      // The matching part of the service's query (AnalysisService.searchSharedSpace), as it runs,
      // and once more with sequential scans off, to time the GIN index's path beside the planner's.
      const explain = `EXPLAIN (ANALYZE, COSTS OFF, TIMING ON)
           SELECT a.id, ts_rank_cd(v.search, $2::tsquery) AS rank
             FROM analysis a JOIN analysis_version v ON v.analysis_id = a.id AND v.version = a.published_version
            WHERE a.cohort_id = $1 AND a.status = 'PUBLISHED' AND v.search @@ $2::tsquery
            ORDER BY rank DESC, a.last_published_at DESC, a.id LIMIT 25`;
      for (const [label, q, noSeqScan] of [
        ['rare word', "'kamratrespon':*", false],
        ['rare word, sequential scans off', "'kamratrespon':*", true],
        ['common word', "'elev':*", false],
      ] as const) {
        const plan: { 'QUERY PLAN': string }[] = await db.transaction(async (m) => {
          if (noSeqScan) await m.query('SET LOCAL enable_seqscan = off');
          return m.query(explain, [DEMO_IDS.cohort, q]);
        });
        log(`\nEXPLAIN ANALYZE, ${label} (${q}):`);
        for (const row of plan) log(`  ${row['QUERY PLAN']}`);
      }
    } finally {
      await db.destroy();
    }
  } finally {
    await scratch.drop();
    await pg.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
