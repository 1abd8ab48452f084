import { DEMO_IDS } from '@stl/api/data-access-db';
import {
  ADMIN,
  EKBACKE,
  INGRID,
  JOHAN,
  MARIA,
  ORG,
  REKTOR_EKBACKE,
  SARA,
  SEEDED,
  TEACHER,
  addOrganisation,
  addPerson,
  meetingInput,
  rowCounts,
} from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const COHORT = `query($id: ID!) {
  cohort(id: $id) {
    id name status schoolYear startsOn endsOn viewerRole viewerCanManage allowedTransitions
    leaders { fullName }
    meetings { id number title mode }
    rounds { id number title meeting { number } templateVersion { version sections { key position } } }
    participants(first: 100) { totalCount nodes { personId schoolId person { fullName } } }
  }
}`;
const MEETING = `query($id: ID!) { meeting(id: $id) { id number attendance { personId status person { fullName } } } }`;
const ROUND = `query($id: ID!) { analysisRound(id: $id) { id number templateVersion { id } } }`;
const PARTICIPANTS = `query($id: ID!, $schoolId: ID, $first: Int, $after: String) {
  cohort(id: $id) { participants(schoolId: $schoolId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { personId schoolId person { fullName } }
  } }
}`;
const CREATE_MEETING = `mutation($cohortId: ID!, $input: CreateMeetingInput!) { createMeeting(cohortId: $cohortId, input: $input) { id } }`;
const UPDATE_COHORT = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id name } }`;
const ENROL = `mutation($cohortId: ID!, $personIds: [ID!]!) { enrolParticipants(cohortId: $cohortId, personIds: $personIds) { personId } }`;
const RECORD = `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) { id attendance { personId status } }
}`;
const ADD_LEADER = `mutation($cohortId: ID!, $personId: ID!) { addCohortLeader(cohortId: $cohortId, personId: $personId) { id } }`;

describe('who may see and run a cohort', () => {
  let api: TestApi;
  let maria: GqlClient;
  let johan: GqlClient;
  let sara: GqlClient;
  let rektor: GqlClient;
  let outsider: GqlClient;
  let outsideAdmin: GqlClient;
  let newTeacher: GqlClient;

  beforeAll(async () => {
    api = await startTestApi();
    const other = await addOrganisation(api.db, 'Norrviks kommun', 'norrvik');
    await addPerson(api.db, {
      organisationId: other.id,
      email: 'lena.larare@norrvik.example',
      fullName: 'Lena Lärare',
      schoolId: other.schoolId,
      roles: ['TEACHER'],
    });
    await addPerson(api.db, {
      organisationId: other.id,
      email: 'admin@norrvik.example',
      fullName: 'Nils Admin',
      roles: ['ADMINISTRATOR', 'COURSE_LEADER'],
      certification: { issuedOn: '2025-01-01', validUntil: '2030-06-30' },
    });
    await addPerson(api.db, {
      organisationId: ORG,
      email: 'ny.larare@larkby.example',
      fullName: 'Ny Lärare',
      schoolId: EKBACKE,
      roles: ['TEACHER'],
    });
    [maria, johan, sara, rektor, outsider, outsideAdmin, newTeacher] = await Promise.all(
      [
        MARIA,
        JOHAN,
        SARA,
        REKTOR_EKBACKE,
        'lena.larare@norrvik.example',
        'admin@norrvik.example',
        'ny.larare@larkby.example',
      ].map((e) => api.signedIn(e)),
    );
  });
  afterAll(() => api.close());

  it('lets the course leader read the seeded cohort with its 8 meetings, 6 rounds, leaders and participants', async () => {
    const { cohort } = await maria.ok(COHORT, { id: SEEDED });
    expect(cohort).toMatchObject({
      name: 'STL Lärkby 2026/27',
      status: 'OPEN',
      schoolYear: '2026/27',
      startsOn: '2026-08-17',
      endsOn: '2027-06-11',
      viewerRole: 'LEADER',
      viewerCanManage: true,
      allowedTransitions: ['COMPLETED'],
      leaders: [{ fullName: 'Johan Ek' }, { fullName: 'Maria Berg' }],
    });
    expect(cohort.meetings.map((m: any) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cohort.rounds.map((r: any) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cohort.rounds[0].meeting).toEqual({ number: 2 });
    expect(cohort.rounds[0].templateVersion.version).toBe(1);
    expect(cohort.rounds[0].templateVersion.sections.map((s: any) => s.key)).toEqual([
      'goals',
      'plan',
      'outcome',
      'evidence',
      'effect',
      'next',
    ]);
    expect(cohort.participants.totalCount).toBe(24);

    const ready = await maria.ok(`query($id: ID!) { cohort(id: $id) { openingProblems { code } } }`, {
      id: SEEDED,
    });
    expect(ready.cohort.openingProblems).toEqual([]);
  });

  it('lists the cohorts each person may see', async () => {
    const LIST = `{ cohorts { totalCount nodes { id viewerRole } } }`;
    for (const [client, role] of [
      [maria, 'LEADER'],
      [sara, 'PARTICIPANT'],
      [rektor, 'SCHOOL_LEADER'],
      [await api.signedIn(ADMIN), 'ADMINISTRATOR'],
    ] as const) {
      const { cohorts } = await client.ok(LIST);
      expect(cohorts.nodes).toContainEqual({ id: SEEDED, viewerRole: role });
    }
    expect((await newTeacher.ok(LIST)).cohorts).toEqual({ totalCount: 0, nodes: [] });
    expect((await outsider.ok(LIST)).cohorts).toEqual({ totalCount: 0, nodes: [] });
    expect(
      await outsider.code(`query($o: ID!) { cohorts(organisationId: $o) { totalCount } }`, { o: ORG }),
    ).toBe('NOT_FOUND');
  });

  it('shows nothing of the cohort to a teacher of another organisation, even by guessed ids', async () => {
    for (const client of [outsider, outsideAdmin]) {
      expect(await client.code(COHORT, { id: SEEDED })).toBe('NOT_FOUND');
      const guessedMeeting = await client.request(MEETING, { id: DEMO_IDS.meeting(3) });
      expect(guessedMeeting.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(guessedMeeting.errors?.[0].message).not.toContain(SEEDED);
      expect(guessedMeeting.data).toBeNull();
      expect(await client.code(ROUND, { id: DEMO_IDS.round(2) })).toBe('NOT_FOUND');
      expect(
        await client.code(`query($id: ID!) { analysisTemplate(id: $id) { name } }`, {
          id: DEMO_IDS.template,
        }),
      ).toBe('NOT_FOUND');
      expect(
        await client.code(`query($o: ID) { analysisTemplates(organisationId: $o) { id } }`, { o: ORG }),
      ).toBe('NOT_FOUND');
    }
  });

  it('refuses every change from another organisation with NOT_FOUND and writes nothing', async () => {
    const before = await rowCounts(api.db);
    expect(await outsideAdmin.code(CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9) })).toBe(
      'NOT_FOUND',
    );
    expect(await outsideAdmin.code(UPDATE_COHORT, { id: SEEDED, input: { name: 'Kapad' } })).toBe(
      'NOT_FOUND',
    );
    expect(await outsideAdmin.code(ENROL, { cohortId: SEEDED, personIds: [TEACHER(0)] })).toBe('NOT_FOUND');
    expect(
      await outsideAdmin.code(RECORD, {
        meetingId: DEMO_IDS.meeting(1),
        entries: [{ personId: TEACHER(0), status: 'ABSENT' }],
      }),
    ).toBe('NOT_FOUND');
    expect(
      await outsideAdmin.code(`mutation($id: ID!) { deleteMeeting(id: $id) { id } }`, {
        id: DEMO_IDS.meeting(8),
      }),
    ).toBe('NOT_FOUND');
    expect(await outsideAdmin.code(`mutation($id: ID!) { openCohort(id: $id) { id } }`, { id: SEEDED })).toBe(
      'NOT_FOUND',
    );
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('hides the cohort from a teacher of the organisation who is not enrolled', async () => {
    expect(await newTeacher.code(COHORT, { id: SEEDED })).toBe('NOT_FOUND');
    expect(await newTeacher.code(MEETING, { id: DEMO_IDS.meeting(1) })).toBe('NOT_FOUND');
    expect(await newTeacher.code(ROUND, { id: DEMO_IDS.round(1) })).toBe('NOT_FOUND');
    expect(await newTeacher.code(CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9) })).toBe(
      'NOT_FOUND',
    );
  });

  it('lets a participant read the cohort but change nothing', async () => {
    const { cohort } = await sara.ok(COHORT, { id: SEEDED });
    expect(cohort.viewerRole).toBe('PARTICIPANT');
    expect(cohort.viewerCanManage).toBe(false);
    expect(cohort.meetings).toHaveLength(8);
    expect(cohort.participants.totalCount).toBe(24);

    const problems = await sara.request(
      `query($id: ID!) { cohort(id: $id) { name openingProblems { code } } }`,
      {
        id: SEEDED,
      },
    );
    expect(problems.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(problems.data).toEqual({ cohort: { name: 'STL Lärkby 2026/27', openingProblems: null } });

    const before = await rowCounts(api.db);
    expect(await sara.code(CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9) })).toBe('FORBIDDEN');
    expect(await sara.code(UPDATE_COHORT, { id: SEEDED, input: { name: 'Min kurs' } })).toBe('FORBIDDEN');
    expect(await sara.code(ENROL, { cohortId: SEEDED, personIds: [TEACHER(1)] })).toBe('FORBIDDEN');
    expect(
      await sara.code(RECORD, {
        meetingId: DEMO_IDS.meeting(1),
        entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
      }),
    ).toBe('FORBIDDEN');
    expect(await sara.code(`mutation($id: ID!) { completeCohort(id: $id) { id } }`, { id: SEEDED })).toBe(
      'FORBIDDEN',
    );
    expect(await sara.code(ADD_LEADER, { cohortId: SEEDED, personId: TEACHER(0) })).toBe('FORBIDDEN');
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it("shows a school leader only their own school's participants and changes nothing", async () => {
    const { cohort } = await rektor.ok(PARTICIPANTS, { id: SEEDED });
    expect(cohort.participants.totalCount).toBe(6);
    expect(new Set(cohort.participants.nodes.map((n: any) => n.schoolId))).toEqual(new Set([EKBACKE]));
    const solvik = await rektor.ok(PARTICIPANTS, { id: SEEDED, schoolId: DEMO_IDS.school(2) });
    expect(solvik.cohort.participants.totalCount).toBe(0);
    expect((await rektor.ok(COHORT, { id: SEEDED })).cohort.viewerRole).toBe('SCHOOL_LEADER');
    expect(await rektor.code(UPDATE_COHORT, { id: SEEDED, input: { name: 'Rektorns kurs' } })).toBe(
      'FORBIDDEN',
    );
    expect(await rektor.code(CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9) })).toBe('FORBIDDEN');
  });

  it('pages through participants by name', async () => {
    const first = (await maria.ok(PARTICIPANTS, { id: SEEDED, first: 10 })).cohort.participants;
    expect(first.nodes).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const names = first.nodes.map((n: any) => n.person.fullName);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
    const rest = (await maria.ok(PARTICIPANTS, { id: SEEDED, first: 100, after: first.pageInfo.endCursor }))
      .cohort.participants;
    expect(rest.nodes).toHaveLength(14);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('shows attendance to leaders in full, to a participant only their own, to a school leader their school', async () => {
    const meetingId = DEMO_IDS.meeting(1);
    const recorded = await maria.ok(RECORD, {
      meetingId,
      entries: [
        { personId: TEACHER(0), status: 'PRESENT' }, // Sara, Ekbackeskolan
        { personId: TEACHER(1), status: 'EXCUSED' }, // Erik, Ekbackeskolan
        { personId: TEACHER(6), status: 'ABSENT' }, // Ingrid, Solviksskolan
      ],
    });
    expect(recorded.recordAttendance.attendance).toHaveLength(3);

    const byLeader = (await johan.ok(MEETING, { id: meetingId })).meeting.attendance;
    expect(byLeader.map((a: any) => a.person.fullName)).toEqual([
      'Erik Johansson',
      'Ingrid Svensson',
      'Sara Lindqvist',
    ]);
    const bySara = (await sara.ok(MEETING, { id: meetingId })).meeting.attendance;
    expect(bySara).toEqual([
      { personId: TEACHER(0), status: 'PRESENT', person: { fullName: 'Sara Lindqvist' } },
    ]);
    const byIngrid = (await (await api.signedIn(INGRID)).ok(MEETING, { id: meetingId })).meeting.attendance;
    expect(byIngrid.map((a: any) => a.status)).toEqual(['ABSENT']);
    const byRektor = (await rektor.ok(MEETING, { id: meetingId })).meeting.attendance;
    expect(byRektor.map((a: any) => a.personId).sort()).toEqual([TEACHER(0), TEACHER(1)].sort());
  });

  it('lets a co-leader run the seeded cohort but not a cohort led only by someone else', async () => {
    const renamed = await johan.ok(UPDATE_COHORT, { id: SEEDED, input: { feedbackMinLength: 60 } });
    expect(renamed.updateCohort.id).toBe(SEEDED);

    // Maria is a certified course leader: she may create a cohort, and she alone leads it.
    const created = await maria.ok(
      `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id status viewerRole leaders { fullName } } }`,
      {
        input: {
          organisationId: ORG,
          name: 'STL Lärkby fördjupning',
          schoolYear: '2026/27',
          startsOn: '2026-08-17',
          endsOn: '2027-06-11',
        },
      },
    );
    const marias = created.createCohort;
    expect(marias).toMatchObject({
      status: 'PLANNING',
      viewerRole: 'LEADER',
      leaders: [{ fullName: 'Maria Berg' }],
    });

    expect(await johan.code(COHORT, { id: marias.id })).toBe('NOT_FOUND');
    expect(await johan.code(CREATE_MEETING, { cohortId: marias.id, input: meetingInput(1) })).toBe(
      'NOT_FOUND',
    );
    expect(await johan.code(UPDATE_COHORT, { id: marias.id, input: { name: 'Johans' } })).toBe('NOT_FOUND');
    // Only an administrator decides who leads: Maria cannot add Johan herself.
    expect(await maria.code(ADD_LEADER, { cohortId: marias.id, personId: DEMO_IDS.person(3) })).toBe(
      'FORBIDDEN',
    );
    // Participants of another cohort see nothing of it either.
    expect(await sara.code(COHORT, { id: marias.id })).toBe('NOT_FOUND');

    const admin = await api.signedIn(ADMIN);
    expect((await admin.ok(COHORT, { id: marias.id })).cohort.viewerRole).toBe('ADMINISTRATOR');
    await admin.ok(ADD_LEADER, { cohortId: marias.id, personId: DEMO_IDS.person(3) });
    expect((await johan.ok(COHORT, { id: marias.id })).cohort.viewerRole).toBe('LEADER');
  });

  it('lets members read the organisation’s templates but only administrators write them', async () => {
    const list = await sara.ok(
      `{ analysisTemplates { id name latestVersion { version sections { key } } } }`,
    );
    expect(list.analysisTemplates).toEqual([
      expect.objectContaining({
        id: DEMO_IDS.template,
        latestVersion: expect.objectContaining({ version: 1 }),
      }),
    ]);
    const sections = [{ key: 'goals', title: 'Mål', prompt: 'Vad ville du?' }];
    expect(
      await maria.code(
        `mutation($input: CreateAnalysisTemplateInput!) { createAnalysisTemplate(input: $input) { id } }`,
        { input: { organisationId: ORG, name: 'Egen mall', sections } },
      ),
    ).toBe('FORBIDDEN');
    expect(
      await outsideAdmin.code(
        `mutation($t: ID!, $s: [TemplateSectionInput!]!) { createAnalysisTemplateVersion(templateId: $t, sections: $s) { id } }`,
        { t: DEMO_IDS.template, s: sections },
      ),
    ).toBe('NOT_FOUND');
  });
});
