import { DEMO_IDS } from '@stl/api/data-access-db';
import { ADMIN, JOHAN_ID, KARIN_ID, MARIA, meetingInput, roundInput } from './cohort.fixtures';
import { SAVE, PUBLISH, answers } from './support/analysis-fixtures';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  feedbackInput,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

/**
 * ADR 0012: every command that changes something inside a cohort goes through one boundary that
 * checks the lifecycle table. A COMPLETED and then an ARCHIVED cohort refuse every kind of change,
 * from every feature, with a typed error, and nothing is written: every row of every table that
 * holds cohort data, and the outbox, is the same before and after the attempts.
 */
const TABLES = [
  'cohort',
  'cohort_membership',
  'meeting',
  'attendance',
  'analysis_round',
  'analysis',
  'analysis_version',
  'round_allocation',
  'review_assignment',
  'feedback',
  'feedback_comment',
  'cohort_reminder_settings',
  'outbox_message',
] as const;

const M = {
  updateCohort: `mutation($id: ID!) { updateCohort(id: $id, input: { name: "Nytt namn" }) { id } }`,
  addLeader: `mutation($c: ID!, $p: ID!) { addCohortLeader(cohortId: $c, personId: $p) { id } }`,
  removeLeader: `mutation($c: ID!, $p: ID!) { removeCohortLeader(cohortId: $c, personId: $p) { id } }`,
  enrol: `mutation($c: ID!, $p: [ID!]!) { enrolParticipants(cohortId: $c, personIds: $p) { personId } }`,
  withdraw: `mutation($c: ID!, $p: ID!) { withdrawParticipant(cohortId: $c, personId: $p) { personId } }`,
  sameSchool: `mutation($c: ID!, $p: ID!) { setParticipantSameSchool(cohortId: $c, personId: $p, wantsSameSchool: true) { personId } }`,
  createMeeting: `mutation($c: ID!, $i: CreateMeetingInput!) { createMeeting(cohortId: $c, input: $i) { id } }`,
  updateMeeting: `mutation($id: ID!) { updateMeeting(id: $id, input: { title: "Flyttad" }) { id } }`,
  deleteMeeting: `mutation($id: ID!) { deleteMeeting(id: $id) { id } }`,
  createRound: `mutation($c: ID!, $i: CreateAnalysisRoundInput!) { createAnalysisRound(cohortId: $c, input: $i) { id } }`,
  updateRound: `mutation($id: ID!) { updateAnalysisRound(id: $id, input: { title: "Ny titel" }) { id } }`,
  deleteRound: `mutation($id: ID!) { deleteAnalysisRound(id: $id) { id } }`,
  attendance: `mutation($m: ID!, $e: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $m, entries: $e) { id } }`,
  repair: `mutation($r: ID!) { repairAllocation(roundId: $r) { applied } }`,
  lock: `mutation($r: ID!) { lockAllocation(roundId: $r) { roundId } }`,
  addReviewer: `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`,
  removeReviewer: `mutation($id: ID!) { removeReviewer(assignmentId: $id) { id } }`,
  swapReviewer: `mutation($id: ID!, $r: ID!) { swapReviewer(assignmentId: $id, newReviewerId: $r) { id } }`,
  comment: `mutation($f: ID!) { commentOnFeedback(feedbackId: $f, body: "Bra återkoppling") { id } }`,
  reply: `mutation($f: ID!) { replyToFeedback(feedbackId: $f, body: "Tack!") { id } }`,
  helpful: `mutation($f: ID!) { markFeedbackHelpful(feedbackId: $f, helpful: true) { id } }`,
  nudge: `mutation($i: NudgeParticipantInput!) { nudgeParticipant(input: $i) { outcome } }`,
  reminders: `mutation($c: ID!) { updateCohortReminderSettings(cohortId: $c, input: { leaderNoticeAfterDays: 12 }) { cohortId } }`,
  complete: `mutation($id: ID!) { completeCohort(id: $id) { status } }`,
  archive: `mutation($id: ID!) { archiveCohort(id: $id) { status } }`,
  open: `mutation($id: ID!) { openCohort(id: $id) { status } }`,
};

