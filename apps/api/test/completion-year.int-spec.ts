import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  LEADER_EMAILS,
  LEADER_IDS,
  LOCK,
  feedbackInput,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const PROGRESS = `query($cohortId: ID!) {
  cohortProgress(cohortId: $cohortId, first: 100) {
    totalCount
    nodes {
      person { id } completed publishedCount completeCount tasksDone tasksTotal
      meetingsAttended meetingsPlanned meetingsRequired attendanceMet
      missing { code }
    }
  }
}`;

describe('a whole year for the seeded cohort ends with every participant completed', () => {
  let api: TestApi;
  let people: Participant[];
  const clients = new Map<string, GqlClient>();

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    for (const email of [...LEADER_EMAILS, ...people.map((p) => p.email)]) {
      const c = await api.signedIn(email);
      const [{ id }] = await api.db.query(`SELECT id FROM person WHERE email = $1`, [email]);
      clients.set(id, c);
    }
  });
  afterAll(() => api.close());

  // About 600 feedbacks through the API: 30 s alone, far longer on a busy machine.
  it('runs six rounds: publish, allocate and lock through the API, then all feedback', async () => {
    const maria = clients.get(LEADER_IDS[0]) as GqlClient;
    for (let n = 1; n <= 6; n++) {
      const roundId = DEMO_IDS.round(n);
      await publishDirectly(
        api.db,
        roundId,
        people.map((p) => p.id),
      );
      const { applyAllocation } = await maria.ok(APPLY, { roundId });
      expect(applyAllocation).toMatchObject({ created: 48, leaderAssignmentsCreated: 48, unmet: [] });
      expect(applyAllocation.stats).toMatchObject({
        repeatedPairs: 0,
        crossSchoolShare: 1,
        loadMin: 2,
        loadMax: 2,
      });
      await maria.ok(LOCK, { roundId });

      // Round 1 entirely through the API (48 peer and 48 leader feedbacks); later rounds every
      // sixth assignment through the API and the rest in bulk, to keep the test fast.
      const live = await liveAssignments(api.db, roundId);
      expect(live).toHaveLength(96);
      const viaApi = n === 1 ? live : live.filter((_, i) => i % 6 === 0);
      await Promise.all(
        viaApi.map((a) =>
          (clients.get(a.reviewer_id) as GqlClient).ok(GIVE, {
            assignmentId: a.id,
            input: feedbackInput(`Runda ${n}`),
          }),
        ),
      );
      await api.db.query(
        `WITH given AS (
           INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
           SELECT ra.id, ra.analysis_id, v.id, ra.reviewer_id, ra.kind, $2, $2, $2
             FROM review_assignment ra
             JOIN analysis a ON a.id = ra.analysis_id
             JOIN analysis_version v ON v.analysis_id = a.id AND v.version = a.published_version
            WHERE ra.round_id = $1 AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
           RETURNING assignment_id)
         UPDATE review_assignment SET completed_at = now() WHERE id IN (SELECT assignment_id FROM given)`,
        [roundId, 'Återkoppling given direkt i databasen för årets test, minst femtio tecken.'],
      );
    }
    const [{ open }] = await api.db.query(
      `SELECT count(*)::int AS open FROM review_assignment WHERE cohort_id = $1 AND cancelled_at IS NULL AND completed_at IS NULL`,
      [COHORT],
    );
    expect(open).toBe(0);

    // Rotation over the year: every teacher was reviewed by 12 different peers, none twice.
    const pairs: { author: string; peers: number; reviews: number }[] = await api.db.query(
      `SELECT a.author_id AS author, count(DISTINCT ra.reviewer_id)::int AS peers, count(*)::int AS reviews
         FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id
        WHERE ra.cohort_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL
        GROUP BY a.author_id`,
      [COHORT],
    );
    expect(pairs).toHaveLength(24);
    for (const p of pairs) expect(p).toMatchObject({ peers: 12, reviews: 12 });
  }, 240_000);

  it('is not completed while attendance is below the required share', async () => {
    const maria = clients.get(LEADER_IDS[0]) as GqlClient;
    const { cohortProgress } = await maria.ok(PROGRESS, { cohortId: COHORT });
    expect(cohortProgress.totalCount).toBe(24);
    for (const row of cohortProgress.nodes) {
      expect(row).toMatchObject({
        completed: false,
        publishedCount: 6,
        completeCount: 6,
        tasksDone: 12,
        tasksTotal: 12,
        attendanceMet: false,
        missing: [{ code: 'ATTENDANCE_TOO_LOW' }],
      });
    }
  });

  it('completes everyone once attendance reaches 75 % of the meetings', async () => {
    // Everyone attends meetings 1–6; every other participant also meetings 7 and 8.
    await api.db.query(
      `INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id)
       SELECT m.id, p.person_id, 'PRESENT', $2
         FROM meeting m
         JOIN (SELECT person_id, row_number() OVER (ORDER BY person_id) AS i
                 FROM cohort_membership WHERE cohort_id = $1 AND role = 'PARTICIPANT') p
           ON m.number <= 6 OR p.i % 2 = 0
        WHERE m.cohort_id = $1`,
      [COHORT, LEADER_IDS[0]],
    );
    // An absence on a seventh meeting does not count as attendance.
    await api.db.query(`UPDATE attendance SET status = 'ABSENT' WHERE meeting_id = $1 AND person_id = $2`, [
      DEMO_IDS.meeting(7),
      people[1].id,
    ]);
    const maria = clients.get(LEADER_IDS[0]) as GqlClient;
    const { cohortProgress } = await maria.ok(PROGRESS, { cohortId: COHORT });
    expect(cohortProgress.nodes).toHaveLength(24);
    for (const row of cohortProgress.nodes) {
      expect(row).toMatchObject({
        completed: true,
        missing: [],
        meetingsPlanned: 8,
        meetingsRequired: 6,
        attendanceMet: true,
      });
      expect(row.meetingsAttended).toBeGreaterThanOrEqual(6);
    }
    const { myProgress } = await (clients.get(people[7].id) as GqlClient).ok(
      `query($c: ID!) { myProgress(cohortId: $c) { completed rounds { complete leaderFeedback peerFeedbackCount } } }`,
      { c: COHORT },
    );
    expect(myProgress.completed).toBe(true);
    expect(myProgress.rounds).toHaveLength(6);
    for (const r of myProgress.rounds)
      expect(r).toEqual({ complete: true, leaderFeedback: true, peerFeedbackCount: 2 });
  });
});
