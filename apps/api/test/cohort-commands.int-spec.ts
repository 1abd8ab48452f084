import { DEMO_IDS } from '@stl/api/data-access-db';
import {
  ADMIN,
  MARIA,
  MARIA_ID,
  ORG,
  SARA,
  SEEDED,
  TEACHER,
  meetingInput,
  roundInput,
  rowCounts,
} from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** Issue 10: a whole class list and a whole round plan are each one command in one transaction. */

const VERSION = DEMO_IDS.templateVersion;
const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const ADD_LEADER = `mutation($cohortId: ID!, $personId: ID!) { addCohortLeader(cohortId: $cohortId, personId: $personId) { id } }`;
const CREATE_MEETING = `mutation($cohortId: ID!, $input: CreateMeetingInput!) { createMeeting(cohortId: $cohortId, input: $input) { id } }`;
const ENROL = `mutation($cohortId: ID!, $personIds: [ID!]!) { enrolParticipants(cohortId: $cohortId, personIds: $personIds) { personId leftAt } }`;
const PLAN = `mutation($cohortId: ID!, $rounds: [RoundPlanInput!]!) {
  planRounds(cohortId: $cohortId, rounds: $rounds) { id rounds { id number title meeting { id } } }
}`;
const ROUNDS = `query($id: ID!) { cohort(id: $id) { rounds { id number title templateVersion { id } opensAt submissionDeadline feedbackDeadline } } }`;

