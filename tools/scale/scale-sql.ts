/**
 * The set-based SQL of the scale data generator (tools/scale/generate.ts). Every step is one
 * INSERT … SELECT over generate_series and the small g_* work tables, so PostgreSQL does the work
 * without a round trip per row. Randomness comes from scale_rnd(kind, n): hashint8extended with the
 * seed, so the same seed and scale give the same rows.
 *
 * The shape of the data (what the course's rules require, PRODUCT.md):
 * - every cohort is OPEN, school year 2025/26, with 8 meetings (all held) and 6 rounds (all past);
 * - its course leaders (1, or 2 for every third cohort) hold a valid certification;
 * - every participant publishes one analysis per round (version 1, ~4 kB of text);
 * - critical friends: each analysis gets 2 peers by a rotating offset within the cohort (never the
 *   author, every participant reviews exactly 2 per round, pairs change between rounds) and every
 *   leader of the cohort;
 * - feedback on every assignment except part of round 6 (half the leaders' and a tenth of the
 *   peers' tasks are still open, ~4 %), so there is work left for the benchmark's writes;
 * - attendance recorded for every meeting (90 % present, 7 % absent, 3 % excused).
 */

/** Ids: fixed layout `00000000-0000-4000-a<kind>-<n>`, increasing with n, so index inserts append. */
export const FUNCTIONS_SQL = `
CREATE OR REPLACE FUNCTION pg_temp.sid(kind int, n bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT ('00000000-0000-4000-a' || lpad(to_hex(kind), 3, '0') || '-' || lpad(to_hex(n), 12, '0'))::uuid
$$;
CREATE OR REPLACE FUNCTION pg_temp.nof(u uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT ('x' || right(u::text, 12))::bit(48)::bigint
$$;
`;

/** scale_rnd needs the seed inlined (temporary functions cannot read a parameter). */
export function rndFunctionSql(seed: number): string {
  return `
CREATE OR REPLACE FUNCTION pg_temp.rnd(kind int, n bigint) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
  SELECT ((hashint8extended(n * 64 + kind, ${seed}::bigint) & 2147483647)::float8 / 2147483648.0)
$$;
`;
}

export interface ScaleCounts {
  organisations: number;
  schools: number;
  /** Schools of the largest organisation (organisation 1). */
  largestSchools: number;
  cohorts: number;
  /** Cohorts of the largest organisation (organisation 1); its first two have 200 and 24 participants. */
  largestCohorts: number;
}

/** National scale (scale 1), from issue 13. */
export const NATIONAL = { organisations: 290, schools: 4953, cohorts: 2825, participants: 73461 };

export function countsFor(scale: number): ScaleCounts {
  const organisations = Math.max(2, Math.round(NATIONAL.organisations * scale));
  // The largest organisation has 6 % of the country, and at small scales still twice the average.
  const largestSchools = Math.max(
    4,
    Math.round(NATIONAL.schools * scale * 0.06),
    Math.ceil((2 * NATIONAL.schools * scale) / organisations),
  );
  const largestCohorts = Math.max(
    3,
    Math.round(NATIONAL.cohorts * scale * 0.06),
    Math.ceil((2 * NATIONAL.cohorts * scale) / organisations),
  );
  // Every other organisation gets at least one school and one cohort.
  const schools = Math.max(largestSchools + organisations - 1, Math.round(NATIONAL.schools * scale));
  const cohorts = Math.max(largestCohorts + organisations - 1, Math.round(NATIONAL.cohorts * scale));
  return { organisations, schools, largestSchools, cohorts, largestCohorts };
}

