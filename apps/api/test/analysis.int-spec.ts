import { hash } from '@node-rs/argon2';
import { DEMO_IDS } from '@stl/api/data-access-db';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { PUBLISH, SAVE, answers, publishComplete } from './support/analysis-fixtures';

const SARA = 'sara.lindqvist@larkby.example'; // Ekbackeskolan
const ERIK = 'erik.johansson@larkby.example'; // Ekbackeskolan
const INGRID = 'ingrid.svensson@larkby.example'; // Solviksskolan
const ROUND1 = DEMO_IDS.round(1);
const ROUND2 = DEMO_IDS.round(2);

const READ = `query($id: ID!) {
  analysis(id: $id) { id status author { fullName } draft { revision } current { version answers { sectionKey html } } versions { version answers { sectionKey html } } }
}`;
const SHARED = `query($cohortId: ID!, $roundId: ID, $schoolId: ID, $first: Int, $after: String) {
  sharedSpace(cohortId: $cohortId, roundId: $roundId, schoolId: $schoolId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id author { fullName } round { number } }
  }
}`;

async function counts(api: TestApi) {
  const [row] = await api.db.query(
    `SELECT (SELECT count(*) FROM analysis)::int AS analyses, (SELECT count(*) FROM analysis_version)::int AS versions,
            (SELECT coalesce(sum(draft_revision), 0) FROM analysis)::int AS revisions`,
  );
  return row as { analyses: number; versions: number; revisions: number };
}