describe('one command for a whole list: enrolment and round plans', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let sara: GqlClient;
  let cohortId: string;
  let teachers: string[];
  let inactive: string;
  let requests = 0;

  beforeAll(async () => {
    api = await startTestApi();
    [admin, maria, sara] = await Promise.all([api.signedIn(ADMIN), api.signedIn(MARIA), api.signedIn(SARA)]);
    const { createCohort } = await admin.ok(CREATE, {
      input: {
        organisationId: ORG,
        name: 'STL Lärkby hela kommunen',
        schoolYear: '2026/27',
        startsOn: '2026-08-17',
        endsOn: '2027-06-11',
      },
    });
    cohortId = createCohort.id;
    await admin.ok(ADD_LEADER, { cohortId, personId: MARIA_ID });
    // A municipality's worth of teachers, made behind the API.
    const rows: { id: string }[] = await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, school_id)
       SELECT $1, 'larare' || n || '@larkby.example', 'Lärare ' || n, $2 FROM generate_series(1, 203) AS n
       RETURNING id`,
      [ORG, DEMO_IDS.school(1)],
    );
    teachers = rows.map((r) => r.id);
    inactive = teachers.pop() as string;
    await api.db.query(`UPDATE person SET active = false WHERE id = $1`, [inactive]);
    await api.db.query(
      `INSERT INTO role_grant (person_id, role, organisation_id) SELECT unnest($1::uuid[]), 'TEACHER', $2`,
      [teachers, ORG],
    );
  });
  afterAll(() => api.close());

  const participants = async (): Promise<number> =>
    Number(
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM cohort_membership WHERE cohort_id = $1 AND role = 'PARTICIPANT' AND left_at IS NULL`,
          [cohortId],
        )
      )[0].n,
    );

  it('refuses a list of 200 with two bad rows, naming both rows, and enrols nobody', async () => {
    const list = teachers.slice(0, 198);
    list.splice(17, 0, DEMO_IDS.person(10)); // not a teacher
    list.splice(150, 0, inactive); // account switched off
    expect(list).toHaveLength(200);
    const before = await rowCounts(api.db);
    const res = await maria.request(ENROL, { cohortId, personIds: list });
    requests++;
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.problems?.map((p) => [p.field, p.code])).toEqual([
      ['personIds.17', 'NOT_A_TEACHER'],
      ['personIds.150', 'PERSON_INACTIVE'],
    ]);
    expect(await rowCounts(api.db)).toEqual(before);
    expect(await participants()).toBe(0);
  });

  it('enrols a list of 200 in one call', async () => {
    const list = teachers.slice(0, 200);
    const { enrolParticipants } = await maria.ok(ENROL, { cohortId, personIds: list });
    requests++;
    expect(enrolParticipants.map((m: { personId: string }) => m.personId)).toEqual(list);
    expect(await participants()).toBe(200);
    expect(requests).toBe(2);
    // Again with two more: idempotent for the 200, the two are added.
    await maria.ok(ENROL, { cohortId, personIds: teachers });
    expect(await participants()).toBe(202);
  });

  it('refuses a list longer than the documented maximum, and a participant', async () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => teachers[i % teachers.length]);
    const res = await maria.request(ENROL, { cohortId, personIds: tooMany });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const before = await rowCounts(api.db);
    expect(await sara.code(ENROL, { cohortId: SEEDED, personIds: [TEACHER(2)] })).toBe('FORBIDDEN');
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('plans six rounds in one call, then changes, renumbers and removes them in one call', async () => {
    for (let n = 1; n <= 8; n++) await maria.ok(CREATE_MEETING, { cohortId, input: meetingInput(n) });
    const six = Array.from({ length: 6 }, (_, i) => ({ number: i + 1, ...roundInput(i + 1, VERSION) }));
    const { planRounds } = await maria.ok(PLAN, { cohortId, rounds: six });
    expect(planRounds.rounds.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);

    const [r1, r2, , , , r6] = planRounds.rounds;
    const swapped = [
      { id: r2.id, number: 1, ...roundInput(1, VERSION, { title: 'Först' }) },
      { id: r1.id, number: 2, ...roundInput(2, VERSION) },
      ...planRounds.rounds.slice(2, 5).map((r: { id: string; number: number }) => ({
        id: r.id,
        number: r.number,
        ...roundInput(r.number, VERSION),
      })),
    ];
    const after = (await admin.ok(PLAN, { cohortId, rounds: swapped })).planRounds.rounds;
    expect(after.map((r: { id: string; number: number }) => [r.id, r.number])).toEqual([
      [r2.id, 1],
      [r1.id, 2],
      ...planRounds.rounds.slice(2, 5).map((r: { id: string; number: number }) => [r.id, r.number]),
    ]);
    expect(after.some((r: { id: string }) => r.id === r6.id)).toBe(false);
    expect(after[0].title).toBe('Först');
  });

  it('refuses a plan with one invalid round and changes nothing', async () => {
    const before = await maria.ok(ROUNDS, { id: cohortId });
    const counts = await rowCounts(api.db);
    const plan = Array.from({ length: 6 }, (_, i) => ({ number: i + 1, ...roundInput(i + 1, VERSION) }));
    plan[3] = { ...plan[3], feedbackDeadline: plan[3].opensAt };
    const res = await maria.request(PLAN, { cohortId, rounds: plan });
    expect(res.errors?.[0].extensions?.code).toBe('SCHEDULE_INVALID');
    expect(res.errors?.[0].extensions?.problems?.map((p) => [p.field, p.code])).toEqual([
      ['rounds.3.feedbackDeadline', 'FEEDBACK_BEFORE_SUBMISSION'],
    ]);
    expect(await rowCounts(api.db)).toEqual(counts);
    expect(await maria.ok(ROUNDS, { id: cohortId })).toEqual(before);

    expect(await sara.code(PLAN, { cohortId: SEEDED, rounds: [] })).toBe('FORBIDDEN');
    expect(await rowCounts(api.db)).toEqual(counts);
  });

  it('refuses to remove a round participants have published in', async () => {
    const { cohort } = await maria.ok(ROUNDS, { id: cohortId });
    const [first, ...rest] = cohort.rounds;
    await api.db.query(
      `INSERT INTO analysis (round_id, cohort_id, author_id, status, published_version, first_published_at, last_published_at)
       VALUES ($1, $2, $3, 'PUBLISHED', 1, now(), now())`,
      [first.id, cohortId, teachers[0]],
    );
    const plan = rest.map((r: Record<string, any>) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      opensAt: r.opensAt,
      submissionDeadline: r.submissionDeadline,
      feedbackDeadline: r.feedbackDeadline,
    }));
    const counts = await rowCounts(api.db);
    const res = await maria.request(PLAN, { cohortId, rounds: plan });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual(['ROUND_HAS_ANALYSES']);
    expect(await rowCounts(api.db)).toEqual(counts);
    expect((await maria.ok(ROUNDS, { id: cohortId })).cohort.rounds).toHaveLength(cohort.rounds.length);
  });
});
