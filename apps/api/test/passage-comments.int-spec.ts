import { DEMO_IDS } from '@stl/api/data-access-db';
import { ALL_SECTIONS, PUBLISH, SAVE, answers } from './support/analysis-fixtures';
import { COMMENT_ON_PASSAGE, passageIn } from './support/passage-fixtures';
import type { PassageAnchor } from './support/passage-fixtures';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  LEADER_EMAILS,
  createOutsider,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const ROUND = DEMO_IDS.round(1);
/** Rich text as the editor sends it: the stored, sanitised HTML is what passages are measured on. */
const GOALS_V1 =
  '<h3>Syfte</h3><p>Eleverna i år 4 gav <strong>kamratrespons</strong> på varandras texter &amp; skrev om dem.</p>' +
  '<ul><li>Först i par</li><li>Sedan&nbsp;i grupp, med <a href="https://skolverket.se/?a=1&b=2">stöd</a></li></ul>';
const GOALS_V2 = '<p>Ny inledning.</p>' + GOALS_V1;

const READ = `query($id: ID!) {
  analysis(id: $id) {
    publishedVersion canCommentOnPassages
    passageComments { id version sectionKey exact prefix suffix start end body author { id } }
  }
}`;
const EDIT = `mutation($id: ID!, $body: String!) { editPassageComment(id: $id, body: $body) { id body exact start } }`;
const DELETE = `mutation($id: ID!) { deletePassageComment(id: $id) }`;

