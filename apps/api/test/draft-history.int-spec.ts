import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@stl/api/data-access-db';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { PUBLISH, SAVE, answers } from './support/analysis-fixtures';

/**
 * The draft history (ADR 0028): what a save overwrites is kept in the same transaction, a revision
 * replaced from another editor and a text set aside are never thinned, routine snapshots are thinned
 * by age, and only the author reads any of it.
 */
const SARA = 'sara.lindqvist@larkby.example';
const ERIK = 'erik.johansson@larkby.example'; // another participant of the cohort
const MARIA = 'maria.berg@larkby.example'; // the course leader
const ADMIN = 'admin@larkby.example';
const ROUND = DEMO_IDS.round(1);

const HISTORY = `query($a: ID!, $first: Int, $after: String) {
  analysisDraftHistory(analysisId: $a, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id revision kind savedAt sections { sectionKey words excerpt } }
  }
}`;
const SNAPSHOT = `query($id: ID!) { analysisDraftSnapshot(id: $id) { id revision kind answers { sectionKey html } } }`;

interface Node {
  id: string;
  revision: number;
  kind: string;
  savedAt: string;
  sections: { sectionKey: string; words: number; excerpt: string }[];
}

describe('draft history: snapshots, thinning and who may read them', () => {
  let api: TestApi;
  let sara: GqlClient;
  let analysisId: string;
  let revision = 0;
  const tabA = randomUUID();
  const tabB = randomUUID();

  async function save(
    editorId: string | null,
    list: { sectionKey: string; html: string }[],
    setAside?: { sectionKey: string; html: string }[],
  ) {
    const r = await sara.ok(SAVE, {
      input: { roundId: ROUND, expectedRevision: revision, answers: list, editorId, setAside },
    });
    analysisId = r.saveAnalysisDraft.id;
    revision = r.saveAnalysisDraft.draft.revision;
    return r.saveAnalysisDraft;
  }

  async function history(): Promise<Node[]> {
    const r = await sara.ok(HISTORY, { a: analysisId, first: 100 });
    return r.analysisDraftHistory.nodes;
  }

  beforeAll(async () => {
    api = await startTestApi();
    sara = await api.signedIn(SARA);
  });
  afterAll(() => api.close());

  it('keeps the overwritten revision of each save, and nothing for a save that changes nothing', async () => {
    await save(tabA, [{ sectionKey: 'goals', html: '<p>Första tanken</p>' }]);
    expect(await history()).toEqual([]);
    await save(tabA, [{ sectionKey: 'goals', html: '<p>Andra tanken om målen</p><p>och mer</p>' }]);
    const [first] = await history();
    expect(first).toMatchObject({ revision: 1, kind: 'EARLIER_SAVE' });
    const whole = await sara.ok(SNAPSHOT, { id: first.id });
    expect(whole.analysisDraftSnapshot.answers).toEqual([
      { sectionKey: 'goals', html: '<p>Första tanken</p>' },
    ]);
    await save(tabA, [{ sectionKey: 'goals', html: '<p>Andra tanken om målen</p><p>och mer</p>' }]);
    expect((await history()).map((n) => n.revision)).toEqual([1]);
    await save(tabA, [{ sectionKey: 'plan', html: '<p>En plan &amp; ett <strong>mål</strong></p>' }]);
    // Revision 3 changed nothing, so revision 2's text is what the last save overwrote.
    const [latest] = await history();
    expect(latest).toMatchObject({ revision: 3, kind: 'EARLIER_SAVE' });
    expect(latest.sections).toEqual([
      { sectionKey: 'goals', words: 6, excerpt: 'Andra tanken om målen och mer' },
    ]);
  });

  it('keeps a revision replaced from another tab, and a text set aside, as kinds never thinned', async () => {
    const before = revision;
    await save(
      tabB,
      [{ sectionKey: 'plan', html: '<p>Den andra flikens plan</p>' }],
      [{ sectionKey: 'plan', html: '<p>Texten som inte valdes</p>' }],
    );
    const nodes = await history();
    const setAside = nodes.find((n) => n.kind === 'SET_ASIDE');
    const replaced = nodes.find((n) => n.kind === 'REPLACED_ELSEWHERE');
    expect(replaced?.revision).toBe(before);
    expect(replaced?.sections.map((s) => s.excerpt)).toEqual([
      'Andra tanken om målen och mer',
      'En plan & ett mål',
    ]);
    expect(setAside?.revision).toBe(before);
    const whole = await sara.ok(SNAPSHOT, { id: setAside?.id });
    expect(whole.analysisDraftSnapshot.answers).toEqual([
      { sectionKey: 'plan', html: '<p>Texten som inte valdes</p>' },
    ]);
    // The draft itself holds the chosen text only.
    const mine = await sara.ok(
      `query($r: ID!) { myAnalysis(roundId: $r) { draft { answers { sectionKey html } } } }`,
      {
        r: ROUND,
      },
    );
    expect(mine.myAnalysis.draft.answers).toContainEqual({
      sectionKey: 'plan',
      html: '<p>Den andra flikens plan</p>',
    });
  });

  it('writes no snapshot when a save is refused (conflict or bad input)', async () => {
    const [{ n: before }] = await api.db.query(`SELECT count(*)::int AS n FROM analysis_draft_snapshot`);
    const stale = await sara.code(SAVE, {
      input: {
        roundId: ROUND,
        expectedRevision: revision - 1,
        answers: [{ sectionKey: 'goals', html: '<p>Gammal</p>' }],
        setAside: [{ sectionKey: 'goals', html: '<p>Bortvald</p>' }],
      },
    });
    expect(stale).toBe('EDIT_CONFLICT');
    const bad = await sara.code(SAVE, {
      input: {
        roundId: ROUND,
        expectedRevision: revision,
        answers: [{ sectionKey: 'goals', html: '<p>Ny</p>' }],
        setAside: [{ sectionKey: 'no-such-section', html: '<p>x</p>' }],
      },
    });
    expect(bad).toBe('BAD_USER_INPUT');
    const [{ n: after }] = await api.db.query(`SELECT count(*)::int AS n FROM analysis_draft_snapshot`);
    expect(after).toBe(before);
  });

  it('thins routine snapshots by age to the newest of each slot, never the protected kinds', async () => {
    await api.db.query(`DELETE FROM analysis_draft_snapshot WHERE analysis_id = $1`, [analysisId]);
    const now = Date.now();
    const MIN = 60_000;
    const HOUR = 60 * MIN;
    const DAY = 24 * HOUR;
    const minute = Math.floor((now - 30 * MIN) / MIN) * MIN; // a minute half an hour ago
    const quarter = Math.floor((now - 5 * HOUR) / (15 * MIN)) * 15 * MIN; // a quarter five hours ago
    const hour = Math.floor((now - 2 * DAY) / HOUR) * HOUR; // an hour two days ago
    const noon = Math.floor((now - 10 * DAY) / DAY) * DAY + 12 * HOUR; // a Stockholm day ten days ago
    const rows: [number, string, number][] = [
      [101, 'EARLIER_SAVE', noon - HOUR],
      [102, 'REPLACED_ELSEWHERE', noon - 30 * MIN],
      [103, 'EARLIER_SAVE', noon],
      [104, 'EARLIER_SAVE', noon + HOUR],
      [105, 'EARLIER_SAVE', hour + 5 * MIN],
      [106, 'SET_ASIDE', hour + 10 * MIN],
      [107, 'EARLIER_SAVE', hour + 20 * MIN],
      [108, 'EARLIER_SAVE', hour + 40 * MIN],
      [109, 'EARLIER_SAVE', quarter + MIN],
      [110, 'EARLIER_SAVE', quarter + 14 * MIN],
      [111, 'EARLIER_SAVE', minute + 10_000],
      [112, 'EARLIER_SAVE', minute + 40_000],
      [113, 'EARLIER_SAVE', minute + 70_000],
    ];
    const [{ id: saraId }] = await api.db.query(`SELECT id FROM person WHERE email = $1`, [SARA]);
    for (const [rev, kind, at] of rows) {
      await api.db.query(
        `INSERT INTO analysis_draft_snapshot (analysis_id, revision, kind, answers, saved_at, saved_by_id)
         VALUES ($1, $2, $3, '[["goals", "<p>x</p>"]]', $4, $5)`,
        [analysisId, rev, kind, new Date(at), saraId],
      );
    }
    // The next save (same editor, so its own snapshot is a routine one) thins the rest.
    await save(tabB, [{ sectionKey: 'goals', html: '<p>Efter gallringen</p>' }]);
    const kept = (await history()).map((n) => n.revision).sort((a, b) => a - b);
    // Day: 104 the newest (102 protected); hour: 108 (106 protected); quarter: 110; minute: 112,
    // and 113 in a minute of its own; and the save's own snapshot.
    expect(kept).toEqual([revision - 1, 102, 104, 106, 108, 110, 112, 113]);
  });

  it('pages the history', async () => {
    const first = await sara.ok(HISTORY, { a: analysisId, first: 2 });
    expect(first.analysisDraftHistory.totalCount).toBe(8);
    expect(first.analysisDraftHistory.pageInfo.hasNextPage).toBe(true);
    const next = await sara.ok(HISTORY, {
      a: analysisId,
      first: 10,
      after: first.analysisDraftHistory.pageInfo.endCursor,
    });
    expect(next.analysisDraftHistory.nodes).toHaveLength(6);
    expect(next.analysisDraftHistory.pageInfo.hasNextPage).toBe(false);
  });

  it('is the author’s alone: another participant, the course leader and the administrator get NOT_FOUND, even once published', async () => {
    const full = await sara.ok(SAVE, {
      input: { roundId: ROUND, expectedRevision: revision, answers: answers('Klar') },
    });
    revision = full.saveAnalysisDraft.draft.revision;
    await sara.ok(PUBLISH, {
      input: { analysisId, expectedRevision: revision, confirmNoPupilIdentifiable: true },
    });
    const [{ id: snapshotId }] = await api.db.query(
      `SELECT id FROM analysis_draft_snapshot WHERE analysis_id = $1 LIMIT 1`,
      [analysisId],
    );
    for (const email of [ERIK, MARIA, ADMIN]) {
      const other = await api.signedIn(email);
      // They may read the published analysis, but not the draft's history.
      await other.ok(`query($id: ID!) { analysis(id: $id) { id } }`, { id: analysisId });
      expect(await other.code(HISTORY, { a: analysisId })).toBe('NOT_FOUND');
      expect(await other.code(SNAPSHOT, { id: snapshotId })).toBe('NOT_FOUND');
    }
    expect(await api.client().code(HISTORY, { a: analysisId })).toBe('UNAUTHENTICATED');
    expect(await api.client().code(SNAPSHOT, { id: snapshotId })).toBe('UNAUTHENTICATED');
    expect((await sara.ok(SNAPSHOT, { id: snapshotId })).analysisDraftSnapshot.id).toBe(snapshotId);
  });
});