describe('a completed or archived cohort refuses every change, from every feature, and writes nothing', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let admin: GqlClient;
  /** A critical friend with one task done (feedback given) and one open. */
  let reviewer: GqlClient;
  /** The author of the analysis that got the feedback. */
  let author: GqlClient;
  /** A participant with a saved, unpublished draft in round 1. */
  let writer: GqlClient;
  let draft: { id: string; revision: number };
  let openTask: { id: string; analysis_id: string };
  let feedbackId: string;
  let spare: Participant;
  const ROUND = DEMO_IDS.round(1);
  const byId = (id: string) => people.find((p) => p.id === id) as Participant;

  /** Every row of every cohort table, as text: equal snapshots mean nothing was written. */
  const snapshot = async () => {
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const t of TABLES) {
      const [row] = await api.db.query(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM ${t} t`,
      );
      out[t] = row;
    }
    return out;
  };

  /** Each change inside the cohort, one per kind and feature, as the person who may make it. */
  const attempts = (): [string, () => Promise<string | undefined>][] => [
    ['updateCohort', () => maria.code(M.updateCohort, { id: COHORT })],
    ['addCohortLeader', () => admin.code(M.addLeader, { c: COHORT, p: KARIN_ID })],
    ['removeCohortLeader', () => admin.code(M.removeLeader, { c: COHORT, p: JOHAN_ID })],
    ['enrolParticipants', () => maria.code(M.enrol, { c: COHORT, p: [people[0].id] })],
    ['withdrawParticipant', () => maria.code(M.withdraw, { c: COHORT, p: people[1].id })],
    ['setParticipantSameSchool', () => maria.code(M.sameSchool, { c: COHORT, p: people[2].id })],
    ['createMeeting', () => maria.code(M.createMeeting, { c: COHORT, i: meetingInput(9) })],
    ['updateMeeting', () => maria.code(M.updateMeeting, { id: DEMO_IDS.meeting(8) })],
    ['deleteMeeting', () => maria.code(M.deleteMeeting, { id: DEMO_IDS.meeting(8) })],
    [
      'createAnalysisRound',
      () => maria.code(M.createRound, { c: COHORT, i: roundInput(7, DEMO_IDS.templateVersion) }),
    ],
    ['updateAnalysisRound', () => maria.code(M.updateRound, { id: DEMO_IDS.round(6) })],
    ['deleteAnalysisRound', () => maria.code(M.deleteRound, { id: DEMO_IDS.round(6) })],
    [
      'saveAnalysisDraft',
      () =>
        writer.code(SAVE, {
          input: { roundId: ROUND, expectedRevision: draft.revision, answers: answers('Sent') },
        }),
    ],
    [
      'publishAnalysis',
      () =>
        writer.code(PUBLISH, {
          input: { analysisId: draft.id, expectedRevision: draft.revision, confirmNoPupilIdentifiable: true },
        }),
    ],
    ['applyAllocation', () => maria.code(APPLY, { roundId: ROUND })],
    ['repairAllocation', () => maria.code(M.repair, { r: ROUND })],
    ['lockAllocation', () => maria.code(M.lock, { r: ROUND })],
    ['addReviewer', () => maria.code(M.addReviewer, { a: openTask.analysis_id, r: spare.id })],
    ['removeReviewer', () => maria.code(M.removeReviewer, { id: openTask.id })],
    ['swapReviewer', () => maria.code(M.swapReviewer, { id: openTask.id, r: spare.id })],
    ['giveFeedback', () => reviewer.code(GIVE, { assignmentId: openTask.id, input: feedbackInput('Sent') })],
    ['commentOnFeedback', () => maria.code(M.comment, { f: feedbackId })],
    ['replyToFeedback', () => author.code(M.reply, { f: feedbackId })],
    ['markFeedbackHelpful', () => author.code(M.helpful, { f: feedbackId })],
    ['nudgeParticipant', () => maria.code(M.nudge, { i: { cohortId: COHORT, personId: people[3].id } })],
    ['updateCohortReminderSettings', () => maria.code(M.reminders, { c: COHORT })],
  ];

  const attendance = (client: GqlClient) =>
    client.request(M.attendance, {
      m: DEMO_IDS.meeting(1),
      e: [{ personId: people[4].id, status: 'PRESENT' }],
    });

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    [maria, admin] = await Promise.all([api.signedIn(MARIA), api.signedIn(ADMIN)]);
    // While the cohort runs: round 1 published by all but one, allocated, one feedback given.
    const last = people[people.length - 1];
    await publishDirectly(
      api.db,
      ROUND,
      people.filter((p) => p !== last).map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: ROUND });
    writer = await api.signedIn(last.email);
    const saved = await writer.ok(SAVE, {
      input: { roundId: ROUND, expectedRevision: 0, answers: answers('Utkast') },
    });
    draft = { id: saved.saveAnalysisDraft.id, revision: saved.saveAnalysisDraft.draft.revision };
    const live = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER');
    const done = live[0];
    reviewer = await api.signedIn(byId(done.reviewer_id).email);
    const given = await reviewer.ok(GIVE, { assignmentId: done.id, input: feedbackInput('Klar') });
    feedbackId = given.giveFeedback.id;
    const [{ author_id: authorId }] = await api.db.query(`SELECT author_id FROM analysis WHERE id = $1`, [
      done.analysis_id,
    ]);
    author = await api.signedIn(byId(authorId).email);
    openTask = live.find((a) => a.reviewer_id === done.reviewer_id && a.id !== done.id) as typeof openTask;
    const reviewersOfOpen = live
      .filter((a) => a.analysis_id === openTask.analysis_id)
      .map((a) => a.reviewer_id);
    const [{ author_id: openAuthor }] = await api.db.query(`SELECT author_id FROM analysis WHERE id = $1`, [
      openTask.analysis_id,
    ]);
    spare = people.find(
      (p) => p !== last && p.id !== openAuthor && !reviewersOfOpen.includes(p.id),
    ) as Participant;
  });
  afterAll(() => api.close());

  it('refuses every change with CONFLICT (ROUND_NOT_OPEN for analyses) once completed, but corrects attendance', async () => {
    expect((await maria.ok(M.complete, { id: COHORT })).completeCohort.status).toBe('COMPLETED');
    const before = await snapshot();
    const codes: Record<string, string | undefined> = {};
    for (const [name, attempt] of attempts()) codes[name] = await attempt();
    const expected = Object.fromEntries(
      attempts().map(([name]) => [
        name,
        name === 'saveAnalysisDraft' || name === 'publishAnalysis' ? 'ROUND_NOT_OPEN' : 'CONFLICT',
      ]),
    );
    expect(codes).toEqual(expected);
    // The life cycle moves forward only.
    expect(await maria.code(M.open, { id: COHORT })).toBe('INVALID_STATE_TRANSITION');
    expect(await snapshot()).toEqual(before);

    // What a real course needs after the last meeting: its register may still be corrected.
    const corrected = await attendance(maria);
    expect(corrected.errors).toBeUndefined();
    const [row] = await api.db.query(
      `SELECT status FROM attendance WHERE meeting_id = $1 AND person_id = $2`,
      [DEMO_IDS.meeting(1), people[4].id],
    );
    expect(row.status).toBe('PRESENT');
  });

  it('refuses every change with CONFLICT once archived, attendance too', async () => {
    expect((await maria.ok(M.archive, { id: COHORT })).archiveCohort.status).toBe('ARCHIVED');
    const before = await snapshot();
    const codes: Record<string, string | undefined> = {};
    for (const [name, attempt] of attempts()) codes[name] = await attempt();
    codes['recordAttendance'] = (await attendance(maria)).errors?.[0].extensions?.code;
    expect(codes).toEqual(
      Object.fromEntries(
        [...attempts().map(([name]) => name), 'recordAttendance'].map((n) => [n, 'CONFLICT']),
      ),
    );
    expect(await maria.code(M.open, { id: COHORT })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(M.archive, { id: COHORT })).toBe('INVALID_STATE_TRANSITION');
    expect(await snapshot()).toEqual(before);
  });

  it('still answers outsiders and the wrong people as before: NOT_FOUND and FORBIDDEN come first', async () => {
    const stranger = await api.signedIn(people[5].email);
    // A participant may not run the cohort, whatever its status…
    expect(await stranger.code(M.updateCohort, { id: COHORT })).toBe('FORBIDDEN');
    // …and an id that does not exist is NOT_FOUND, not CONFLICT.
    expect(await maria.code(M.updateMeeting, { id: DEMO_IDS.round(99) })).toBe('NOT_FOUND');
  });
});
