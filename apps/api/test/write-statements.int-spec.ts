import { DEMO_IDS } from '@stl/api/data-access-db';
import { SARA } from './cohort.fixtures';
import { answers } from './support/analysis-fixtures';
import type { GqlClient } from './support/gql-client';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  LEADER_EMAILS,
  LOCK,
  feedbackInput,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import { StatementCount } from './support/statement-count';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** The web's own mutation documents (libs/web/data-access/src/operations), as the browser sends them. */
const SAVE = `mutation($input: SaveAnalysisDraftInput!) {
  saveAnalysisDraft(input: $input) {
    id status publishedVersion
    draft { revision savedAt answers { sectionKey html } }
  }
}`;
const PUBLISH = `mutation($input: PublishAnalysisInput!) {
  publishAnalysis(input: $input) { id status publishedVersion lastPublishedAt }
}`;
const GIVE = `mutation($assignmentId: ID!, $input: FeedbackInput!) {
  giveFeedback(assignmentId: $assignmentId, input: $input) {
    id kind analysisId worksWell questions nextSteps sectionKey version helpful markedHelpfulAt createdAt
    authorId author { id fullName }
    comments { id kind body createdAt authorId author { id fullName } }
    quality { nextStep { evidence } }
    chosenNextStep
    exampleRequest { consent }
  }
}`;

/**
 * Issue 13: the writes send only the statements they need. Each command is one transaction with the
 * session lookup before it: the cohort is locked through the row the command names (no lookup of
 * the row's cohort first), access is read after the lock, and the answer's fields read nothing the
 * command already holds (giveFeedback's version, cohort and empty comments). `toHaveLength` prints
 * the statements when a count changes.
 */
describe('the writes, in statements', () => {
  let api: TestApi;
  let sara: GqlClient;
  let analysisId = '';
  const statements = new StatementCount();
  const round = DEMO_IDS.round(1);

  beforeAll(async () => {
    statements.install();
    api = await startTestApi();
    sara = await api.signedIn(SARA);
  });
  afterAll(async () => {
    statements.restore();
    await api.close();
  });

  it('saveAnalysisDraft: 10 for the first save and for a later one', async () => {
    const first = await statements.during(async () => {
      const r = await sara.ok(SAVE, {
        input: { roundId: round, expectedRevision: 0, answers: answers('first') },
      });
      analysisId = r.saveAnalysisDraft.id;
    });
    // session, START, lock through the round, access, round, sections (first use), analysis, membership's school, INSERT, COMMIT
    expect(first).toHaveLength(10);
    const again = await statements.during(() =>
      sara.ok(SAVE, { input: { roundId: round, expectedRevision: 1, answers: answers('again', ['next']) } }),
    );
    // session, START, lock, access, round, analysis, history INSERT and prune, UPDATE, COMMIT
    expect(again).toHaveLength(10);
  });

  it('publishAnalysis: 11, and only its author reaches the lock', async () => {
    const publish = await statements.during(() =>
      sara.ok(PUBLISH, { input: { analysisId, expectedRevision: 2, confirmNoPupilIdentifiable: true } }),
    );
    // session, START, lock (own analysis), access, analysis, round, version INSERT, attachments,
    // UPDATE, the reviewers to tell, COMMIT
    expect(publish).toHaveLength(11);
    expect(
      publish.filter((s) => s.startsWith('SELECT s.created_at') || s.includes('FOR UPDATE')),
    ).toHaveLength(2);

    const erik = await api.signedIn('erik.johansson@larkby.example');
    const input = { analysisId, expectedRevision: 2, confirmNoPupilIdentifiable: true };
    expect(await erik.code(PUBLISH, { input })).toBe('NOT_FOUND');
  });

  it("giveFeedback with the form's whole answer: 19", async () => {
    const people = await seededParticipants(api.db);
    await publishDirectly(
      api.db,
      DEMO_IDS.round(2),
      people.map((p) => p.id),
    );
    const maria = await api.signedIn(LEADER_EMAILS[0]);
    await maria.ok(APPLY, { roundId: DEMO_IDS.round(2) });
    await maria.ok(LOCK, { roundId: DEMO_IDS.round(2) });
    const [task] = (await liveAssignments(api.db, DEMO_IDS.round(2))).filter((a) => a.kind === 'PEER');
    const reviewer = people.find((p) => p.id === task.reviewer_id);
    const client = await api.signedIn(reviewer?.email ?? '');
    let given: { version: number; comments: unknown[] } | undefined;
    const give = await statements.during(async () => {
      given = (await client.ok(GIVE, { assignmentId: task.id, input: feedbackInput('trace') })).giveFeedback;
    });
    // session, START, lock through the assignment, access, assignment, analysis, version, INSERT,
    // UPDATE, the mail's facts, names, recipients, outbox, job, COMMIT; then the answer's author,
    // chosen next step, example request and its access check. Not its version or comments.
    expect(give).toHaveLength(19);
    expect(given).toMatchObject({ version: 1, comments: [] });
  });
});