const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Anders',
  'Eva',
  'Johan',
  'Sara',
  'Per',
  'Lena',
  'Mikael',
  'Emma',
  'Oskar',
  'Fatima',
  'Ahmed',
  'Ingrid',
  'Nils',
  'Leila',
  'Peter',
  'Elin',
  'Hanna',
  'Sofia',
  'Gustav',
  'Klara',
  'Viktor',
  'Ebba',
  'Amina',
  'Ulf',
  'Maja',
  'Johanna',
  'Stefan',
  'Birgitta',
  'Mats',
  'Annika',
  'Jonas',
  'Linnea',
  'Ali',
  'Yusuf',
  'Helena',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Lindqvist',
  'Berg',
  'Lind',
  'Holm',
  'Dahl',
  'Lund',
  'Forsberg',
  'Sandberg',
  'Nyström',
  'Wikström',
  'Axelsson',
  'Hassan',
  'Ali',
  'Rahimi',
  'Yusuf',
  'Ek',
  'Sjöberg',
  'Åberg',
  'Öberg',
];
const WORDS = (
  'eleverna skrev texter på dator med talsyntes och gav varandra respons i par under lektionen ' +
  'jag planerade arbetsområdet utifrån kursplanens syfte och centrala innehåll samt kunskapskraven ' +
  'det som fungerade bäst var när eleverna fick läsa sina texter högt för en kamrat innan de skrev om ' +
  'några elever behövde mer stöd i att formulera respons som hjälper kamraten framåt i skrivandet ' +
  'belägg för lärandet syns i att texterna blev längre och att fler elever använde sambandsord ' +
  'nästa steg är att modellera responsen i helklass och jämföra två exempel innan eleverna arbetar ' +
  'forskningen om formativ bedömning visar att återkoppling ska vara framåtsyftande och konkret ' +
  'samarbetsinlärning med tydliga roller gav fler elever möjlighet att bidra i gruppens arbete ' +
  'publicering för riktiga mottagare gjorde att eleverna brydde sig mer om stavning och struktur'
).split(' ');

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

export interface Step {
  name: string;
  sql: string;
}

/**
 * The steps in order. `sections` are the default template's sections (key, title, prompt,
 * helpText), `passwordHash` the one hash every generated person signs in with.
 */
