import { hash } from '@node-rs/argon2';
import { DEMO_IDS } from '@stl/api/data-access-db';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { PUBLISH, SAVE, answers } from './support/analysis-fixtures';

/**
 * The shared-space search (issue 18, ADR 0027) over HTTP against PostgreSQL's Swedish text search:
 * inflected forms, ranking, excerpts, filters, bad input, and above all that it never returns
 * what the reader may not see (drafts, older versions, other cohorts, school leaders, outsiders).
 */
const ROUND1 = DEMO_IDS.round(1);
const ROUND2 = DEMO_IDS.round(2);
const EKBACKE = DEMO_IDS.school(1);
const SOLVIK = DEMO_IDS.school(2);

const SEARCH = `query($cohortId: ID!, $query: String!, $roundId: ID, $schoolId: ID, $first: Int, $after: String) {
  searchSharedSpace(cohortId: $cohortId, query: $query, roundId: $roundId, schoolId: $schoolId, first: $first, after: $after) {
    totalCount searchable pageInfo { hasNextPage endCursor }
    nodes { rank excerpt { text match } analysis { id author { fullName } round { number } } }
  }
}`;
const SCHOOLS = `query($cohortId: ID!) { sharedSpaceSchools(cohortId: $cohortId) { id name } }`;

interface Hit {
  rank: number;
  excerpt: { text: string; match: boolean }[];
  analysis: { id: string; author: { fullName: string }; round: { number: number } };
}

/** Saves the given answers (the rest of the template filled) and publishes; returns the analysis id. */
async function publish(c: GqlClient, roundId: string, html: Record<string, string>): Promise<string> {
  const mine = await c.ok(`query($r: ID!) { myAnalysis(roundId: $r) { id draft { revision } } }`, {
    r: roundId,
  });
  const base = answers('Vi arbetade vidare med lektionerna').filter((a) => !(a.sectionKey in html));
  const saved = await c.ok(SAVE, {
    input: {
      roundId,
      expectedRevision: mine.myAnalysis?.draft.revision ?? 0,
      answers: [...base, ...Object.entries(html).map(([sectionKey, h]) => ({ sectionKey, html: h }))],
    },
  });
  const a = saved.saveAnalysisDraft;
  await c.ok(PUBLISH, {
    input: { analysisId: a.id, expectedRevision: a.draft.revision, confirmNoPupilIdentifiable: true },
  });
  return a.id;
}

