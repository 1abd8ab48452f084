import {
  AnalysisEntity,
  AttendanceEntity,
  AttendanceStatus,
  DEMO_IDS,
  FeedbackEntity,
  MeetingEntity,
  ReviewAssignmentEntity,
  ReviewerKind,
} from '@stl/api/data-access-db';
import { CohortEntity, cohortFacts } from '@stl/api/data-access-db';
import type { CohortFacts, CompletionScope } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import { APPLY, COHORT, LEADER_EMAILS, LEADER_IDS, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/**
 * The aggregates behind progress (`cohortFacts`, two statements) against the same facts counted
 * from the entities one by one: a wrong join, filter or cast in the SQL shows as a difference.
 */
describe('cohortFacts (the SQL of the progress read path)', () => {
  let api: TestApi;
  let people: Participant[];
  let cohort: CohortEntity;
  const everyone: CompletionScope = { schoolIds: null, includeWithdrawn: false };
  const facts = (now = new Date(), scope = everyone): Promise<CohortFacts> =>
    cohortFacts(api.db.manager, cohort, scope, now);

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    const maria = await api.signedIn(LEADER_EMAILS[0]);
    await publishDirectly(
      api.db,
      DEMO_IDS.round(1),
      people.map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: DEMO_IDS.round(1) });
    const tasks = await api.db.getRepository(ReviewAssignmentEntity).find({ order: { id: 'ASC' } });
    // Uneven facts: a third of the tasks done with feedback, one cancelled, attendance for some.
    for (const [i, t] of tasks.entries()) {
      if (i % 3 === 0) {
        await api.db.query(
          `INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
           SELECT $1, $2, v.id, $3, $4, 'Fungerar väl', 'Frågor', 'Nästa steg'
             FROM analysis_version v WHERE v.analysis_id = $2 AND v.version = 1`,
          [t.id, t.analysisId, t.reviewerId, t.kind],
        );
        await api.db.getRepository(ReviewAssignmentEntity).update(t.id, { completedAt: new Date() });
      }
    }
    const peer = tasks.find((t, i) => t.kind === ReviewerKind.PEER && i % 3 !== 0);
    if (peer) await api.db.getRepository(ReviewAssignmentEntity).update(peer.id, { cancelledAt: new Date() });
    const meetings = await api.db.getRepository(MeetingEntity).find({ where: { cohortId: COHORT } });
    for (const [i, p] of people.slice(0, 5).entries()) {
      for (const mt of meetings.slice(0, i + 1)) {
        await api.db.getRepository(AttendanceEntity).insert({
          meetingId: mt.id,
          personId: p.id,
          status: i === 4 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT,
          recordedById: LEADER_IDS[0],
        });
      }
    }
    cohort = await api.db.getRepository(CohortEntity).findOneByOrFail({ id: COHORT });
  });
  afterAll(() => api.close());

  it('counts feedback per analysis: critical friends, and whether the leader gave it', async () => {
    const analyses = await api.db.getRepository(AnalysisEntity).find({ where: { cohortId: COHORT } });
    const feedback = await api.db.getRepository(FeedbackEntity).find();
    const expected = analyses
      .map((a) => {
        const mine = feedback.filter((f) => f.analysisId === a.id);
        return {
          analysisId: a.id,
          peer: mine.filter((f) => f.kind === ReviewerKind.PEER).length,
          leader: mine.some((f) => f.kind === ReviewerKind.LEADER),
        };
      })
      .filter((r) => feedback.some((f) => f.analysisId === r.analysisId));
    const { participants } = await facts();
    const got = participants.flatMap((p) =>
      [...p.analyses].map(([roundId, a]) => {
        const analysis = analyses.find((x) => x.authorId === p.member.personId && x.roundId === roundId);
        return { analysisId: analysis?.id, peer: a.peerFeedback, leader: a.leaderFeedback, status: a.status };
      }),
    );
    // Every analysis of the participants, with its status; those without feedback count none.
    expect(got).toHaveLength(analyses.length);
    expect(got.every((g) => analyses.some((a) => a.id === g.analysisId && a.status === g.status))).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((r) => r.leader) && expected.some((r) => r.peer > 0)).toBe(true);
    expect(got.filter((g) => g.peer === 0 && !g.leader).length).toBe(analyses.length - expected.length);
    expect(
      sortBy(
        got
          .filter((g) => g.peer > 0 || g.leader)
          .map(({ analysisId, peer, leader }) => ({ analysisId, peer, leader })),
        'analysisId',
      ),
    ).toEqual(sortBy(expected, 'analysisId'));
  });

  it('counts live critical-friend tasks per reviewer and round, and how many are done', async () => {
    const tasks = await api.db
      .getRepository(ReviewAssignmentEntity)
      .find({ where: { cohortId: COHORT, kind: ReviewerKind.PEER } });
    const live = tasks.filter((t) => !t.cancelledAt);
    expect(live.length).toBeLessThan(tasks.length);
    const keys = [...new Set(live.map((t) => `${t.reviewerId}:${t.roundId}`))];
    const expected = keys.map((k) => {
      const [personId, roundId] = k.split(':');
      const mine = live.filter((t) => t.reviewerId === personId && t.roundId === roundId);
      return { personId, roundId, total: mine.length, done: mine.filter((t) => t.completedAt).length };
    });
    const got = (await facts()).participants.flatMap((p) =>
      [...p.tasks].map(([roundId, t]) => ({ personId: p.member.personId, roundId, ...t })),
    );
    expect(sortBy(got, 'personId')).toEqual(sortBy(expected, 'personId'));
  });

  it('counts the meetings planned and those started by a given time', async () => {
    const meetings = await api.db.getRepository(MeetingEntity).find({ where: { cohortId: COHORT } });
    const starts = meetings.map((m) => m.startsAt.getTime()).sort((a, b) => a - b);
    const now = new Date((starts[2] as number) + 60_000);
    expect((await facts(now)).meetings).toEqual({ planned: meetings.length, held: 3 });
    const none = await cohortFacts(api.db.manager, { ...cohort, id: DEMO_IDS.organisation }, everyone, now);
    expect(none).toMatchObject({ meetings: { planned: 0, held: 0 }, rounds: [], participants: [] });
  });

  it('counts the meetings each person attended (present only)', async () => {
    const expected = people.map((p, i) => ({ personId: p.id, attended: i < 4 ? i + 1 : 0 }));
    const got = (await facts()).participants.map((p) => ({
      personId: p.member.personId,
      attended: p.attended,
    }));
    expect(sortBy(got, 'personId')).toEqual(sortBy(expected, 'personId'));
  });

  it("reads one person's or some schools' participants only, with their person and school", async () => {
    const [one] = people;
    const mine = await facts(new Date(), { ...everyone, personId: one.id });
    expect(mine.participants.map((p) => p.member.personId)).toEqual([one.id]);
    expect(mine.participants[0].member.person?.fullName).toEqual(expect.any(String));
    expect(mine.rounds.map((r) => r.number)).toEqual(
      [...mine.rounds].map((r) => r.number).sort((a, b) => a - b),
    );
    const all = (await facts()).participants;
    const school = all.find((p) => p.member.schoolId)?.member.schoolId as string;
    const bySchool = await facts(new Date(), { ...everyone, schoolIds: [school] });
    expect(bySchool.participants.map((p) => p.member.personId).sort()).toEqual(
      all
        .filter((p) => p.member.schoolId === school)
        .map((p) => p.member.personId)
        .sort(),
    );
    expect(
      bySchool.participants.every((p) => typeof p.schoolName === 'string' && p.schoolName.length > 0),
    ).toBe(true);
  });
});

function sortBy<T>(rows: readonly T[], key: keyof T): T[] {
  return [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}