export function generationSteps(
  counts: ScaleCounts,
  seed: number,
  sections: { key: string; title: string; prompt: string; helpText: string }[],
  passwordHash: string,
): Step[] {
  const { organisations: O, schools: S, largestSchools: S0, cohorts: C, largestCohorts: C0 } = counts;
  const hashLit = `'${passwordHash.replace(/'/g, "''")}'`;
  const sectionRows = sections
    .map(
      (s, i) =>
        `(${i + 1}, '${s.key}', '${s.title.replace(/'/g, "''")}', '${s.prompt.replace(/'/g, "''")}', '${s.helpText.replace(/'/g, "''")}')`,
    )
    .join(',\n');
  const nameOf = (kind: number, n: string) =>
    `(${sqlArray(FIRST)})[1 + floor(pg_temp.rnd(${kind}, ${n}) * ${FIRST.length})::int] || ' ' || ` +
    `(${sqlArray(LAST)})[1 + floor(pg_temp.rnd(${kind + 1}, ${n}) * ${LAST.length})::int]`;

  return [
    {
      name: 'work tables',
      sql: `
CREATE TEMP TABLE g_school AS
  SELECT n, org, k FROM (
    SELECT n,
      CASE WHEN n <= ${S0} THEN 1 ELSE 2 + (n - ${S0} - 1) % ${O - 1} END AS org,
      CASE WHEN n <= ${S0} THEN n - 1 ELSE (n - ${S0} - 1) / ${O - 1} END AS k
    FROM generate_series(1, ${S}) n) x;
CREATE UNIQUE INDEX ON g_school (org, k);
CREATE TEMP TABLE g_org AS
  SELECT org, count(*)::int AS schools FROM g_school GROUP BY org;
CREATE TEMP TABLE g_cohort AS
  SELECT n, org, k, size,
    (sum(size) OVER (ORDER BY n) - size)::int AS p_start,
    -- course leaders of the organisation: one per two cohorts; numbered within the organisation
    k / 2 AS leader_j,
    CASE WHEN k % 3 = 0 THEN (k / 2 + 1) ELSE NULL END AS leader_j2
  FROM (
    SELECT n,
      CASE WHEN n <= ${C0} THEN 1 ELSE 2 + (n - ${C0} - 1) % ${O - 1} END AS org,
      CASE WHEN n <= ${C0} THEN n - 1 ELSE (n - ${C0} - 1) / ${O - 1} END AS k,
      CASE WHEN n = 1 THEN 200 WHEN n = 2 THEN 24 ELSE 12 + floor(pg_temp.rnd(1, n) * 29)::int END AS size
    FROM generate_series(1, ${C}) n) x;
-- leaders per organisation: ceil(cohorts / 2); the second leader wraps within the organisation
CREATE TEMP TABLE g_orgleaders AS
  SELECT org, ((count(*) + 1) / 2)::int AS m FROM g_cohort GROUP BY org;
CREATE TEMP TABLE g_leader AS
  SELECT row_number() OVER (ORDER BY l.org, j)::int AS n, l.org, j
  FROM g_orgleaders l, generate_series(0, l.m - 1) j;
CREATE UNIQUE INDEX ON g_leader (org, j);
CREATE TEMP TABLE g_cohort_leader AS
  SELECT c.n AS cohort_n, l.n AS leader_n, 1 AS slot FROM g_cohort c JOIN g_leader l ON l.org = c.org AND l.j = c.leader_j
  UNION ALL
  SELECT c.n, l.n, 2 FROM g_cohort c JOIN g_orgleaders o ON o.org = c.org
    JOIN g_leader l ON l.org = c.org AND l.j = c.leader_j2 % o.m
  WHERE c.leader_j2 IS NOT NULL AND o.m > 1;
CREATE INDEX ON g_cohort_leader (cohort_n, slot);
CREATE TEMP TABLE g_part AS
  SELECT c.p_start + i + 1 AS p, c.n AS cohort_n, i, c.size, c.org,
    (SELECT s.n FROM g_school s WHERE s.org = c.org
       AND s.k = floor(pg_temp.rnd(2, c.p_start + i + 1) * o.schools)::int) AS school_n
  FROM g_cohort c JOIN g_org o ON o.org = c.org, generate_series(0, c.size - 1) i;
CREATE UNIQUE INDEX ON g_part (p);
CREATE UNIQUE INDEX ON g_part (cohort_n, i);
CREATE TEMP TABLE g_para AS
  SELECT i, '<p>' || string_agg((${sqlArray(WORDS)})[1 + floor(pg_temp.rnd(3, i * 1000 + w) * ${WORDS.length})::int], ' ') || '.</p>' AS html
  FROM generate_series(0, 4095) i, generate_series(1, 92) w GROUP BY i;
CREATE UNIQUE INDEX ON g_para (i);
ANALYZE g_school; ANALYZE g_cohort; ANALYZE g_leader; ANALYZE g_cohort_leader; ANALYZE g_part; ANALYZE g_para;
`,
    },
    {
      name: 'organisations, schools, templates',
      sql: `
INSERT INTO organisation (id, name, slug)
  SELECT pg_temp.sid(1, o), CASE WHEN o = 1 THEN 'Storstads kommun' ELSE 'Huvudman ' || lpad(o::text, 3, '0') END,
    'scale-' || o FROM generate_series(1, ${O}) o;
INSERT INTO school (id, organisation_id, name, unit_code)
  SELECT pg_temp.sid(2, n), pg_temp.sid(1, org), 'Skola ' || lpad((k + 1)::text, 3, '0'), lpad(n::text, 8, '0')
  FROM g_school;
INSERT INTO analysis_template (id, organisation_id, name, description)
  SELECT pg_temp.sid(20, o), pg_temp.sid(1, o), 'Analysmall STL – undersökande cykel', 'Lärarens egen undersökning av sin undervisning, i sex steg.'
  FROM generate_series(1, ${O}) o;
INSERT INTO analysis_template_version (id, template_id, version)
  SELECT pg_temp.sid(21, o), pg_temp.sid(20, o), 1 FROM generate_series(1, ${O}) o;
INSERT INTO template_section (id, template_version_id, position, key, title, prompt, help_text, required)
  SELECT pg_temp.sid(22, o * 10 + s.pos), pg_temp.sid(21, o), s.pos, s.key, s.title, s.prompt, s.help, true
  FROM generate_series(1, ${O}) o, (VALUES ${sectionRows}) AS s(pos, key, title, prompt, help);
`,
    },
    {
      name: 'people, roles, certifications',
      sql: `
-- administrators: one per organisation (two in the largest)
INSERT INTO person (id, organisation_id, email, full_name, school_id, locale, password_hash)
  SELECT pg_temp.sid(10, n), pg_temp.sid(1, CASE WHEN n > ${O} THEN 1 ELSE n END), 'admin.' || n || '@scale.example',
    ${nameOf(10, 'n')}, NULL, 'sv', ${hashLit}
  FROM generate_series(1, ${O + 1}) n;
INSERT INTO role_grant (id, person_id, role, organisation_id, school_id)
  SELECT pg_temp.sid(40, n), pg_temp.sid(10, n), 'ADMINISTRATOR', pg_temp.sid(1, CASE WHEN n > ${O} THEN 1 ELSE n END), NULL
  FROM generate_series(1, ${O + 1}) n;
-- course leaders, certified for the whole year
INSERT INTO person (id, organisation_id, email, full_name, school_id, locale, password_hash)
  SELECT pg_temp.sid(11, n), pg_temp.sid(1, org), 'leader.' || n || '@scale.example', ${nameOf(12, 'n')},
    NULL, 'sv', ${hashLit}
  FROM g_leader;
INSERT INTO role_grant (id, person_id, role, organisation_id, school_id)
  SELECT pg_temp.sid(41, n), pg_temp.sid(11, n), 'COURSE_LEADER', pg_temp.sid(1, org), NULL FROM g_leader;
INSERT INTO certification (id, person_id, issued_on, valid_until, issuer, reference)
  SELECT pg_temp.sid(42, n), pg_temp.sid(11, n), DATE '2024-06-14', DATE '2029-06-30', 'STL-utbildarnätverket',
    'STL-2024-' || lpad(n::text, 5, '0')
  FROM g_leader;
-- school leaders, one per school
INSERT INTO person (id, organisation_id, email, full_name, school_id, locale, password_hash)
  SELECT pg_temp.sid(12, n), pg_temp.sid(1, org), 'rektor.' || n || '@scale.example', ${nameOf(14, 'n')},
    pg_temp.sid(2, n), 'sv', ${hashLit}
  FROM g_school;
INSERT INTO role_grant (id, person_id, role, organisation_id, school_id)
  SELECT pg_temp.sid(43, n), pg_temp.sid(12, n), 'SCHOOL_LEADER', pg_temp.sid(1, org), pg_temp.sid(2, n) FROM g_school;
-- teachers, each a participant of one cohort
INSERT INTO person (id, organisation_id, email, full_name, school_id, locale, password_hash)
  SELECT pg_temp.sid(13, p), pg_temp.sid(1, org), 'teacher.' || p || '@scale.example', ${nameOf(16, 'p')},
    pg_temp.sid(2, school_n), 'sv', ${hashLit}
  FROM g_part;
INSERT INTO role_grant (id, person_id, role, organisation_id, school_id)
  SELECT pg_temp.sid(44, p), pg_temp.sid(13, p), 'TEACHER', pg_temp.sid(1, org), NULL FROM g_part;
-- the platform operator (ADR 0015): no organisation
INSERT INTO person (id, organisation_id, email, full_name, school_id, locale, password_hash, platform_operator)
  VALUES (pg_temp.sid(14, 1), NULL, 'operator@scale.example', 'Drift Operatör', NULL, 'sv', ${hashLit}, true);
`,
    },
    {
      name: 'cohorts, memberships, meetings, rounds, allocations',
      sql: `
INSERT INTO cohort (id, organisation_id, name, school_year, starts_on, ends_on, status, required_attendance_share,
    peers_per_analysis, feedback_min_length, same_school_support, opened_at)
  SELECT pg_temp.sid(3, n), pg_temp.sid(1, org), 'STL 2025/26 grupp ' || lpad((k + 1)::text, 3, '0'), '2025/26',
    DATE '2025-08-18', DATE '2026-06-12', 'OPEN', 0.75, 2, 50, false, TIMESTAMPTZ '2025-08-20 08:00+00'
  FROM g_cohort;
INSERT INTO cohort_membership (cohort_id, person_id, role, school_id, wants_same_school, joined_at)
  SELECT pg_temp.sid(3, cohort_n), pg_temp.sid(11, leader_n), 'LEADER', NULL, false, TIMESTAMPTZ '2025-08-20 08:00+00'
  FROM g_cohort_leader;
INSERT INTO cohort_membership (cohort_id, person_id, role, school_id, wants_same_school, joined_at)
  SELECT pg_temp.sid(3, cohort_n), pg_temp.sid(13, p), 'PARTICIPANT', pg_temp.sid(2, school_n), false,
    TIMESTAMPTZ '2025-08-20 08:00+00'
  FROM g_part;
-- 8 meetings, five weeks apart from the last week of August, 13:00–16:00 Swedish time
INSERT INTO meeting (id, cohort_id, number, title, starts_at, ends_at, mode, location, video_url, preparation, discussion_questions)
  SELECT pg_temp.sid(4, (c.n - 1) * 8 + m), pg_temp.sid(3, c.n), m, 'Träff ' || m || ': STL-modellen i praktiken',
    TIMESTAMPTZ '2025-08-25 11:00+00' + ((m - 1) * 35 + c.k % 5) * interval '1 day',
    TIMESTAMPTZ '2025-08-25 14:00+00' + ((m - 1) * 35 + c.k % 5) * interval '1 day',
    CASE WHEN m % 2 = 0 THEN 'DIGITAL' ELSE 'PHYSICAL' END,
    CASE WHEN m % 2 = 0 THEN NULL ELSE 'Utbildningscentret, sal ' || (1 + c.k % 9) END,
    CASE WHEN m % 2 = 0 THEN 'https://meet.scale.example/stl-' || c.n ELSE NULL END,
    'Läs dina kritiska vänners analyser och ta med en fråga till diskussionen.',
    ARRAY['Vad i analyserna visar på elevernas lärande?', 'Vilket nästa steg vill du pröva, och varför?']
  FROM g_cohort c, generate_series(1, 8) m;
-- round r opens when meeting r ends and is discussed at meeting r + 1
INSERT INTO analysis_round (id, cohort_id, number, title, template_version_id, meeting_id, opens_at, submission_deadline, feedback_deadline)
  SELECT pg_temp.sid(5, (c.n - 1) * 6 + r), pg_temp.sid(3, c.n), r, 'Analys ' || r, pg_temp.sid(21, c.org),
    pg_temp.sid(4, (c.n - 1) * 8 + r + 1),
    TIMESTAMPTZ '2025-08-25 14:00+00' + ((r - 1) * 35 + c.k % 5) * interval '1 day',
    TIMESTAMPTZ '2025-08-25 11:00+00' + (r * 35 + c.k % 5 - 10) * interval '1 day',
    TIMESTAMPTZ '2025-08-25 11:00+00' + (r * 35 + c.k % 5 - 2) * interval '1 day'
  FROM g_cohort c, generate_series(1, 6) r;
INSERT INTO round_allocation (round_id, seed, applied_at, applied_by_id, locked_at)
  SELECT pg_temp.sid(5, (c.n - 1) * 6 + r), 'scale-${seed}-' || r,
    TIMESTAMPTZ '2025-08-25 11:00+00' + (r * 35 + c.k % 5 - 9) * interval '1 day', pg_temp.sid(11, l.leader_n),
    TIMESTAMPTZ '2025-08-25 11:00+00' + (r * 35 + c.k % 5 - 9) * interval '1 day'
  FROM g_cohort c JOIN g_cohort_leader l ON l.cohort_n = c.n AND l.slot = 1, generate_series(1, 6) r;
`,
    },
    {
      name: 'attendance',
      sql: `
INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id, recorded_at)
  SELECT pg_temp.sid(4, (g.cohort_n - 1) * 8 + m), pg_temp.sid(13, g.p),
    CASE WHEN x < 0.90 THEN 'PRESENT' WHEN x < 0.97 THEN 'ABSENT' ELSE 'EXCUSED' END,
    pg_temp.sid(11, l.leader_n),
    TIMESTAMPTZ '2025-08-25 14:00+00' + ((m - 1) * 35 + c.k % 5) * interval '1 day'
  FROM g_part g JOIN g_cohort c ON c.n = g.cohort_n JOIN g_cohort_leader l ON l.cohort_n = g.cohort_n AND l.slot = 1,
    generate_series(1, 8) m, LATERAL (SELECT pg_temp.rnd(5, g.p * 8 + m) AS x) r;
`,
    },
    {
      name: 'analyses',
      sql: `
WITH a AS (
INSERT INTO analysis (id, created_at, updated_at, round_id, cohort_id, author_id, school_id, status, draft_answers,
    draft_revision, draft_saved_at, published_version, first_published_at, last_published_at)
  SELECT pg_temp.sid(30, (g.p - 1) * 6 + r), t.pub - interval '2 days', t.pub, pg_temp.sid(5, (g.cohort_n - 1) * 6 + r),
    pg_temp.sid(3, g.cohort_n), pg_temp.sid(13, g.p), pg_temp.sid(2, g.school_n), 'PUBLISHED', a.answers,
    2 + (g.p + r) % 4, t.pub, 1, t.pub, t.pub
  FROM g_part g JOIN g_cohort c ON c.n = g.cohort_n, generate_series(1, 6) r,
    LATERAL (SELECT TIMESTAMPTZ '2025-08-25 14:00+00' + ((r - 1) * 35 + c.k % 5) * interval '1 day'
      + (1 + floor(pg_temp.rnd(6, g.p * 8 + r) * 23)) * interval '1 day' AS pub) t,
    LATERAL (SELECT jsonb_build_array(${sections
      .map(
        (s, i) =>
          `jsonb_build_array('${s.key}', (SELECT html FROM g_para WHERE i = floor(pg_temp.rnd(${7 + i}, g.p * 8 + r) * 4096)::int))`,
      )
      .join(', ')}) AS answers) a
  RETURNING id, draft_answers, first_published_at)
INSERT INTO analysis_version (id, analysis_id, version, answers, privacy_confirmed_at, published_at)
  SELECT pg_temp.sid(31, pg_temp.nof(a.id)), a.id, 1, a.draft_answers, a.first_published_at, a.first_published_at
  FROM a;
`,
    },
    {
      name: 'review assignments',
      sql: `
-- slots 0 and 1: peers at a rotating offset (never the author); 2 and 3: the cohort's leaders
INSERT INTO review_assignment (id, created_at, updated_at, round_id, cohort_id, analysis_id, reviewer_id, kind, source, reasons, completed_at)
  SELECT pg_temp.sid(32, ((g.p - 1) * 6 + (r - 1)) * 4 + slot), alloc, alloc,
    pg_temp.sid(5, (g.cohort_n - 1) * 6 + r), pg_temp.sid(3, g.cohort_n), pg_temp.sid(30, (g.p - 1) * 6 + r),
    reviewer, kind, 'ALLOCATION', '[]'::jsonb,
    CASE WHEN r = 6 AND ((kind = 'LEADER' AND g.i % 2 = 0) OR (kind = 'PEER' AND g.i % 10 = 1)) THEN NULL
      ELSE alloc + (1 + floor(pg_temp.rnd(13, ((g.p - 1) * 6 + (r - 1)) * 4 + slot) * 6)) * interval '1 day' END
  FROM g_part g JOIN g_cohort c ON c.n = g.cohort_n, generate_series(1, 6) r,
    LATERAL (SELECT TIMESTAMPTZ '2025-08-25 11:00+00' + (r * 35 + c.k % 5 - 9) * interval '1 day' AS alloc) al,
    LATERAL (
      SELECT 0 AS slot, 'PEER' AS kind,
        pg_temp.sid(13, c.p_start + 1 + (g.i + 1 + (2 * (r - 1)) % (g.size - 1)) % g.size) AS reviewer
      UNION ALL
      SELECT 1, 'PEER', pg_temp.sid(13, c.p_start + 1 + (g.i + 1 + (2 * (r - 1) + 1) % (g.size - 1)) % g.size)
      UNION ALL
      SELECT 1 + l.slot, 'LEADER', pg_temp.sid(11, l.leader_n) FROM g_cohort_leader l WHERE l.cohort_n = g.cohort_n
    ) rv;
`,
    },
    {
      name: 'feedback',
      sql: `
INSERT INTO feedback (id, created_at, updated_at, assignment_id, analysis_id, analysis_version_id, author_id, kind,
    works_well, questions, next_steps, section_key, marked_helpful_at)
  SELECT pg_temp.sid(33, pg_temp.nof(ra.id)), ra.completed_at, ra.completed_at, ra.id,
    ra.analysis_id, pg_temp.sid(31, pg_temp.nof(ra.analysis_id)), ra.reviewer_id, ra.kind,
    (ARRAY['Det är tydligt hur du använde talsyntesen, och beläggen från elevtexterna visar att skrivandet utvecklades.',
           'Din planering kopplar väl till kursplanens syfte, och du beskriver konkret vad eleverna gjorde under lektionen.',
           'Analysen av effekten är ärlig och visar både vad som fungerade och vad som hindrade elevernas lärande.'])[1 + (n % 3)::int],
    (ARRAY['Hur såg responsen ut hos de elever som behövde mest stöd? Vad i mallen hjälpte dem, och vad inte?',
           'Vilka belägg skulle visa att sambandsorden verkligen blivit en del av elevernas eget skrivande över tid?',
           'Hur skulle lektionen se ut om eleverna själva fick formulera kriterierna för en bra respons till kamraten?'])[1 + ((n / 3) % 3)::int],
    (ARRAY['Pröva att modellera en respons i helklass och låt eleverna jämföra två exempel innan de arbetar i par.',
           'Låt eleverna publicera för en riktig mottagare nästa gång och följ upp hur det påverkar revideringen av texterna.',
           'Samla några anonymiserade elevtexter före och efter arbetsområdet så att du kan visa progressionen vid nästa träff.'])[1 + ((n / 9) % 3)::int],
    CASE WHEN n % 3 = 0 THEN 'effect' ELSE NULL END,
    CASE WHEN n % 4 = 0 THEN ra.completed_at + interval '2 days' ELSE NULL END
  FROM review_assignment ra, LATERAL (SELECT pg_temp.nof(ra.id) AS n) x
  WHERE ra.completed_at IS NOT NULL;
`,
    },
  ];
}
