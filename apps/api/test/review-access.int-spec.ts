import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  LEADER_EMAILS,
  LOCK,
  MY_TASKS,
  PREVIEW,
  REPAIR,
  createOutsider,
  feedbackInput,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const ROUND = DEMO_IDS.round(1);
const EKBACKE = DEMO_IDS.school(1);
const SOLVIK = DEMO_IDS.school(2);

const PROGRESS = `query($cohortId: ID!, $schoolId: ID, $status: ProgressFilter) {
  cohortProgress(cohortId: $cohortId, schoolId: $schoolId, status: $status, first: 100) {
    totalCount
    nodes {
      person { id fullName } schoolId schoolName completed needsSupport
      rounds { number published peerFeedbackCount leaderFeedback }
      missing { code message }
    }
  }
}`;
const FEEDBACK_OF = `query($id: ID!) { feedback(id: $id) { id worksWell analysis { id feedback { id worksWell } } } }`;
const MY_PROGRESS = `query($cohortId: ID!) { myProgress(cohortId: $cohortId) { person { id } completed } }`;

describe('who sees what of allocation, feedback and progress', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let feedbackId: string;
  let assignmentId: string;
  let analysisId: string;

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    await publishDirectly(
      api.db,
      ROUND,
      people.map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: ROUND });
    const [task] = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER');
    const reviewer = people.find((p) => p.id === task.reviewer_id) as Participant;
    const { giveFeedback } = await (
      await api.signedIn(reviewer.email)
    ).ok(GIVE, {
      assignmentId: task.id,
      input: feedbackInput('Synlig'),
    });
    feedbackId = giveFeedback.id;
    analysisId = task.analysis_id;
    assignmentId = (await liveAssignments(api.db, ROUND)).find((a) => !a.completed_at)?.id as string;
  });
  afterAll(() => api.close());

  it("lets every participant of the cohort read the feedback on the cohort's analyses", async () => {
    const someone = await api.signedIn(people[13].email);
    const { feedback } = await someone.ok(FEEDBACK_OF, { id: feedbackId });
    expect(feedback.worksWell).toContain('Synlig');
    expect(feedback.analysis).toEqual({
      id: analysisId,
      feedback: [{ id: feedbackId, worksWell: feedback.worksWell }],
    });
  });

  it('keeps participants to their own tasks and progress', async () => {
    const teacher = await api.signedIn(people[0].email);
    expect(await teacher.code(PROGRESS, { cohortId: COHORT })).toBe('FORBIDDEN');
    expect(await teacher.code(PREVIEW, { roundId: ROUND })).toBe('FORBIDDEN');
    expect(await teacher.code(APPLY, { roundId: ROUND })).toBe('FORBIDDEN');
    expect(await teacher.code(LOCK, { roundId: ROUND })).toBe('FORBIDDEN');
    expect(await teacher.code(REPAIR, { roundId: ROUND })).toBe('FORBIDDEN');
    const { myProgress } = await teacher.ok(MY_PROGRESS, { cohortId: COHORT });
    expect(myProgress.person.id).toBe(people[0].id);
    const { myReviewTasks } = await teacher.ok(MY_TASKS, {});
    expect(myReviewTasks.every((t: { reviewerId: string }) => t.reviewerId === people[0].id)).toBe(true);
  });

  it("shows a school leader the progress of their own school's participants only, never text", async () => {
    const rektor = await api.signedIn('rektor.ekbacke@larkby.example');
    const r = await rektor.request(PROGRESS, { cohortId: COHORT });
    expect(r.errors).toBeUndefined();
    const page = (r.data as any).cohortProgress;
    expect(page.totalCount).toBe(6);
    expect(page.nodes.every((n: { schoolId: string }) => n.schoolId === EKBACKE)).toBe(true);
    expect(page.nodes[0].rounds[0].published).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/anonymiserad|Synlig|tydlig koppling/);
    expect(await rektor.code(PROGRESS, { cohortId: COHORT, schoolId: SOLVIK })).toBe('FORBIDDEN');

    // Nothing in the progress type can carry text of an analysis or a feedback.
    const { __type } = await rektor.ok(
      `{ __type(name: "ParticipantProgress") { fields { name type { name ofType { name ofType { name ofType { name } } } } } } }`,
    );
    const names = JSON.stringify(__type);
    expect(names).not.toMatch(/Analysis"|Feedback"|AnalysisVersion"|answers|worksWell/);

    expect(await rektor.code(FEEDBACK_OF, { id: feedbackId })).toBe('FORBIDDEN');
    expect(await rektor.code(MY_PROGRESS, { cohortId: COHORT })).toBe('FORBIDDEN');
    expect(await rektor.code(PREVIEW, { roundId: ROUND })).toBe('FORBIDDEN');
    expect(await rektor.code(GIVE, { assignmentId, input: feedbackInput('R') })).toBe('FORBIDDEN');
    expect((await rektor.ok(MY_TASKS, {})).myReviewTasks).toEqual([]);
  });

  it('shows course leaders and administrators everyone, filterable by school and status', async () => {
    const all = (await maria.ok(PROGRESS, { cohortId: COHORT })).cohortProgress;
    expect(all.totalCount).toBe(24);
    expect(all.nodes.map((n: { schoolName: string }) => n.schoolName)).toEqual(
      [...all.nodes.map((n: { schoolName: string }) => n.schoolName)].sort((a, b) =>
        a.localeCompare(b, 'sv'),
      ),
    );
    const admin = await api.signedIn('admin@larkby.example');
    expect((await admin.ok(PROGRESS, { cohortId: COHORT, schoolId: SOLVIK })).cohortProgress.totalCount).toBe(
      6,
    );
    expect(
      (await admin.ok(PROGRESS, { cohortId: COHORT, status: 'COMPLETED' })).cohortProgress.totalCount,
    ).toBe(0);
    expect(
      (await admin.ok(PROGRESS, { cohortId: COHORT, status: 'NOT_COMPLETED' })).cohortProgress.totalCount,
    ).toBe(24);
  });

  it('shows nothing to someone from another organisation, also for guessed ids', async () => {
    const outsider = await api.signedIn(await createOutsider(api.db));
    const guessed = '00000000-0000-4000-8000-00000000beef';
    expect(await outsider.code(PROGRESS, { cohortId: COHORT })).toBe('NOT_FOUND');
    expect(await outsider.code(MY_PROGRESS, { cohortId: COHORT })).toBe('NOT_FOUND');
    expect(await outsider.code(PREVIEW, { roundId: ROUND })).toBe('NOT_FOUND');
    expect(await outsider.code(APPLY, { roundId: ROUND })).toBe('NOT_FOUND');
    expect(await outsider.code(REPAIR, { roundId: ROUND })).toBe('NOT_FOUND');
    expect(await outsider.code(LOCK, { roundId: ROUND })).toBe('NOT_FOUND');
    expect(await outsider.code(FEEDBACK_OF, { id: feedbackId })).toBe('NOT_FOUND');
    expect(await outsider.code(FEEDBACK_OF, { id: guessed })).toBe('NOT_FOUND');
    expect(await outsider.code(MY_TASKS, { cohortId: COHORT })).toBe('NOT_FOUND');
    expect(await outsider.code(MY_TASKS, { roundId: ROUND })).toBe('NOT_FOUND');
    expect(await outsider.code(GIVE, { assignmentId, input: feedbackInput('O') })).toBe('NOT_FOUND');
    for (const [mutation, vars] of [
      [
        `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`,
        { a: analysisId, r: people[0].id },
      ],
      [`mutation($id: ID!) { removeReviewer(assignmentId: $id) { id } }`, { id: assignmentId }],
      [
        `mutation($id: ID!, $r: ID!) { swapReviewer(assignmentId: $id, newReviewerId: $r) { id } }`,
        { id: assignmentId, r: people[0].id },
      ],
      [`mutation($id: ID!) { replyToFeedback(feedbackId: $id, body: "hej") { id } }`, { id: feedbackId }],
      [`mutation($id: ID!) { commentOnFeedback(feedbackId: $id, body: "hej") { id } }`, { id: feedbackId }],
      [
        `mutation($id: ID!) { markFeedbackHelpful(feedbackId: $id, helpful: true) { id } }`,
        { id: feedbackId },
      ],
    ] as const) {
      expect(await outsider.code(mutation, vars)).toBe('NOT_FOUND');
    }
    expect(await outsider.code(FEEDBACK_OF, { id: 'x' })).toBe('BAD_USER_INPUT');
    expect(await outsider.code(PROGRESS, { cohortId: 'not-a-uuid' })).toBe('BAD_USER_INPUT');
    expect((await outsider.ok(MY_TASKS, {})).myReviewTasks).toEqual([]);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM feedback_comment`);
    expect(n).toBe(0);
  });

  it('asks for sign-in before anything', async () => {
    expect(await api.client().code(MY_PROGRESS, { cohortId: COHORT })).toBe('UNAUTHENTICATED');
    expect(await api.client().code(FEEDBACK_OF, { id: feedbackId })).toBe('UNAUTHENTICATED');
  });
});