async function count(api: TestApi): Promise<number> {
  const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM passage_comment`);
  return n;
}

async function publish(c: GqlClient, goals: string): Promise<string> {
  const mine = await c.ok(`query($r: ID!) { myAnalysis(roundId: $r) { id draft { revision } } }`, {
    r: ROUND,
  });
  const rest = answers('Text', ALL_SECTIONS.slice(1));
  const saved = await c.ok(SAVE, {
    input: {
      roundId: ROUND,
      expectedRevision: mine.myAnalysis?.draft.revision ?? 0,
      answers: [{ sectionKey: 'goals', html: goals }, ...rest],
    },
  });
  const a = saved.saveAnalysisDraft;
  await c.ok(PUBLISH, {
    input: { analysisId: a.id, expectedRevision: a.draft.revision, confirmNoPupilIdentifiable: true },
  });
  return a.id;
}

describe('comments on a passage of a published analysis', () => {
  let api: TestApi;
  let people: Participant[];
  let author: GqlClient;
  let peer: GqlClient;
  let maria: GqlClient;
  let bystander: GqlClient;
  let analysisId: string;
  let anchor: PassageAnchor;

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    author = await api.signedIn(people[0].email);
    analysisId = await publish(author, GOALS_V1);
    await publishDirectly(
      api.db,
      ROUND,
      people.slice(1).map((p) => p.id),
    );
    maria = await api.signedIn(LEADER_EMAILS[0]);
    await maria.ok(APPLY, { roundId: ROUND });
    const live = await liveAssignments(api.db, ROUND);
    const reviewers = new Set(live.filter((a) => a.analysis_id === analysisId).map((a) => a.reviewer_id));
    const peerOf = people.find((p) => reviewers.has(p.id)) as Participant;
    const other = people.find((p) => p.id !== people[0].id && !reviewers.has(p.id)) as Participant;
    peer = await api.signedIn(peerOf.email);
    bystander = await api.signedIn(other.email);
    anchor = await passageIn(api.db, analysisId, 1, 'goals', 'kamratrespons på varandras texter & skrev');
  });
  afterAll(() => api.close());

  it('measures passages on the text of the stored HTML: tags dropped, entities read', () => {
    expect(anchor.exact).toBe('kamratrespons på varandras texter & skrev');
    expect(anchor.prefix).toBe('SyfteEleverna i år 4 gav ');
    expect(anchor.start).toBe('SyfteEleverna i år 4 gav '.length);
  });

  it("keeps a critical friend's comment on a passage, and the author sees it with its version", async () => {
    const { commentOnPassage: c } = await peer.ok(COMMENT_ON_PASSAGE, {
      input: { ...anchor, body: '  Hur gick det till i par?  ' },
    });
    expect(c).toMatchObject({
      version: 1,
      sectionKey: 'goals',
      exact: anchor.exact,
      body: 'Hur gick det till i par?',
    });

    const mine = (await author.ok(READ, { id: analysisId })).analysis;
    expect(mine.canCommentOnPassages).toBe(false);
    expect(mine.passageComments).toEqual([{ ...c, prefix: anchor.prefix, suffix: anchor.suffix }]);
    // Everyone who sees the feedback sees the comments too; only reviewers and leaders write them.
    const seen = (await bystander.ok(READ, { id: analysisId })).analysis;
    expect(seen.passageComments.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(seen.canCommentOnPassages).toBe(false);
    expect((await peer.ok(READ, { id: analysisId })).analysis.canCommentOnPassages).toBe(true);
    expect((await maria.ok(READ, { id: analysisId })).analysis.canCommentOnPassages).toBe(true);
  });

  it('lets the cohort’s course leader comment on a passage inside a list, across a non-breaking space', async () => {
    const inList = await passageIn(api.db, analysisId, 1, 'goals', 'Sedan\u00a0i grupp, med stöd');
    const { commentOnPassage } = await maria.ok(COMMENT_ON_PASSAGE, { input: { ...inList, body: 'Bra!' } });
    expect(commentOnPassage.exact).toBe('Sedan\u00a0i grupp, med stöd');
  });

  it('refuses a passage that is not where it says in the version, with QUOTE_MISMATCH, and writes nothing', async () => {
    const before = await count(api);
    const cases = [
      { ...anchor, start: anchor.start + 1, end: anchor.end + 1 },
      { ...anchor, exact: 'kamratrespons på varandras texter &amp; skrev' },
      { ...anchor, prefix: 'Något annat ' },
      { ...anchor, suffix: ' något annat' },
      { ...anchor, sectionKey: 'plan' },
      { ...anchor, exact: '', start: 0, end: 1 },
      { ...anchor, start: 10_000, end: 10_000 + anchor.exact.length },
    ];
    for (const input of cases) {
      const r = await peer.request(COMMENT_ON_PASSAGE, { input: { ...input, body: 'Fel ställe' } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.problems?.map((p) => p.code)).toContain('QUOTE_MISMATCH');
    }
    const unknown = await peer.request(COMMENT_ON_PASSAGE, {
      input: { ...anchor, sectionKey: 'nope', body: 'x' },
    });
    expect(unknown.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual(['UNKNOWN_SECTION']);
    const markup = await peer.request(COMMENT_ON_PASSAGE, {
      input: { ...anchor, body: '<script>alert(1)</script>' },
    });
    expect(markup.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual(['MARKUP_NOT_ALLOWED']);
    expect(await count(api)).toBe(before);
  });

  it('lets only critical friends of the analysis and course leaders comment', async () => {
    const input = { ...anchor, body: 'Får jag?' };
    expect(await author.code(COMMENT_ON_PASSAGE, { input })).toBe('FORBIDDEN');
    expect(await bystander.code(COMMENT_ON_PASSAGE, { input })).toBe('FORBIDDEN');
    const admin = await api.signedIn('admin@larkby.example');
    expect(await admin.code(COMMENT_ON_PASSAGE, { input })).toBe('FORBIDDEN');
    const rektor = await api.signedIn('rektor.ekbacke@larkby.example');
    expect(await rektor.code(COMMENT_ON_PASSAGE, { input })).toBe('FORBIDDEN');
    expect(await rektor.code(READ, { id: analysisId })).toBe('NOT_FOUND');
    const outsider = await api.signedIn(await createOutsider(api.db));
    expect(await outsider.code(COMMENT_ON_PASSAGE, { input })).toBe('NOT_FOUND');
  });

  it('lets only the one who wrote a comment change or delete it', async () => {
    const { commentOnPassage: c } = await peer.ok(COMMENT_ON_PASSAGE, {
      input: { ...anchor, body: 'Första' },
    });
    expect(await maria.code(EDIT, { id: c.id, body: 'Ändrad' })).toBe('FORBIDDEN');
    expect(await author.code(DELETE, { id: c.id })).toBe('FORBIDDEN');
    const { editPassageComment } = await peer.ok(EDIT, { id: c.id, body: ' Ändrad ' });
    expect(editPassageComment).toEqual({
      id: c.id,
      body: 'Ändrad',
      exact: anchor.exact,
      start: anchor.start,
    });
    expect((await peer.request(EDIT, { id: c.id, body: '   ' })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await peer.ok(DELETE, { id: c.id })).toEqual({ deletePassageComment: c.id });
    expect(await peer.code(DELETE, { id: c.id })).toBe('NOT_FOUND');
  });

  it('keeps comments with the version they were written on when the author publishes a new one', async () => {
    const before = (await author.ok(READ, { id: analysisId })).analysis.passageComments;
    await publish(author, GOALS_V2);
    const after = (await author.ok(READ, { id: analysisId })).analysis;
    expect(after.publishedVersion).toBe(2);
    // Same rows, same offsets, still version 1: never moved to where the words are now.
    expect(after.passageComments).toEqual(before);
    expect(before.every((c: { version: number }) => c.version === 1)).toBe(true);

    expect(await peer.code(COMMENT_ON_PASSAGE, { input: { ...anchor, body: 'Gammal' } })).toBe(
      'STALE_VERSION',
    );
    // The old offsets do not fit the new text either.
    const stale = await peer.request(COMMENT_ON_PASSAGE, {
      input: { ...anchor, version: 2, body: 'Gammal' },
    });
    expect(stale.errors?.[0].extensions?.problems?.map((p) => p.code)).toContain('QUOTE_MISMATCH');
    const v2 = await passageIn(api.db, analysisId, 2, 'goals', anchor.exact);
    const { commentOnPassage } = await peer.ok(COMMENT_ON_PASSAGE, {
      input: { ...v2, body: 'Nu i version 2' },
    });
    expect(commentOnPassage).toMatchObject({ version: 2, start: anchor.start + 'Ny inledning.'.length });
  });
});