describe('analyses: drafts, conflicts, publishing, versions and the shared space', () => {
  let api: TestApi;
  let sara: GqlClient;
  let erik: GqlClient;
  let saraAnalysisId: string;

  beforeAll(async () => {
    api = await startTestApi();
    sara = await api.signedIn(SARA);
    erik = await api.signedIn(ERIK);
  });
  afterAll(() => api.close());

  it('saves a private draft and refuses a stale save with the newer text, overwriting nothing', async () => {
    const first = await sara.ok(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: 0,
        answers: [{ sectionKey: 'goals', html: '<p>Tab A</p>' }],
      },
    });
    saraAnalysisId = first.saveAnalysisDraft.id;
    expect(first.saveAnalysisDraft.status).toBe('DRAFT');
    expect(first.saveAnalysisDraft.draft.revision).toBe(1);

    const second = await sara.ok(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: 1,
        answers: [{ sectionKey: 'plan', html: '<p>Tab A plan</p>' }],
      },
    });
    expect(second.saveAnalysisDraft.draft.revision).toBe(2);
    expect(second.saveAnalysisDraft.draft.answers.map((a: { sectionKey: string }) => a.sectionKey)).toEqual([
      'goals',
      'plan',
    ]);

    const before = await counts(api);
    const stale = await sara.request(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: 1,
        answers: [{ sectionKey: 'goals', html: '<p>Tab B</p>' }],
      },
    });
    const err = stale.errors?.[0];
    expect(err?.extensions?.code).toBe('EDIT_CONFLICT');
    const details = (err?.extensions as { details: { currentRevision: number; answers: { html: string }[] } })
      .details;
    expect(details.currentRevision).toBe(2);
    expect(details.answers.map((a) => a.html)).toEqual(['<p>Tab A</p>', '<p>Tab A plan</p>']);
    expect(await counts(api)).toEqual(before);
  });

  it('lets exactly one of two simultaneous saves from the same revision win', async () => {
    const mine = await sara.ok(`query($r: ID!) { myAnalysis(roundId: $r) { draft { revision } } }`, {
      r: ROUND1,
    });
    const rev = mine.myAnalysis.draft.revision;
    const [a, b] = await Promise.all(
      ['Tab A', 'Tab B'].map((t) =>
        sara.request(SAVE, {
          input: { roundId: ROUND1, expectedRevision: rev, answers: [{ sectionKey: 'outcome', html: t }] },
        }),
      ),
    );
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0].extensions?.code : 'SAVED')).sort();
    expect(outcomes).toEqual(['EDIT_CONFLICT', 'SAVED']);
    const [row] = await api.db.query(`SELECT draft_revision FROM analysis WHERE id = $1`, [saraAnalysisId]);
    expect(row.draft_revision).toBe(rev + 1);
  });

  it('keeps drafts private to their author', async () => {
    expect(await erik.code(READ, { id: saraAnalysisId })).toBe('NOT_FOUND');
    const leader = await api.signedIn('maria.berg@larkby.example');
    expect(await leader.code(READ, { id: saraAnalysisId })).toBe('NOT_FOUND');
    const space = await erik.ok(SHARED, { cohortId: DEMO_IDS.cohort });
    expect(space.sharedSpace.totalCount).toBe(0);
  });

  it('refuses to publish with empty required sections or without the privacy confirmation', async () => {
    const before = await counts(api);
    const r = await sara.request(PUBLISH, {
      input: { analysisId: saraAnalysisId, expectedRevision: 3, confirmNoPupilIdentifiable: true },
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.problems?.map((p) => p.field)).toEqual([
      'answers.evidence',
      'answers.effect',
      'answers.next',
    ]);
    const unconfirmed = await sara.request(PUBLISH, {
      input: { analysisId: saraAnalysisId, expectedRevision: 3, confirmNoPupilIdentifiable: false },
    });
    expect(unconfirmed.errors?.[0].extensions?.problems?.[0].field).toBe('confirmNoPupilIdentifiable');
    expect(await counts(api)).toEqual(before);
  });

  it('publishes to the cohort: participants and leaders read it, school leaders and outsiders do not', async () => {
    const saved = await sara.ok(SAVE, {
      input: { roundId: ROUND1, expectedRevision: 3, answers: answers('Version ett') },
    });
    const published = await sara.ok(PUBLISH, {
      input: {
        analysisId: saraAnalysisId,
        expectedRevision: saved.saveAnalysisDraft.draft.revision,
        confirmNoPupilIdentifiable: true,
      },
    });
    expect(published.publishAnalysis.status).toBe('PUBLISHED');
    expect(published.publishAnalysis.current.version).toBe(1);

    const asPeer = await erik.ok(READ, { id: saraAnalysisId });
    expect(asPeer.analysis.author.fullName).toBe('Sara Lindqvist');
    expect(asPeer.analysis.draft).toBeNull();
    expect(asPeer.analysis.current.answers[0]).toEqual({
      sectionKey: 'goals',
      html: '<p>Version ett (goals)</p>',
    });

    const leader = await api.signedIn('johan.ek@larkby.example');
    expect((await leader.ok(READ, { id: saraAnalysisId })).analysis.current.version).toBe(1);

    const schoolLeader = await api.signedIn('rektor.ekbacke@larkby.example');
    expect(await schoolLeader.code(READ, { id: saraAnalysisId })).toBe('NOT_FOUND');
    expect(await schoolLeader.code(SHARED, { cohortId: DEMO_IDS.cohort })).toBe('FORBIDDEN');

    const notEnrolledTeacher = await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, password_hash) VALUES ($1, 'ny.larare@larkby.example', 'Ny Lärare', $2) RETURNING id`,
      [DEMO_IDS.organisation, await hash('stl-demo-2026')],
    );
    expect(notEnrolledTeacher).toHaveLength(1);
    const outsider = await api.signedIn('ny.larare@larkby.example');
    expect(await outsider.code(READ, { id: saraAnalysisId })).toBe('NOT_FOUND');
    expect(await outsider.code(SHARED, { cohortId: DEMO_IDS.cohort })).toBe('NOT_FOUND');

    const [org] = await api.db.query(
      `INSERT INTO organisation (name, slug) VALUES ('Annan kommun', 'annan') RETURNING id`,
    );
    await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, password_hash) VALUES ($1, 'larare@annan.example', 'Annan Lärare', $2)`,
      [org.id, await hash('stl-demo-2026')],
    );
    const otherOrg = await api.signedIn('larare@annan.example');
    expect(await otherOrg.code(READ, { id: saraAnalysisId })).toBe('NOT_FOUND');
    expect(await otherOrg.code(SHARED, { cohortId: DEMO_IDS.cohort })).toBe('NOT_FOUND');
    expect(await otherOrg.code(`query($r: ID!) { myAnalysis(roundId: $r) { id } }`, { r: ROUND1 })).toBe(
      'NOT_FOUND',
    );
  });

  it('makes a new version on edit after publishing and keeps the old one readable', async () => {
    const mine = await sara.ok(`query($r: ID!) { myAnalysis(roundId: $r) { draft { revision } } }`, {
      r: ROUND1,
    });
    const saved = await sara.ok(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: mine.myAnalysis.draft.revision,
        answers: [{ sectionKey: 'next', html: '<p>Nytt steg</p>' }],
      },
    });
    const again = await sara.ok(PUBLISH, {
      input: {
        analysisId: saraAnalysisId,
        expectedRevision: saved.saveAnalysisDraft.draft.revision,
        confirmNoPupilIdentifiable: true,
      },
    });
    expect(again.publishAnalysis.publishedVersion).toBe(2);
    const read = await erik.ok(READ, { id: saraAnalysisId });
    expect(read.analysis.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(read.analysis.versions[0].answers[5].html).toBe('<p>Version ett (next)</p>');
    expect(read.analysis.current.answers[5].html).toBe('<p>Nytt steg</p>');

    // Publishing again with nothing changed makes no new version.
    const unchanged = await sara.ok(PUBLISH, {
      input: {
        analysisId: saraAnalysisId,
        expectedRevision: saved.saveAnalysisDraft.draft.revision,
        confirmNoPupilIdentifiable: true,
      },
    });
    expect(unchanged.publishAnalysis.publishedVersion).toBe(2);
  });

  it('sanitises formatting on the server so no script comes back out', async () => {
    const saved = await erik.ok(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: 0,
        answers: [
          {
            sectionKey: 'goals',
            html: '<p onclick="steal()">Mål <strong>tydliga</strong></p><script>alert(1)</script>',
          },
          { sectionKey: 'plan', html: '<img src=x onerror=alert(1)><a href="javascript:alert(1)">länk</a>' },
        ],
      },
    });
    const html = saved.saveAnalysisDraft.draft.answers.map((a: { html: string }) => a.html).join('');
    expect(html).toBe(
      '<p>Mål <strong>tydliga</strong></p><a rel="noopener noreferrer nofollow" target="_blank">länk</a>',
    );
    const [row] = await api.db.query(`SELECT draft_answers::text AS t FROM analysis WHERE id = $1`, [
      saved.saveAnalysisDraft.id,
    ]);
    expect(row.t).not.toMatch(/script|onclick|onerror|javascript:/);
  });

  it('answers bad input with typed errors and changes nothing', async () => {
    const before = await counts(api);
    const ingrid = await api.signedIn(INGRID);
    const unknown = await ingrid.request(SAVE, {
      input: { roundId: ROUND1, expectedRevision: 0, answers: [{ sectionKey: 'nonsense', html: 'x' }] },
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].extensions?.problems?.[0]).toMatchObject({
      field: 'answers.nonsense',
      code: 'UNKNOWN_SECTION',
    });

    const tooLong = await ingrid.request(SAVE, {
      input: {
        roundId: ROUND1,
        expectedRevision: 0,
        answers: [{ sectionKey: 'goals', html: 'å'.repeat(20_001) }],
      },
    });
    expect(tooLong.errors?.[0].extensions?.problems?.[0].code).toBe('TOO_LONG');

    expect(
      await ingrid.code(SAVE, { input: { roundId: 'not-an-id', expectedRevision: 0, answers: [] } }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await ingrid.code(SAVE, {
        input: { roundId: '00000000-0000-4000-8000-00000000ffff', expectedRevision: 0, answers: [] },
      }),
    ).toBe('NOT_FOUND');
    expect(
      await ingrid.code(SAVE, { input: { roundId: ROUND1, expectedRevision: 'one', answers: [] } }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await ingrid.code(PUBLISH, {
        input: { analysisId: saraAnalysisId, expectedRevision: 99, confirmNoPupilIdentifiable: true },
      }),
    ).toBe('NOT_FOUND');
    expect(await ingrid.code(READ, { id: 'not-an-id' })).toBe('BAD_USER_INPUT');
    expect(await counts(api)).toEqual(before);
  });

  it('lets only active participants of an open round write and publish', async () => {
    const leader = await api.signedIn('maria.berg@larkby.example');
    expect(await leader.code(SAVE, { input: { roundId: ROUND1, expectedRevision: 0, answers: [] } })).toBe(
      'FORBIDDEN',
    );

    await api.db.query(`UPDATE cohort_membership SET left_at = now() WHERE person_id = $1`, [
      DEMO_IDS.person(103),
    ]);
    const withdrawn = await api.signedIn('lars.nilsson@larkby.example');
    expect(await withdrawn.code(SAVE, { input: { roundId: ROUND1, expectedRevision: 0, answers: [] } })).toBe(
      'NOT_FOUND',
    );

    await api.db.query(
      `UPDATE analysis_round SET opens_at = now() + interval '10 days', submission_deadline = now() + interval '20 days', feedback_deadline = now() + interval '30 days' WHERE id = $1`,
      [ROUND2],
    );
    const ingrid = await api.signedIn(INGRID);
    const saved = await ingrid.ok(SAVE, {
      input: { roundId: ROUND2, expectedRevision: 0, answers: answers('Tidigt') },
    });
    expect(
      await ingrid.code(PUBLISH, {
        input: {
          analysisId: saved.saveAnalysisDraft.id,
          expectedRevision: 1,
          confirmNoPupilIdentifiable: true,
        },
      }),
    ).toBe('ROUND_NOT_OPEN');
  });

  it('lists the shared space by round and school, newest first, page by page', async () => {
    const ingrid = await api.signedIn(INGRID);
    await publishComplete(ingrid, ROUND1, 'Ingrid');
    await publishComplete(erik, ROUND1, 'Erik');
    const all = await sara.ok(SHARED, { cohortId: DEMO_IDS.cohort, roundId: ROUND1, first: 2 });
    expect(all.sharedSpace.totalCount).toBe(3);
    expect(all.sharedSpace.nodes.map((n: { author: { fullName: string } }) => n.author.fullName)).toEqual([
      'Erik Johansson',
      'Ingrid Svensson',
    ]);
    expect(all.sharedSpace.pageInfo.hasNextPage).toBe(true);
    const next = await sara.ok(SHARED, {
      cohortId: DEMO_IDS.cohort,
      roundId: ROUND1,
      first: 2,
      after: all.sharedSpace.pageInfo.endCursor,
    });
    expect(next.sharedSpace.nodes.map((n: { author: { fullName: string } }) => n.author.fullName)).toEqual([
      'Sara Lindqvist',
    ]);
    const solvik = await sara.ok(SHARED, { cohortId: DEMO_IDS.cohort, schoolId: DEMO_IDS.school(2) });
    expect(solvik.sharedSpace.nodes.map((n: { author: { fullName: string } }) => n.author.fullName)).toEqual([
      'Ingrid Svensson',
    ]);
    expect(await sara.code(SHARED, { cohortId: DEMO_IDS.cohort, first: 500 })).toBe('BAD_USER_INPUT');
  });
});