describe('searching the shared space', () => {
  let api: TestApi;
  let sara: GqlClient;
  let erik: GqlClient;
  let ingrid: GqlClient;
  let fatima: GqlClient;
  let ids: Record<'sara' | 'erik' | 'ingrid', string>;

  const search = async (c: GqlClient, query: string, extra: Record<string, unknown> = {}) =>
    (await c.ok(SEARCH, { cohortId: DEMO_IDS.cohort, query, ...extra })).searchSharedSpace as {
      totalCount: number;
      searchable: boolean;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Hit[];
    };
  const authors = (nodes: Hit[]) => nodes.map((n) => n.analysis.author.fullName);

  beforeAll(async () => {
    api = await startTestApi();
    [sara, erik, ingrid, fatima] = await Promise.all(
      ['sara.lindqvist', 'erik.johansson', 'ingrid.svensson', 'fatima.hassan'].map((n) =>
        api.signedIn(`${n}@larkby.example`),
      ),
    );
    ids = {
      // The word in a sub-heading: the title, weighted above the text.
      sara: await publish(sara, ROUND1, {
        goals: '<h3>Kamratrespons i åk 4</h3><p>Eleverna skulle ge varandra respons på berättelser.</p>',
      }),
      // The inflected form, once, in the text.
      erik: await publish(erik, ROUND2, {
        outcome: '<p>Eleverna gav <strong>kamratresponsen</strong> muntligt &lt;b&gt;i par&lt;/b&gt;.</p>',
      }),
      ingrid: await publish(ingrid, ROUND1, {
        plan: '<p>Vi läste högt och skrev gemensamt om kamraternas texter, med respons från läraren.</p>',
      }),
    };
  });
  afterAll(() => api.close());

  it('finds an analysis by an inflected form of a word in it, best match first, with the match marked', async () => {
    const found = await search(fatima, 'kamratrespons');
    expect(found.searchable).toBe(true);
    expect(found.totalCount).toBe(2);
    expect(authors(found.nodes)).toEqual(['Sara Lindqvist', 'Erik Johansson']);
    expect(found.nodes[0].rank).toBeGreaterThan(found.nodes[1].rank);
    const erikHit = found.nodes[1];
    expect(erikHit.excerpt.filter((p) => p.match).map((p) => p.text)).toEqual(['kamratresponsen']);
    // Text around the match comes as plain parts; nothing in them is HTML to be trusted.
    expect(erikHit.excerpt.map((p) => p.text).join('')).toContain('Eleverna gav kamratresponsen muntligt');

    // And the other way round: the definite form finds the base form in Sara's heading.
    expect(authors((await search(fatima, 'kamratresponsen')).nodes)).toContain('Sara Lindqvist');
    // "berättelsen" finds "berättelser"; a phrase and an exclusion work as described.
    expect(authors((await search(fatima, 'berättelsen')).nodes)).toEqual(['Sara Lindqvist']);
    expect(authors((await search(fatima, '"gav kamratresponsen"')).nodes)).toEqual(['Erik Johansson']);
    expect(authors((await search(fatima, 'kamratrespons -muntligt')).nodes)).toEqual(['Sara Lindqvist']);
  });

  it('filters by round and by school, and pages like sharedSpace', async () => {
    expect(authors((await search(fatima, 'kamratrespons', { roundId: ROUND2 })).nodes)).toEqual([
      'Erik Johansson',
    ]);
    expect(authors((await search(fatima, 'respons', { schoolId: SOLVIK })).nodes)).toEqual([
      'Ingrid Svensson',
    ]);
    expect((await search(fatima, 'respons', { schoolId: EKBACKE })).totalCount).toBe(1);

    const first = await search(fatima, 'eleverna', { first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search(fatima, 'eleverna', { first: 1, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...authors(first.nodes), ...authors(second.nodes)]).size).toBe(2);

    const schools = (await fatima.ok(SCHOOLS, { cohortId: DEMO_IDS.cohort })).sharedSpaceSchools;
    expect(schools).toEqual([
      { id: EKBACKE, name: 'Ekbackeskolan' },
      { id: SOLVIK, name: 'Solviksskolan' },
    ]);
  });

  it('searches only the latest published version: never a draft, never text taken out', async () => {
    // Fatima's draft holds the word but is not published.
    await fatima.ok(SAVE, {
      input: { roundId: ROUND1, expectedRevision: 0, answers: answers('Hemlig kamratrespons i utkastet') },
    });
    expect(authors((await search(sara, 'utkastet')).nodes)).toEqual([]);
    expect(authors((await search(fatima, 'utkastet')).nodes)).toEqual([]);

    // Ingrid publishes a second version without "högt": the first version's words are gone.
    await publish(ingrid, ROUND1, { plan: '<p>Vi skrev gemensamt om kamraternas texter.</p>' });
    expect((await search(fatima, 'högt')).totalCount).toBe(0);
    // "kamraternas" also finds the compound kamratrespons as a prefix, but the exact stem first.
    expect(authors((await search(fatima, 'kamraternas')).nodes)[0]).toBe('Ingrid Svensson');

    // Ingrid edits her draft again without publishing: the draft's new word is not found.
    const mine = await ingrid.ok(`query($r: ID!) { myAnalysis(roundId: $r) { draft { revision } } }`, {
      r: ROUND1,
    });
    await ingrid.ok(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: mine.myAnalysis.draft.revision,
        answers: [{ sectionKey: 'plan', html: '<p>Opublicerad skrivstafett</p>' }],
      },
    });
    expect((await search(fatima, 'skrivstafett')).totalCount).toBe(0);
  });

  it('answers those who run the cohort, and refuses everyone who may not read the shared space', async () => {
    for (const email of ['maria.berg@larkby.example', 'admin@larkby.example']) {
      const c = await api.signedIn(email);
      expect((await search(c, 'kamratrespons')).totalCount).toBe(2);
    }
    const schoolLeader = await api.signedIn('rektor.ekbacke@larkby.example');
    expect(await schoolLeader.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'kamratrespons' })).toBe(
      'FORBIDDEN',
    );
    expect(await schoolLeader.code(SCHOOLS, { cohortId: DEMO_IDS.cohort })).toBe('FORBIDDEN');

    await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, password_hash) VALUES ($1, 'ny.larare@larkby.example', 'Ny Lärare', $2)`,
      [DEMO_IDS.organisation, await hash('stl-demo-2026')],
    );
    const outsider = await api.signedIn('ny.larare@larkby.example');
    expect(await outsider.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'kamratrespons' })).toBe(
      'NOT_FOUND',
    );
    expect(await outsider.code(SCHOOLS, { cohortId: DEMO_IDS.cohort })).toBe('NOT_FOUND');

    const anonymous = api.client();
    expect(await anonymous.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'kamratrespons' })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('never shows a participant who left the cohort what is published after they left', async () => {
    await api.db.query(
      `UPDATE cohort_membership SET left_at = now() WHERE cohort_id = $1 AND person_id = $2`,
      [DEMO_IDS.cohort, DEMO_IDS.person(103)],
    );
    const withdrawn = await api.signedIn('lars.nilsson@larkby.example');
    expect(await withdrawn.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'kamratrespons' })).toBe(
      'NOT_FOUND',
    );
  });

  it('answers bad input with a typed error or an empty result, never an internal error', async () => {
    expect(await fatima.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: '   ' })).toBe('BAD_USER_INPUT');
    expect(await fatima.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'å'.repeat(201) })).toBe(
      'BAD_USER_INPUT',
    );
    for (const query of ['och att det', '"((( -- ! & | :* <->', '!!!', '-']) {
      const found = await search(fatima, query);
      expect(found).toMatchObject({ totalCount: 0, searchable: false, nodes: [] });
    }
    // Syntax of tsquery or SQL typed into the box is only text to look for.
    for (const query of [
      "kamrat' & respons",
      "'); DROP TABLE analysis; --",
      'kamratrespons:* | !x',
      'a & | b',
    ]) {
      const found = await search(fatima, query);
      expect(found.searchable).toBe(true);
    }
    expect(await fatima.code(SEARCH, { cohortId: DEMO_IDS.cohort, query: 'x\u0000y' })).toBe(
      'BAD_USER_INPUT',
    );
    expect((await api.db.query(`SELECT count(*)::int AS n FROM analysis`))[0].n).toBeGreaterThan(0);
  });

  it('indexes versions published before the search existed: the migration fills it, and goes down', async () => {
    const migration = api.db.migrations.find((m) => m.name?.startsWith('SharedSpaceSearch'));
    if (!migration) throw new Error('The SharedSpaceSearch migration is not registered.');
    const runner = api.db.createQueryRunner();
    try {
      await migration.down(runner);
      expect(
        await api.db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'IDX_analysis_version_search'`),
      ).toHaveLength(0);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows = await api.db.query(
      `SELECT analysis_id, search_title, search @@ 'kamratrespon:*'::tsquery AS hit
         FROM analysis_version WHERE analysis_id = ANY($1) ORDER BY version DESC`,
      [[ids.sara, ids.erik]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { analysis_id: ids.sara, search_title: 'Kamratrespons i åk 4', hit: true },
        { analysis_id: ids.erik, search_title: '', hit: true },
      ]),
    );
    expect(authors((await search(fatima, 'kamratrespons')).nodes)).toEqual([
      'Sara Lindqvist',
      'Erik Johansson',
    ]);
  });
});
