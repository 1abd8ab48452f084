import { DEMO_IDS } from '@stl/api/data-access-db';
import {
  ADMIN,
  KARIN_ID,
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

const VERSION = DEMO_IDS.templateVersion;

const CREATE = `mutation($input: CreateCohortInput!) {
  createCohort(input: $input) { id status viewerRole leaders { fullName } openingProblems { code field required actual } }
}`;
const READ = `query($id: ID!) {
  cohort(id: $id) {
    id status openedAt completedAt allowedTransitions
    leaders { fullName }
    meetings { id number title }
    rounds { id number meeting { number } }
    openingProblems { code field message required actual }
  }
}`;
const ADD_LEADER = `mutation($cohortId: ID!, $personId: ID!) { addCohortLeader(cohortId: $cohortId, personId: $personId) { leaders { fullName } } }`;
const REMOVE_LEADER = `mutation($cohortId: ID!, $personId: ID!) { removeCohortLeader(cohortId: $cohortId, personId: $personId) { leaders { fullName } } }`;
const CREATE_MEETING = `mutation($cohortId: ID!, $input: CreateMeetingInput!) {
  createMeeting(cohortId: $cohortId, input: $input) { id number title mode location videoUrl }
}`;
const UPDATE_MEETING = `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id number title startsAt } }`;
const DELETE_MEETING = `mutation($id: ID!) { deleteMeeting(id: $id) { id meetings { number } } }`;
const CREATE_ROUND = `mutation($cohortId: ID!, $input: CreateAnalysisRoundInput!) {
  createAnalysisRound(cohortId: $cohortId, input: $input) { id number meeting { number } templateVersion { version } }
}`;
const UPDATE_ROUND = `mutation($id: ID!, $input: UpdateAnalysisRoundInput!) {
  updateAnalysisRound(id: $id, input: $input) { id number title meeting { number } templateVersion { id version } }
}`;
const DELETE_ROUND = `mutation($id: ID!) { deleteAnalysisRound(id: $id) { id rounds { number } } }`;
const UPDATE_COHORT = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id name startsOn endsOn } }`;
const OPEN = `mutation($id: ID!) { openCohort(id: $id) { id status openedAt allowedTransitions } }`;
const COMPLETE = `mutation($id: ID!) { completeCohort(id: $id) { id status completedAt } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCohort(id: $id) { id status allowedTransitions } }`;
const ENROL = `mutation($cohortId: ID!, $personIds: [ID!]!) {
  enrolParticipants(cohortId: $cohortId, personIds: $personIds) { personId schoolId leftAt wantsSameSchool person { fullName } }
}`;
const WITHDRAW = `mutation($cohortId: ID!, $personId: ID!) { withdrawParticipant(cohortId: $cohortId, personId: $personId) { personId leftAt } }`;
const SAME_SCHOOL = `mutation($cohortId: ID!, $personId: ID!, $wants: Boolean!) {
  setParticipantSameSchool(cohortId: $cohortId, personId: $personId, wantsSameSchool: $wants) { personId wantsSameSchool }
}`;
const PARTICIPANTS = `query($id: ID!, $all: Boolean) { cohort(id: $id) { participants(includeWithdrawn: $all) { totalCount nodes { personId leftAt } } } }`;
const RECORD = `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) { id attendance { personId status } }
}`;

const newCohort = (name: string) => ({
  organisationId: ORG,
  name,
  schoolYear: '2026/27',
  startsOn: '2026-08-17',
  endsOn: '2027-06-11',
});

describe('setting up a cohort and taking it through its life cycle', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let cohortId: string;
  const meetingIds: string[] = [];
  const roundIds: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    [admin, maria] = await Promise.all([api.signedIn(ADMIN), api.signedIn(MARIA)]);
  });
  afterAll(() => api.close());

  it('lets the administrator create a cohort in planning that lists what it still lacks', async () => {
    const { createCohort } = await admin.ok(CREATE, { input: newCohort('STL Lärkby grupp 2') });
    cohortId = createCohort.id;
    expect(createCohort).toMatchObject({ status: 'PLANNING', viewerRole: 'ADMINISTRATOR', leaders: [] });
    expect(createCohort.openingProblems).toEqual([
      { code: 'TOO_FEW_MEETINGS', field: 'meetings', required: 8, actual: 0 },
      { code: 'TOO_FEW_ROUNDS', field: 'rounds', required: 6, actual: 0 },
      { code: 'NO_CERTIFIED_LEADER', field: 'leaders', required: null, actual: null },
    ]);
  });

  it('adds a certified leader and refuses one whose certification has expired', async () => {
    expect((await admin.ok(ADD_LEADER, { cohortId, personId: MARIA_ID })).addCohortLeader.leaders).toEqual([
      { fullName: 'Maria Berg' },
    ]);
    // Adding the same leader again changes nothing.
    await admin.ok(ADD_LEADER, { cohortId, personId: MARIA_ID });

    const before = await rowCounts(api.db);
    const karin = await admin.request(ADD_LEADER, { cohortId, personId: KARIN_ID });
    expect(karin.errors?.[0].extensions?.code).toBe('CERTIFICATION_INVALID');
    expect(karin.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'personId', code: 'NO_COVERING_CERTIFICATION' }),
    ]);
    const teacher = await admin.request(ADD_LEADER, { cohortId, personId: TEACHER(0) });
    expect(teacher.errors?.[0].extensions?.code).toBe('CERTIFICATION_INVALID');
    expect(teacher.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual([
      'NOT_A_COURSE_LEADER',
      'NO_COVERING_CERTIFICATION',
    ]);
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('refuses to open with 7 meetings and 5 rounds, listing both problems', async () => {
    for (let n = 1; n <= 7; n++) {
      const { createMeeting } = await maria.ok(CREATE_MEETING, { cohortId, input: meetingInput(n) });
      expect(createMeeting.number).toBe(n);
      meetingIds.push(createMeeting.id);
    }
    for (let n = 1; n <= 5; n++) {
      const { createAnalysisRound } = await maria.ok(CREATE_ROUND, {
        cohortId,
        input: roundInput(n, VERSION, { meetingId: meetingIds[n] }),
      });
      expect(createAnalysisRound).toMatchObject({
        number: n,
        meeting: { number: n + 1 },
        templateVersion: { version: 1 },
      });
      roundIds.push(createAnalysisRound.id);
    }
    const refused = await maria.request(OPEN, { id: cohortId });
    expect(refused.errors?.[0].extensions?.code).toBe('COHORT_NOT_READY');
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      {
        field: 'meetings',
        code: 'TOO_FEW_MEETINGS',
        message: 'A cohort needs at least 8 meetings; it has 7.',
      },
      {
        field: 'rounds',
        code: 'TOO_FEW_ROUNDS',
        message: 'A cohort needs at least 6 analysis rounds; it has 5.',
      },
    ]);
    const { cohort } = await maria.ok(READ, { id: cohortId });
    expect(cohort.status).toBe('PLANNING');
    expect(cohort.openedAt).toBeNull();
    expect(cohort.openingProblems.map((p: any) => p.code)).toEqual(['TOO_FEW_MEETINGS', 'TOO_FEW_ROUNDS']);
  });

  it('refuses a round whose deadlines are out of order, with a problem per field, and writes nothing', async () => {
    const before = await rowCounts(api.db);
    const r = await maria.request(CREATE_ROUND, {
      cohortId,
      input: roundInput(6, VERSION, {
        opensAt: '2027-03-10T08:00:00.000Z',
        submissionDeadline: '2027-03-01T08:00:00.000Z',
        feedbackDeadline: '2027-02-20T08:00:00.000Z',
      }),
    });
    expect(r.errors?.[0].extensions?.code).toBe('SCHEDULE_INVALID');
    expect(r.errors?.[0].extensions?.problems).toEqual([
      {
        field: 'submissionDeadline',
        code: 'SUBMISSION_BEFORE_OPENING',
        message: 'The submission deadline must be after the round opens.',
      },
      {
        field: 'feedbackDeadline',
        code: 'FEEDBACK_BEFORE_SUBMISSION',
        message: 'The feedback deadline must be after the submission deadline.',
      },
    ]);
    const outside = await maria.request(CREATE_ROUND, {
      cohortId,
      input: roundInput(6, VERSION, { feedbackDeadline: '2027-07-01T08:00:00.000Z' }),
    });
    expect(outside.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'feedbackDeadline', code: 'OUTSIDE_COHORT_PERIOD' }),
    ]);
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('refuses a meeting that ends before it starts or lies outside the cohort, and writes nothing', async () => {
    const before = await rowCounts(api.db);
    const backwards = await maria.request(CREATE_MEETING, {
      cohortId,
      input: meetingInput(8, { startsAt: '2026-12-02T15:00:00.000Z', endsAt: '2026-12-02T12:00:00.000Z' }),
    });
    expect(backwards.errors?.[0].extensions?.code).toBe('SCHEDULE_INVALID');
    expect(backwards.errors?.[0].extensions?.problems).toEqual([
      {
        field: 'endsAt',
        code: 'MEETING_ENDS_BEFORE_START',
        message: 'The meeting must end after it starts.',
      },
    ]);
    const summer = await maria.request(CREATE_MEETING, {
      cohortId,
      input: meetingInput(8, { startsAt: '2027-07-02T10:00:00.000Z', endsAt: '2027-07-02T12:00:00.000Z' }),
    });
    expect(summer.errors?.[0].extensions?.code).toBe('SCHEDULE_INVALID');
    expect(summer.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual([
      'OUTSIDE_COHORT_PERIOD',
      'OUTSIDE_COHORT_PERIOD',
    ]);
    const noPlace = await maria.request(CREATE_MEETING, {
      cohortId,
      input: meetingInput(8, { mode: 'PHYSICAL', location: '   ', videoUrl: null }),
    });
    expect(noPlace.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noPlace.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual(['LOCATION_REQUIRED']);
    const insecure = await maria.request(CREATE_MEETING, {
      cohortId,
      input: meetingInput(8, { mode: 'DIGITAL', location: null, videoUrl: 'http://meet.example/x' }),
    });
    expect(insecure.errors?.[0].extensions?.problems?.map((p) => p.code)).toEqual(['VIDEO_URL_NOT_HTTPS']);
    const taken = await maria.request(CREATE_MEETING, { cohortId, input: meetingInput(8, { number: 3 }) });
    expect(taken.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(taken.errors?.[0].extensions?.problems?.[0].field).toBe('number');
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('opens once the 8th meeting and 6th round are in place', async () => {
    const { createMeeting } = await maria.ok(CREATE_MEETING, { cohortId, input: meetingInput(8) });
    meetingIds.push(createMeeting.id);
    const { createAnalysisRound } = await maria.ok(CREATE_ROUND, {
      cohortId,
      input: roundInput(6, VERSION, { meetingId: createMeeting.id }),
    });
    roundIds.push(createAnalysisRound.id);
    expect((await maria.ok(READ, { id: cohortId })).cohort.openingProblems).toEqual([]);

    const { openCohort } = await maria.ok(OPEN, { id: cohortId });
    expect(openCohort.status).toBe('OPEN');
    expect(openCohort.openedAt).not.toBeNull();
    expect(openCohort.allowedTransitions).toEqual(['COMPLETED']);
    expect(await maria.code(OPEN, { id: cohortId })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(ARCHIVE, { id: cohortId })).toBe('INVALID_STATE_TRANSITION');
  });

  it('keeps an open cohort ready: no fewer than 8 meetings, 6 rounds or one certified leader', async () => {
    const before = await rowCounts(api.db);
    expect(await maria.code(DELETE_MEETING, { id: meetingIds[0] })).toBe('CONFLICT');
    expect(await maria.code(DELETE_ROUND, { id: roundIds[0] })).toBe('CONFLICT');
    expect(await admin.code(REMOVE_LEADER, { cohortId, personId: MARIA_ID })).toBe('CONFLICT');
    expect(
      await maria.code(UPDATE_COHORT, {
        id: cohortId,
        input: { startsOn: '2026-08-20', endsOn: '2027-06-11' },
      }),
    ).toBe('CONFLICT');
    expect(await rowCounts(api.db)).toEqual(before);

    // Sending the unchanged dates together with a new name is fine.
    const renamed = await maria.ok(UPDATE_COHORT, {
      id: cohortId,
      input: { name: 'STL Lärkby grupp B', startsOn: '2026-08-17', endsOn: '2027-06-11' },
    });
    expect(renamed.updateCohort.name).toBe('STL Lärkby grupp B');

    const { createMeeting: ninth } = await maria.ok(CREATE_MEETING, { cohortId, input: meetingInput(9) });
    expect(ninth.number).toBe(9);
    const moved = await maria.ok(UPDATE_MEETING, {
      id: ninth.id,
      input: { title: 'Extraträff', number: 12 },
    });
    expect(moved.updateMeeting).toMatchObject({ number: 12, title: 'Extraträff' });
    expect(await maria.code(UPDATE_MEETING, { id: ninth.id, input: { number: 2 } })).toBe('CONFLICT');
    expect(
      await maria.code(UPDATE_MEETING, { id: ninth.id, input: { endsAt: '2026-01-01T00:00:00.000Z' } }),
    ).toBe('SCHEDULE_INVALID');
    const { deleteMeeting } = await maria.ok(DELETE_MEETING, { id: ninth.id });
    expect(deleteMeeting.meetings.map((m: any) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('changes and unlinks rounds, and keeps a round that participants have written in', async () => {
    const updated = await maria.ok(UPDATE_ROUND, {
      id: roundIds[0],
      input: { title: 'Första analysen', meetingId: null },
    });
    expect(updated.updateAnalysisRound).toMatchObject({ title: 'Första analysen', meeting: null });

    const { createAnalysisTemplateVersion: v2 } = await admin.ok(
      `mutation($t: ID!, $s: [TemplateSectionInput!]!) { createAnalysisTemplateVersion(templateId: $t, sections: $s) { id version } }`,
      {
        t: DEMO_IDS.template,
        s: [{ key: 'goals', title: 'Mål', prompt: 'Vad ville du att eleverna skulle lära sig?' }],
      },
    );
    expect(v2.version).toBe(2);
    // No one has written in round 2 yet, so it may move to the new version.
    const moved = await maria.ok(UPDATE_ROUND, { id: roundIds[1], input: { templateVersionId: v2.id } });
    expect(moved.updateAnalysisRound.templateVersion).toEqual({ id: v2.id, version: 2 });

    await api.db.query(`INSERT INTO analysis (round_id, cohort_id, author_id) VALUES ($1, $2, $3)`, [
      roundIds[0],
      cohortId,
      TEACHER(0),
    ]);
    const inUse = await maria.request(UPDATE_ROUND, { id: roundIds[0], input: { templateVersionId: v2.id } });
    expect(inUse.errors?.[0].extensions?.code).toBe('TEMPLATE_VERSION_IN_USE');
    const { createAnalysisRound: seventh } = await maria.ok(CREATE_ROUND, {
      cohortId,
      input: roundInput(7, VERSION),
    });
    expect(seventh.number).toBe(7);
    expect(await maria.code(DELETE_ROUND, { id: roundIds[0] })).toBe('CONFLICT');
    const { deleteAnalysisRound } = await maria.ok(DELETE_ROUND, { id: seventh.id });
    expect(deleteAnalysisRound.rounds).toHaveLength(6);
    // The seeded version 1 is unchanged by the new version.
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM template_section WHERE template_version_id = $1`,
      [VERSION],
    );
    expect(n).toBe(6);
  });

  it('enrols teachers all or nothing, copies their school, and keeps withdrawals as history', async () => {
    const three = [TEACHER(0), TEACHER(6), TEACHER(12)];
    const { enrolParticipants } = await maria.ok(ENROL, { cohortId, personIds: three });
    expect(enrolParticipants.map((m: any) => m.schoolId)).toEqual([
      DEMO_IDS.school(1),
      DEMO_IDS.school(2),
      DEMO_IDS.school(3),
    ]);
    // Idempotent.
    expect((await maria.ok(ENROL, { cohortId, personIds: [TEACHER(0)] })).enrolParticipants).toHaveLength(1);

    const before = await rowCounts(api.db);
    const unknown = await maria.request(ENROL, {
      cohortId,
      personIds: [TEACHER(1), '7a0b6c1e-1111-4222-8333-444455556666'],
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].extensions?.problems?.map((p) => p.field)).toEqual(['personIds.1']);
    const notTeachers = await maria.request(ENROL, {
      cohortId,
      personIds: [TEACHER(2), DEMO_IDS.person(10), MARIA_ID],
    });
    expect(notTeachers.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notTeachers.errors?.[0].extensions?.problems?.map((p) => [p.field, p.code])).toEqual([
      ['personIds.1', 'NOT_A_TEACHER'],
      ['personIds.2', 'NOT_A_TEACHER'],
    ]);
    expect(await rowCounts(api.db)).toEqual(before);

    const sara = await api.signedIn(SARA);
    expect(
      (await sara.ok(`query($id: ID!) { cohort(id: $id) { viewerRole } }`, { id: cohortId })).cohort
        .viewerRole,
    ).toBe('PARTICIPANT');
    const { withdrawParticipant } = await maria.ok(WITHDRAW, { cohortId, personId: TEACHER(0) });
    expect(withdrawParticipant.leftAt).not.toBeNull();
    expect((await maria.ok(PARTICIPANTS, { id: cohortId })).cohort.participants.totalCount).toBe(2);
    expect((await maria.ok(PARTICIPANTS, { id: cohortId, all: true })).cohort.participants.totalCount).toBe(
      3,
    );
    expect(await sara.code(`query($id: ID!) { cohort(id: $id) { id } }`, { id: cohortId })).toBe('NOT_FOUND');
    expect(await maria.code(WITHDRAW, { cohortId, personId: TEACHER(3) })).toBe('NOT_FOUND');

    const back = await maria.ok(ENROL, { cohortId, personIds: [TEACHER(0)] });
    expect(back.enrolParticipants[0].leftAt).toBeNull();
    expect((await maria.ok(PARTICIPANTS, { id: cohortId })).cohort.participants.totalCount).toBe(3);

    const wants = await maria.ok(SAME_SCHOOL, { cohortId, personId: TEACHER(6), wants: true });
    expect(wants.setParticipantSameSchool).toEqual({ personId: TEACHER(6), wantsSameSchool: true });
  });

  it('records attendance for participants only, in one go, and corrects it', async () => {
    const meetingId = meetingIds[0];
    const before = await rowCounts(api.db);
    const stranger = await maria.request(RECORD, {
      meetingId,
      entries: [
        { personId: TEACHER(0), status: 'PRESENT' },
        { personId: TEACHER(1), status: 'PRESENT' }, // enrolled in the seeded cohort, not this one
      ],
    });
    expect(stranger.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(stranger.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'entries.1.personId', code: 'NOT_A_PARTICIPANT' }),
    ]);
    expect(await rowCounts(api.db)).toEqual(before);

    await maria.ok(RECORD, {
      meetingId,
      entries: [
        { personId: TEACHER(0), status: 'PRESENT' },
        { personId: TEACHER(6), status: 'ABSENT' },
      ],
    });
    const corrected = await admin.ok(RECORD, {
      meetingId,
      entries: [{ personId: TEACHER(6), status: 'EXCUSED' }],
    });
    expect(corrected.recordAttendance.attendance).toEqual(
      expect.arrayContaining([
        { personId: TEACHER(0), status: 'PRESENT' },
        { personId: TEACHER(6), status: 'EXCUSED' },
      ]),
    );
    expect((await rowCounts(api.db)).attendance).toBe(before.attendance + 2);
    const [row] = await api.db.query(
      `SELECT recorded_by_id FROM attendance WHERE meeting_id = $1 AND person_id = $2`,
      [meetingId, TEACHER(6)],
    );
    expect(row.recorded_by_id).toBe(DEMO_IDS.person(1));
  });

  it('completes (attendance can still be corrected) and archives (read-only)', async () => {
    const { completeCohort } = await maria.ok(COMPLETE, { id: cohortId });
    expect(completeCohort.status).toBe('COMPLETED');
    expect(completeCohort.completedAt).not.toBeNull();
    expect(await maria.code(CREATE_MEETING, { cohortId, input: meetingInput(9) })).toBe('CONFLICT');
    expect(await maria.code(ENROL, { cohortId, personIds: [TEACHER(3)] })).toBe('CONFLICT');
    await maria.ok(RECORD, {
      meetingId: meetingIds[1],
      entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
    });
    expect(await maria.code(COMPLETE, { id: cohortId })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(OPEN, { id: cohortId })).toBe('INVALID_STATE_TRANSITION');

    const { archiveCohort } = await admin.ok(ARCHIVE, { id: cohortId });
    expect(archiveCohort).toEqual({ id: cohortId, status: 'ARCHIVED', allowedTransitions: [] });
    const before = await rowCounts(api.db);
    expect(await maria.code(UPDATE_COHORT, { id: cohortId, input: { name: 'Arkiv' } })).toBe('CONFLICT');
    expect(
      await maria.code(RECORD, {
        meetingId: meetingIds[2],
        entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
      }),
    ).toBe('CONFLICT');
    expect(await maria.code(ARCHIVE, { id: cohortId })).toBe('INVALID_STATE_TRANSITION');
    expect(await rowCounts(api.db)).toEqual(before);
    // Still readable.
    expect((await maria.ok(READ, { id: cohortId })).cohort.meetings).toHaveLength(8);
  });

  it('archives a cohort that never started, and keeps planned items inside changed dates', async () => {
    const { createCohort } = await admin.ok(CREATE, { input: newCohort('Inställd omgång') });
    const id = createCohort.id;
    expect(await maria.code(CREATE_MEETING, { cohortId: id, input: meetingInput(1) })).toBe('NOT_FOUND');
    await admin.ok(CREATE_MEETING, { cohortId: id, input: meetingInput(1) }); // 2026-09-01
    const clash = await admin.request(UPDATE_COHORT, { id, input: { startsOn: '2026-10-01' } });
    expect(clash.errors?.[0].extensions?.code).toBe('SCHEDULE_INVALID');
    expect(clash.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'startsOn', code: 'MEETING_OUTSIDE_PERIOD' }),
    ]);
    const moved = await admin.ok(UPDATE_COHORT, {
      id,
      input: { startsOn: '2026-08-24', endsOn: '2027-06-04' },
    });
    expect(moved.updateCohort).toMatchObject({ startsOn: '2026-08-24', endsOn: '2027-06-04' });

    const { archiveCohort } = await admin.ok(ARCHIVE, { id });
    expect(archiveCohort.status).toBe('ARCHIVED');
    expect(await admin.code(OPEN, { id })).toBe('INVALID_STATE_TRANSITION');
  });

  it('numbers meetings and rounds created at the same moment one after another', async () => {
    const { createCohort } = await admin.ok(CREATE, {
      input: { ...newCohort('Samtidig planering'), leaderIds: [MARIA_ID] },
    });
    const id = createCohort.id;
    const meetings = await Promise.all(
      [1, 2, 3, 4].map((n) => maria.ok(CREATE_MEETING, { cohortId: id, input: meetingInput(n) })),
    );
    expect(meetings.map((m) => m.createMeeting.number).sort()).toEqual([1, 2, 3, 4]);
    const rounds = await Promise.all(
      [1, 2, 3].map((n) => maria.ok(CREATE_ROUND, { cohortId: id, input: roundInput(n, VERSION) })),
    );
    expect(rounds.map((r) => r.createAnalysisRound.number).sort()).toEqual([1, 2, 3]);
  });

  it('lets a leader be removed from a cohort in planning, keeping the history', async () => {
    const { createCohort } = await admin.ok(CREATE, {
      input: { ...newCohort('Grupp C'), leaderIds: [MARIA_ID, DEMO_IDS.person(3)] },
    });
    expect(createCohort.leaders).toEqual([{ fullName: 'Johan Ek' }, { fullName: 'Maria Berg' }]);
    const { removeCohortLeader } = await admin.ok(REMOVE_LEADER, {
      cohortId: createCohort.id,
      personId: MARIA_ID,
    });
    expect(removeCohortLeader.leaders).toEqual([{ fullName: 'Johan Ek' }]);
    const [row] = await api.db.query(
      `SELECT left_at FROM cohort_membership WHERE cohort_id = $1 AND person_id = $2 AND role = 'LEADER'`,
      [createCohort.id, MARIA_ID],
    );
    expect(row.left_at).not.toBeNull();
    expect(await maria.code(`query($id: ID!) { cohort(id: $id) { id } }`, { id: createCohort.id })).toBe(
      'NOT_FOUND',
    );

    const withKarin = await admin.request(CREATE, {
      input: { ...newCohort('Grupp D'), leaderIds: [KARIN_ID] },
    });
    expect(withKarin.errors?.[0].extensions?.code).toBe('CERTIFICATION_INVALID');
    expect(withKarin.errors?.[0].extensions?.problems?.[0].field).toBe('leaderIds.0');
  });

  it('refuses a course leader without a valid certification to create a cohort, and the seeded cohort stays open', async () => {
    const karin = await api.signedIn('karin.sjo@larkby.example');
    const before = await rowCounts(api.db);
    expect(await karin.code(CREATE, { input: newCohort('Karins omgång') })).toBe('CERTIFICATION_INVALID');
    const teacher = await api.signedIn(SARA);
    expect(await teacher.code(CREATE, { input: newCohort('Saras omgång') })).toBe('FORBIDDEN');
    expect(await rowCounts(api.db)).toEqual(before);
    const { cohort } = await admin.ok(READ, { id: SEEDED });
    expect(cohort.status).toBe('OPEN');
  });
});
