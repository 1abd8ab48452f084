import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import { COHORT, LEADER_EMAILS, LEADER_IDS, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const EKBACKE = DEMO_IDS.school(1);

const PROGRESS = `query($cohortId: ID!, $status: ProgressFilter) {
  cohortProgress(cohortId: $cohortId, status: $status, first: 100) {
    totalCount
    nodes {
      person { id } schoolId needsSupport
      supportReasons { code roundNumbers message }
    }
  }
}`;

/**
 * Course rule 8 through the API: one rule for the follow-up filter, the course leader's matrix and
 * the school leader's page, built only from what is in the participant's own hands.
 */
describe('who needs support, and why', () => {
  let api: TestApi;
  let people: Participant[];
  let late: Participant;
  let absent: Participant;

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    late = people.find((p) => p.schoolId === EKBACKE) as Participant;
    absent = people.find((p) => p.schoolId === EKBACKE && p.id !== late.id) as Participant;
    // Round 1 past both deadlines; every later round still ahead.
    await api.db.query(
      `UPDATE analysis_round
          SET opens_at = now() - interval '30 days', submission_deadline = now() - interval '10 days',
              feedback_deadline = now() - interval '3 days'
        WHERE id = $1`,
      [DEMO_IDS.round(1)],
    );
    await api.db.query(
      `UPDATE analysis_round
          SET opens_at = now() + (number * interval '20 days'),
              submission_deadline = now() + (number * interval '20 days') + interval '10 days',
              feedback_deadline = now() + (number * interval '20 days') + interval '17 days'
        WHERE cohort_id = $1 AND number > 1`,
      [COHORT],
    );
    // Everyone was at every meeting held so far, except `absent`.
    await api.db.query(
      `INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id)
       SELECT mt.id, m.person_id, 'PRESENT', $2
         FROM meeting mt JOIN cohort_membership m ON m.cohort_id = mt.cohort_id AND m.role = 'PARTICIPANT'
        WHERE mt.cohort_id = $1 AND mt.starts_at < now() AND m.person_id <> $3`,
      [COHORT, LEADER_IDS[0], absent.id],
    );
    // Everyone but `late` published round 1; nobody has had any feedback on it yet, past its
    // deadline: that is the critical friends' and the leaders' debt, not the authors'.
    await publishDirectly(
      api.db,
      DEMO_IDS.round(1),
      people.filter((p) => p.id !== late.id).map((p) => p.id),
    );
  });
  afterAll(() => api.close());

  it('flags only those with something overdue in their own hands, each with its reasons', async () => {
    const [{ held }] = await api.db.query(
      `SELECT count(*)::int AS held FROM meeting WHERE cohort_id = $1 AND starts_at < now()`,
      [COHORT],
    );
    const maria = await api.signedIn(LEADER_EMAILS[0]);
    const { cohortProgress } = await maria.ok(PROGRESS, { cohortId: COHORT, status: 'NEEDS_SUPPORT' });
    const flagged = new Map(
      cohortProgress.nodes.map((n: { person: { id: string }; supportReasons: unknown[] }) => [
        n.person.id,
        n.supportReasons,
      ]),
    );
    const expected = new Map<string, unknown[]>([
      [
        late.id,
        [
          {
            code: 'ANALYSIS_OVERDUE',
            roundNumbers: [1],
            message: 'The analysis of round 1 is not published and its deadline has passed.',
          },
        ],
      ],
    ]);
    if (held > 0) {
      expected.set(absent.id, [
        {
          code: 'ATTENDANCE_BEHIND',
          roundNumbers: [],
          message: `Attended 0 of the ${held} meeting${held === 1 ? '' : 's'} held so far, fewer than required.`,
        },
      ]);
    }
    expect(flagged).toEqual(expected);
    expect(cohortProgress.totalCount).toBe(expected.size);

    const all = await maria.ok(PROGRESS, { cohortId: COHORT });
    for (const n of all.cohortProgress.nodes) {
      expect(n.needsSupport).toBe(n.supportReasons.length > 0);
    }
  });

  it("shows the school leader the same reasons for their own school's teachers", async () => {
    const rektor = await api.signedIn('rektor.ekbacke@larkby.example');
    const { cohortProgress } = await rektor.ok(PROGRESS, { cohortId: COHORT, status: 'NEEDS_SUPPORT' });
    const ids = cohortProgress.nodes.map((n: { person: { id: string } }) => n.person.id);
    expect(ids).toContain(late.id);
    expect(cohortProgress.nodes.every((n: { schoolId: string }) => n.schoolId === EKBACKE)).toBe(true);
    const lateRow = cohortProgress.nodes.find((n: { person: { id: string } }) => n.person.id === late.id);
    expect(lateRow.supportReasons.map((r: { code: string }) => r.code)).toEqual(['ANALYSIS_OVERDUE']);
  });
});
