import { DEMO_IDS } from '@stl/api/data-access-db';
import {
  ADMIN,
  MARIA,
  ORG,
  SEEDED,
  TEACHER,
  addOrganisation,
  meetingInput,
  roundInput,
  rowCounts,
} from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const UNKNOWN = '7a0b6c1e-1111-4222-8333-444455556666';

const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id } }`;
const CREATE_MEETING = `mutation($cohortId: ID!, $input: CreateMeetingInput!) { createMeeting(cohortId: $cohortId, input: $input) { id } }`;
const UPDATE_MEETING = `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`;
const CREATE_ROUND = `mutation($cohortId: ID!, $input: CreateAnalysisRoundInput!) { createAnalysisRound(cohortId: $cohortId, input: $input) { id } }`;
const ENROL = `mutation($cohortId: ID!, $personIds: [ID!]!) { enrolParticipants(cohortId: $cohortId, personIds: $personIds) { personId } }`;
const RECORD = `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }`;
const CREATE_TEMPLATE = `mutation($input: CreateAnalysisTemplateInput!) {
  createAnalysisTemplate(input: $input) { id name versions { version sections { key position required helpText } } latestVersion { version } }
}`;
const NEW_VERSION = `mutation($t: ID!, $s: [TemplateSectionInput!]!) { createAnalysisTemplateVersion(templateId: $t, sections: $s) { id version } }`;

const cohort = (overrides: Record<string, unknown> = {}) => ({
  organisationId: ORG,
  name: 'STL Lärkby vår',
  schoolYear: '2026/27',
  startsOn: '2026-08-17',
  endsOn: '2027-06-11',
  ...overrides,
});
const sections = [
  { key: 'goals', title: 'Mål', prompt: 'Vad ville du att eleverna skulle lära sig?' },
  { key: 'next', title: 'Nästa steg', prompt: 'Vad gör du härnäst?', helpText: 'Konkret.', required: false },
];

describe('bad input to the cohort features: typed errors, nothing written', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let before: Record<string, number>;

  /** The first error's code and the fields of its problems (each field once). */
  async function refusal(client: GqlClient, query: string, variables: Record<string, unknown>) {
    const r = await client.request(query, variables);
    expect(r.errors?.length).toBeGreaterThan(0);
    const [e] = r.errors ?? [];
    return {
      code: e.extensions?.code,
      fields: [...new Set((e.extensions?.problems ?? []).map((p) => p.field))],
      message: e.message,
    };
  }

  beforeAll(async () => {
    api = await startTestApi();
    [admin, maria] = await Promise.all([api.signedIn(ADMIN), api.signedIn(MARIA)]);
    before = await rowCounts(api.db);
  });
  afterAll(() => api.close());

  it('refuses malformed ids as BAD_USER_INPUT before touching the database', async () => {
    expect(
      await refusal(maria, `query($id: ID!) { cohort(id: $id) { id } }`, { id: 'not-a-uuid' }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['id'],
    });
    expect(
      await refusal(maria, `query($id: ID!) { meeting(id: $id) { id } }`, { id: "1' OR '1'='1" }),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(maria, CREATE_MEETING, { cohortId: '42', input: meetingInput(9) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['cohortId'],
    });
    expect(await refusal(maria, ENROL, { cohortId: SEEDED, personIds: [TEACHER(0), 'abc'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['personIds'],
    });
    expect(
      await refusal(maria, RECORD, {
        meetingId: DEMO_IDS.meeting(1),
        entries: [{ personId: 'x', status: 'PRESENT' }],
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['entries.0.personId'] });
    expect(
      await refusal(admin, CREATE, { input: cohort({ organisationId: 'org', leaderIds: ['nope'] }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['organisationId', 'leaderIds'] });
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    expect((await refusal(maria, `query($id: ID!) { cohort(id: $id) { id } }`, { id: UNKNOWN })).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(maria, CREATE_MEETING, { cohortId: UNKNOWN, input: meetingInput(9) })).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(maria, UPDATE_MEETING, { id: UNKNOWN, input: { title: 'X' } })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await refusal(maria, `mutation($id: ID!) { deleteAnalysisRound(id: $id) { id } }`, { id: UNKNOWN }))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(maria, CREATE_ROUND, { cohortId: SEEDED, input: roundInput(7, UNKNOWN) })).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refusal(maria, CREATE_ROUND, {
          cohortId: SEEDED,
          input: roundInput(7, DEMO_IDS.templateVersion, { meetingId: UNKNOWN }),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refusal(
          admin,
          `mutation($c: ID!, $p: ID!) { addCohortLeader(cohortId: $c, personId: $p) { id } }`,
          {
            c: SEEDED,
            p: UNKNOWN,
          },
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refusal(maria, RECORD, {
          meetingId: UNKNOWN,
          entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(admin, `query($id: ID!) { analysisTemplate(id: $id) { id } }`, { id: UNKNOWN })).code,
    ).toBe('NOT_FOUND');
  });

  it("refuses another organisation's template version and another cohort's meeting for a round", async () => {
    const other = await addOrganisation(api.db, 'Söderby kommun', 'soderby');
    const [t] = await api.db.query(
      `INSERT INTO analysis_template (organisation_id, name) VALUES ($1, 'Söderbys mall') RETURNING id`,
      [other.id],
    );
    const [v] = await api.db.query(
      `INSERT INTO analysis_template_version (template_id, version) VALUES ($1, 1) RETURNING id`,
      [t.id],
    );
    const counts = await rowCounts(api.db);
    const foreign = await refusal(maria, CREATE_ROUND, { cohortId: SEEDED, input: roundInput(7, v.id) });
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.message).not.toContain('Söderby');

    const { createCohort } = await admin.ok(CREATE, { input: cohort({ name: 'Annan omgång' }) });
    const { createMeeting } = await admin.ok(
      `mutation($cohortId: ID!, $input: CreateMeetingInput!) { createMeeting(cohortId: $cohortId, input: $input) { id } }`,
      { cohortId: createCohort.id, input: meetingInput(1) },
    );
    const elsewhere = await refusal(maria, CREATE_ROUND, {
      cohortId: SEEDED,
      input: roundInput(7, DEMO_IDS.templateVersion, { meetingId: createMeeting.id }),
    });
    expect(elsewhere.code).toBe('NOT_FOUND');
    await api.db.query(`DELETE FROM meeting WHERE cohort_id = $1`, [createCohort.id]);
    await api.db.query(`DELETE FROM cohort WHERE id = $1`, [createCohort.id]);
    expect(await rowCounts(api.db)).toEqual(counts);
  });

  it('refuses empty, whitespace-only and oversized text with a problem per field', async () => {
    expect(await refusal(admin, CREATE, { input: cohort({ name: '   ' }) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['name'],
    });
    expect(await refusal(admin, CREATE, { input: cohort({ name: 'x'.repeat(201) }) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['name'],
    });
    expect(
      await refusal(maria, CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9, { title: '' }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['title'] });
    const huge = await refusal(maria, CREATE_MEETING, {
      cohortId: SEEDED,
      input: meetingInput(9, {
        preparation: 'x'.repeat(20_001),
        theme: 't'.repeat(301),
        discussionQuestions: [...Array.from({ length: 21 }, (_, i) => `Fråga ${i}?`)],
      }),
    });
    expect(huge.code).toBe('BAD_USER_INPUT');
    expect(huge.fields.sort()).toEqual(['discussionQuestions', 'preparation', 'theme']);
    expect(
      await refusal(maria, CREATE_MEETING, {
        cohortId: SEEDED,
        input: meetingInput(9, { discussionQuestions: ['Bra?', ' '] }),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['discussionQuestions'] });
    expect(await refusal(maria, UPDATE, { id: SEEDED, input: { name: null } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['name'],
    });
    expect(
      await refusal(admin, CREATE_TEMPLATE, {
        input: {
          organisationId: ORG,
          name: ' ',
          sections: [{ key: 'Goals!', title: '', prompt: 'p'.repeat(5001) }],
        },
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['name', 'sections.0.key', 'sections.0.title', 'sections.0.prompt'],
    });
    expect(
      await refusal(admin, CREATE_TEMPLATE, {
        input: { organisationId: ORG, name: 'Tom mall', sections: [] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['sections'] });
    expect(
      await refusal(admin, CREATE_TEMPLATE, {
        input: {
          organisationId: ORG,
          name: 'Dubbel',
          sections: [sections[0], { ...sections[1], key: 'goals' }],
        },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['sections.1.key'] });
  });

  it('refuses impossible dates and school years', async () => {
    expect(
      await refusal(admin, CREATE, { input: cohort({ startsOn: '2027-01-10', endsOn: '2026-09-01' }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsOn'] });
    expect(await refusal(admin, CREATE, { input: cohort({ endsOn: '2027-02-29' }) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['endsOn'],
    });
    expect(await refusal(admin, CREATE, { input: cohort({ schoolYear: '2026/28' }) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['schoolYear'],
    });
    expect(await refusal(admin, CREATE, { input: cohort({ endsOn: '2027-08-15' }) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['endsOn'],
    });
    const r = await admin.request(CREATE, {
      input: cohort({ startsOn: '2027-01-10', endsOn: '2026-09-01' }),
    });
    expect(r.errors?.[0].extensions?.problems?.[0]).toEqual({
      field: 'endsOn',
      code: 'ENDS_BEFORE_START',
      message: 'The cohort must end on or after the day it starts.',
    });
  });

  it('refuses wrong types and out-of-range numbers', async () => {
    expect((await refusal(admin, CREATE, { input: cohort({ peersPerAnalysis: 'two' }) })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await refusal(admin, CREATE, { input: cohort({ name: 42 }) })).code).toBe('BAD_USER_INPUT');
    expect(
      await refusal(admin, CREATE, { input: cohort({ peersPerAnalysis: 7, requiredAttendanceShare: 1.5 }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['requiredAttendanceShare', 'peersPerAnalysis'] });
    expect((await refusal(admin, CREATE, { input: cohort({ unknownField: true }) })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await refusal(maria, CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9, { mode: 'HYBRID' }) }))
        .code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await refusal(maria, CREATE_MEETING, {
          cohortId: SEEDED,
          input: meetingInput(9, { startsAt: 'tomorrow' }),
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      await refusal(maria, CREATE_MEETING, { cohortId: SEEDED, input: meetingInput(9, { number: 0 }) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['number'] });
    expect(
      (
        await refusal(maria, RECORD, {
          meetingId: DEMO_IDS.meeting(1),
          entries: [{ personId: TEACHER(0), status: 'LATE' }],
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(await refusal(maria, RECORD, { meetingId: DEMO_IDS.meeting(1), entries: [] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['entries'],
    });
    expect(
      await refusal(
        maria,
        `query($id: ID!) { cohort(id: $id) { participants(first: 1000) { totalCount } } }`,
        { id: SEEDED },
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });
    expect(await refusal(maria, `{ cohorts(after: "Zm9yZ2Vk") { totalCount } }`, {})).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['after'],
    });
  });

  it('has written nothing after all the refusals above (apart from fixtures it removed)', async () => {
    const after = await rowCounts(api.db);
    expect({
      ...after,
      analysis_template: before.analysis_template,
      analysis_template_version: before.analysis_template_version,
    }).toEqual(before);
    expect(after.analysis_template - before.analysis_template).toBe(1); // Söderby's, made behind the API
  });

  it('creates a template with version 1 and adds versions without touching earlier ones', async () => {
    const { createAnalysisTemplate: t } = await admin.ok(CREATE_TEMPLATE, {
      input: { organisationId: ORG, name: '  Kort mall  ', description: 'Två steg.', sections },
    });
    expect(t.name).toBe('Kort mall');
    expect(t.versions).toEqual([
      {
        version: 1,
        sections: [
          { key: 'goals', position: 1, required: true, helpText: '' },
          { key: 'next', position: 2, required: false, helpText: 'Konkret.' },
        ],
      },
    ]);
    const { createAnalysisTemplateVersion: v2 } = await admin.ok(NEW_VERSION, { t: t.id, s: [sections[1]] });
    expect(v2.version).toBe(2);
    const read = await maria.ok(
      `query($id: ID!) { analysisTemplate(id: $id) { versions { version sections { key } } latestVersion { version } } }`,
      { id: t.id },
    );
    expect(read.analysisTemplate).toEqual({
      versions: [
        { version: 1, sections: [{ key: 'goals' }, { key: 'next' }] },
        { version: 2, sections: [{ key: 'next' }] },
      ],
      latestVersion: { version: 2 },
    });
  });
});
