import { DEMO_IDS } from '@stl/api/data-access-db';
import { ADMIN, JOHAN, MARIA, SARA, TEACHER } from './cohort.fixtures';
import { publishDirectly } from './support/publish-directly';
import { APPLY, GIVE, feedbackInput, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const TODO = `{ leaderToDo {
  kind cohortId cohortName roundId roundNumber analysisId authorName meetingId meetingNumber meetingTitle publishedCount dueAt waitingSince
} }`;
const RECORD = `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) { id }
}`;
const ADD_REVIEWER = `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`;
const START = `mutation($a: ID!) { startLeaderFeedback(analysisId: $a) { id kind analysisId done } }`;
const MY_LEADER_TASKS = `query($roundId: ID) { myReviewTasks(roundId: $roundId, done: false) { id kind analysisId } }`;

const ROUND = DEMO_IDS.round(1);
const COHORT = DEMO_IDS.cohort;

interface Item {
  kind: string;
  cohortId: string;
  roundId: string | null;
  analysisId: string | null;
  meetingId: string | null;
  publishedCount: number | null;
  authorName: string | null;
  dueAt: string;
  waitingSince: string;
}

describe("the course leader's to-do: each kind appears when due and leaves when done", () => {
  let api: TestApi;
  let maria: GqlClient;
  let johan: GqlClient;
  let people: Participant[];
  let analysisOf: Map<string, string>;
  const todo = async (c: GqlClient): Promise<Item[]> => (await c.ok(TODO, {})).leaderToDo;
  /** Moves round 1 relative to the database clock, keeping its dates in order. */
  const submissionDeadlineIn = (interval: string) =>
    api.db.query(
      `UPDATE analysis_round SET opens_at = now() - interval '20 days',
              submission_deadline = now() + $2::interval, feedback_deadline = now() + interval '10 days'
        WHERE id = $1`,
      [ROUND, interval],
    );
  const ofKind = async (c: GqlClient, kind: string) => (await todo(c)).filter((i) => i.kind === kind);

  beforeAll(async () => {
    api = await startTestApi();
    await api.db.query(`UPDATE cohort SET status = 'OPEN' WHERE id = $1`, [COHORT]);
    people = await seededParticipants(api.db);
    [maria, johan] = await Promise.all([api.signedIn(MARIA), api.signedIn(JOHAN)]);
  });
  afterAll(() => api.close());

  it('lists the meetings held without attendance, oldest first, and drops one once attendance is registered', async () => {
    const items = await todo(maria);
    const dues = items.map((i) => new Date(i.dueAt).getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const meetings = items.filter((i) => i.kind === 'ATTENDANCE_TO_REGISTER');
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM meeting WHERE cohort_id = $1 AND starts_at <= now()
          AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = meeting.id)`,
      [COHORT],
    );
    expect(n).toBeGreaterThan(0);
    expect(meetings).toHaveLength(n);
    expect(meetings[0]).toMatchObject({ cohortId: COHORT, meetingId: DEMO_IDS.meeting(1) });

    await maria.ok(RECORD, {
      meetingId: DEMO_IDS.meeting(1),
      entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
    });
    const after = await ofKind(maria, 'ATTENDANCE_TO_REGISTER');
    expect(after).toHaveLength(n - 1);
    expect(after.map((i) => i.meetingId)).not.toContain(DEMO_IDS.meeting(1));
  });

  it('lists published analyses for leader feedback before allocation; a leader gives it at once and it is gone for both', async () => {
    analysisOf = await publishDirectly(
      api.db,
      ROUND,
      people.slice(0, 20).map((p) => p.id),
    );
    const waiting = await ofKind(maria, 'LEADER_FEEDBACK');
    expect(waiting).toHaveLength(20);
    expect(new Set(waiting.map((i) => i.analysisId))).toEqual(new Set(analysisOf.values()));
    expect(waiting[0].authorName).toBeTruthy();
    // How long each has waited: since its publication (the home gathers them, "äldsta väntar sedan …").
    const published: { id: string; first_published_at: Date }[] = await api.db.query(
      `SELECT id, first_published_at FROM analysis WHERE id = ANY($1::uuid[])`,
      [[...analysisOf.values()]],
    );
    for (const p of published)
      expect(new Date(waiting.find((i) => i.analysisId === p.id)?.waitingSince ?? 0)).toEqual(
        p.first_published_at,
      );
    expect(await ofKind(johan, 'LEADER_FEEDBACK')).toHaveLength(20);

    const target = waiting[0].analysisId as string;
    // Not for participants nor administrators who do not lead the cohort; nothing is written.
    expect(await (await api.signedIn(SARA)).code(START, { a: target })).toBe('FORBIDDEN');
    expect(await (await api.signedIn(ADMIN)).code(START, { a: target })).toBe('FORBIDDEN');
    const { startLeaderFeedback: task } = await maria.ok(START, { a: target });
    expect(task).toMatchObject({ kind: 'LEADER', analysisId: target, done: false });
    // Asking again gives the same assignment.
    expect((await maria.ok(START, { a: target })).startLeaderFeedback.id).toBe(task.id);
    await maria.ok(GIVE, { assignmentId: task.id, input: feedbackInput('before allocation') });

    expect((await ofKind(maria, 'LEADER_FEEDBACK')).map((i) => i.analysisId)).not.toContain(target);
    expect(await ofKind(maria, 'LEADER_FEEDBACK')).toHaveLength(19);
    expect(await ofKind(johan, 'LEADER_FEEDBACK')).toHaveLength(19);
    analysisOf.set('given', target);
  });

  it('lists a round to allocate once its deadline has passed, and drops it once allocated', async () => {
    await submissionDeadlineIn('3 days');
    // 20 of 24 published before the deadline: not ready yet.
    expect(await ofKind(maria, 'ROUND_TO_ALLOCATE')).toEqual([]);

    await submissionDeadlineIn('-1 hour');
    expect(await ofKind(maria, 'ROUND_TO_ALLOCATE')).toEqual([
      expect.objectContaining({ roundId: ROUND, cohortId: COHORT, publishedCount: 20 }),
    ]);
    await maria.ok(APPLY, { roundId: ROUND });
    expect(await ofKind(maria, 'ROUND_TO_ALLOCATE')).toEqual([]);
    // The allocation keeps the leader assignment made before it instead of adding a second one.
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM review_assignment
        WHERE analysis_id = $1 AND kind = 'LEADER' AND cancelled_at IS NULL`,
      [analysisOf.get('given')],
    );
    expect(n).toBe(2);
  });

  it('after allocation, a leader giving feedback through their assignment clears it for both', async () => {
    const waiting = await ofKind(johan, 'LEADER_FEEDBACK');
    expect(waiting).toHaveLength(19);
    const target = waiting[0].analysisId;
    const { myReviewTasks } = await johan.ok(MY_LEADER_TASKS, { roundId: ROUND });
    const mine = myReviewTasks.find((t: { analysisId: string }) => t.analysisId === target);
    await johan.ok(GIVE, { assignmentId: mine.id, input: feedbackInput('todo') });

    expect((await ofKind(maria, 'LEADER_FEEDBACK')).map((i) => i.analysisId)).not.toContain(target);
    expect(await ofKind(maria, 'LEADER_FEEDBACK')).toHaveLength(18);
    expect(await ofKind(johan, 'LEADER_FEEDBACK')).toHaveLength(18);
  });

  it('lists a late publisher in an allocated round, and drops them once a critical friend is added', async () => {
    const late = people[20];
    const lateAnalysis = (await publishDirectly(api.db, ROUND, [late.id])).get(late.id);
    const items = await ofKind(maria, 'LATE_PUBLISHER');
    expect(items).toEqual([
      expect.objectContaining({ roundId: ROUND, analysisId: lateAnalysis, authorName: late.fullName }),
    ]);
    const reviewer = people.find((p) => p.schoolId !== late.schoolId) ?? people[0];
    await maria.ok(ADD_REVIEWER, { a: lateAnalysis, r: reviewer.id });
    expect(await ofKind(maria, 'LATE_PUBLISHER')).toEqual([]);
  });

  it('is personal: a participant and an administrator who lead no cohort get an empty list', async () => {
    for (const email of [SARA, ADMIN]) {
      expect(await todo(await api.signedIn(email))).toEqual([]);
    }
  });
});
