import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, UNKNOWN_ID, refused, snapshot } from './organisation.fixtures';

const ORGANISATION = `query($id: ID!) { organisation(id: $id) { id name slug } }`;
const SCHOOLS = `query($org: ID!, $first: Int, $after: String) {
  schools(organisationId: $org, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name unitCode peopleCount organisation { name } }
  }
}`;
const SCHOOL = `query($id: ID!) { school(id: $id) { id name unitCode organisation { id name } } }`;
const UPDATE_ORGANISATION = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { id name }
}`;
const CREATE_SCHOOL = `mutation($input: CreateSchoolInput!) {
  createSchool(input: $input) { id name unitCode organisationId peopleCount }
}`;
const UPDATE_SCHOOL = `mutation($id: ID!, $input: UpdateSchoolInput!) {
  updateSchool(id: $id, input: $input) { id name unitCode }
}`;

describe('organisation and schools', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  describe('reading', () => {
    it.each([LARKBY.admin, LARKBY.maria, LARKBY.rektorEkbacke, LARKBY.sara])(
      'shows %s their own organisation and its four schools, by name',
      async (email) => {
        const c = await api.signedIn(email);
        expect((await c.ok(ORGANISATION, { id: LARKBY.organisation })).organisation).toEqual({
          id: LARKBY.organisation,
          name: 'Lärkby kommun',
          slug: 'larkby',
        });
        const { schools } = await c.ok(SCHOOLS, { org: LARKBY.organisation });
        expect(schools.totalCount).toBe(4);
        expect(schools.nodes.map((s: { name: string }) => s.name)).toEqual([
          'Ekbackeskolan',
          'Norrängsskolan',
          'Solviksskolan',
          'Tallåsens skola',
        ]);
        expect(schools.nodes[0].organisation).toEqual({ name: 'Lärkby kommun' });
      },
    );

    it("counts each school's active people (6 teachers, the school leader, a course leader)", async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { schools } = await c.ok(SCHOOLS, { org: LARKBY.organisation });
      const counts = Object.fromEntries(
        schools.nodes.map((s: { name: string; peopleCount: number }) => [s.name, s.peopleCount]),
      );
      expect(counts).toEqual({
        Ekbackeskolan: 8,
        Solviksskolan: 8,
        Norrängsskolan: 8,
        'Tallåsens skola': 7,
      });
    });

    it('pages through schools with first/after', async () => {
      const c = await api.signedIn(LARKBY.sara);
      const one = (await c.ok(SCHOOLS, { org: LARKBY.organisation, first: 3 })).schools;
      expect(one.nodes).toHaveLength(3);
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = (await c.ok(SCHOOLS, { org: LARKBY.organisation, first: 3, after: one.pageInfo.endCursor }))
        .schools;
      expect(two.nodes.map((s: { name: string }) => s.name)).toEqual(['Tallåsens skola']);
      expect(two.pageInfo.hasNextPage).toBe(false);
    });

    it('reads one school with its organisation', async () => {
      const c = await api.signedIn(LARKBY.rektorEkbacke);
      expect((await c.ok(SCHOOL, { id: LARKBY.ids.solvik })).school).toEqual({
        id: LARKBY.ids.solvik,
        name: 'Solviksskolan',
        unitCode: null,
        organisation: { id: LARKBY.organisation, name: 'Lärkby kommun' },
      });
    });

    it('answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await c.code(ORGANISATION, { id: UNKNOWN_ID })).toBe('NOT_FOUND');
      expect(await c.code(SCHOOL, { id: UNKNOWN_ID })).toBe('NOT_FOUND');
      expect(await c.code(SCHOOLS, { org: UNKNOWN_ID })).toBe('NOT_FOUND');
      const bad = await c.request(SCHOOL, { id: 'not-a-uuid' });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.problems?.[0].field).toBe('id');
      expect(await c.code(ORGANISATION, { id: "1' OR '1'='1" })).toBe('BAD_USER_INPUT');
      expect(await c.code(SCHOOLS, { org: 'nope' })).toBe('BAD_USER_INPUT');
    });

    it('refuses page sizes outside 1–100 and forged cursors', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await c.code(SCHOOLS, { org: LARKBY.organisation, first: 0 })).toBe('BAD_USER_INPUT');
      expect(await c.code(SCHOOLS, { org: LARKBY.organisation, first: 1000 })).toBe('BAD_USER_INPUT');
      expect(await c.code(SCHOOLS, { org: LARKBY.organisation, after: 'bm9wZQ' })).toBe('BAD_USER_INPUT');
    });
  });

  describe('updateOrganisation', () => {
    it('lets the administrator rename the organisation, trimming the name', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { updateOrganisation } = await c.ok(UPDATE_ORGANISATION, {
        id: LARKBY.organisation,
        input: { name: '  Lärkby kommun (utbildning)  ' },
      });
      expect(updateOrganisation).toEqual({ id: LARKBY.organisation, name: 'Lärkby kommun (utbildning)' });
      const [row] = await api.db.query(`SELECT name FROM organisation WHERE id = $1`, [LARKBY.organisation]);
      expect(row.name).toBe('Lärkby kommun (utbildning)');
      await c.ok(UPDATE_ORGANISATION, { id: LARKBY.organisation, input: { name: 'Lärkby kommun' } });
    });

    it.each([LARKBY.maria, LARKBY.rektorEkbacke, LARKBY.sara])('is FORBIDDEN to %s', async (email) => {
      const error = await refused(api, email, UPDATE_ORGANISATION, {
        id: LARKBY.organisation,
        input: { name: 'Hijacked' },
      });
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      expect(error?.message).toMatch(/administrator/);
    });

    it.each([
      ['an empty name', ''],
      ['a whitespace-only name', ' \t  '],
      ['a 10 000 character name', 'x'.repeat(10_000)],
    ])('refuses %s with a field problem and changes nothing', async (_label, name) => {
      const error = await refused(api, LARKBY.admin, UPDATE_ORGANISATION, {
        id: LARKBY.organisation,
        input: { name },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems?.map((p) => p.field)).toContain('name');
    });

    it('refuses a number where the name should be, in GraphQL itself', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await c.code(UPDATE_ORGANISATION, { id: LARKBY.organisation, input: { name: 42 } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await c.code(
          `mutation { updateOrganisation(id: "${LARKBY.organisation}", input: { name: 42 }) { id } }`,
        ),
      ).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses unknown fields in the input', async () => {
      const error = await refused(api, LARKBY.admin, UPDATE_ORGANISATION, {
        id: LARKBY.organisation,
        input: { name: 'Ok', slug: 'evil' },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('createSchool and updateSchool', () => {
    it('lets the administrator add a school with a unit code, then rename it and clear the code', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { createSchool } = await c.ok(CREATE_SCHOOL, {
        input: { organisationId: LARKBY.organisation, name: '  Björkhagens skola ', unitCode: '12345678' },
      });
      expect(createSchool).toMatchObject({
        name: 'Björkhagens skola',
        unitCode: '12345678',
        organisationId: LARKBY.organisation,
        peopleCount: 0,
      });
      const { updateSchool } = await c.ok(UPDATE_SCHOOL, {
        id: createSchool.id,
        input: { name: 'Björkhagsskolan', unitCode: null },
      });
      expect(updateSchool).toEqual({ id: createSchool.id, name: 'Björkhagsskolan', unitCode: null });
      const { updateSchool: again } = await c.ok(UPDATE_SCHOOL, {
        id: createSchool.id,
        input: { unitCode: '87654321' },
      });
      expect(again).toEqual({ id: createSchool.id, name: 'Björkhagsskolan', unitCode: '87654321' });
      const [row] = await api.db.query(`SELECT name, unit_code FROM school WHERE id = $1`, [createSchool.id]);
      expect(row).toEqual({ name: 'Björkhagsskolan', unit_code: '87654321' });
    });

    it.each([LARKBY.maria, LARKBY.rektorEkbacke, LARKBY.sara])('is FORBIDDEN to %s', async (email) => {
      expect(
        (
          await refused(api, email, CREATE_SCHOOL, {
            input: { organisationId: LARKBY.organisation, name: 'Ny skola' },
          })
        )?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await refused(api, email, UPDATE_SCHOOL, { id: LARKBY.ids.ekbacke, input: { name: 'Omdöpt' } }))
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('refuses a school name already used in the organisation, ignoring case, as CONFLICT', async () => {
      const error = await refused(api, LARKBY.admin, CREATE_SCHOOL, {
        input: { organisationId: LARKBY.organisation, name: 'EKBACKESKOLAN' },
      });
      expect(error?.extensions?.code).toBe('CONFLICT');
      expect(error?.message).toMatch(/already a school named/);
      const rename = await refused(api, LARKBY.admin, UPDATE_SCHOOL, {
        id: LARKBY.ids.solvik,
        input: { name: 'Ekbackeskolan' },
      });
      expect(rename?.extensions?.code).toBe('CONFLICT');
    });

    it('refuses a unit code another school has', async () => {
      const c = await api.signedIn(LARKBY.admin);
      await c.ok(UPDATE_SCHOOL, { id: LARKBY.ids.ekbacke, input: { unitCode: '55556666' } });
      const error = await refused(api, LARKBY.admin, UPDATE_SCHOOL, {
        id: LARKBY.ids.solvik,
        input: { unitCode: '55556666' },
      });
      expect(error?.extensions?.code).toBe('CONFLICT');
      expect(error?.extensions?.problems?.[0].field).toBe('unitCode');
      await c.ok(UPDATE_SCHOOL, { id: LARKBY.ids.ekbacke, input: { unitCode: null } });
    });

    it.each([
      ['a unit code of 7 digits', { name: 'Ny skola', unitCode: '1234567' }, 'unitCode'],
      ['a unit code with letters', { name: 'Ny skola', unitCode: '1234567a' }, 'unitCode'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a 10 000 character name', { name: 'y'.repeat(10_000) }, 'name'],
      ['a malformed organisation id', { name: 'Ny skola', organisationId: 'abc' }, 'organisationId'],
    ])('refuses %s and creates nothing', async (_label, input, field) => {
      const error = await refused(api, LARKBY.admin, CREATE_SCHOOL, {
        input: { organisationId: LARKBY.organisation, ...input },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems?.map((p) => p.field)).toContain(field);
    });

    it('refuses a null name on update (a name cannot be cleared)', async () => {
      const error = await refused(api, LARKBY.admin, UPDATE_SCHOOL, {
        id: LARKBY.ids.ekbacke,
        input: { name: null },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers NOT_FOUND for an unknown organisation or school', async () => {
      expect(
        (
          await refused(api, LARKBY.admin, CREATE_SCHOOL, {
            input: { organisationId: UNKNOWN_ID, name: 'X' },
          })
        )?.extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (await refused(api, LARKBY.admin, UPDATE_SCHOOL, { id: UNKNOWN_ID, input: { name: 'X' } }))
          ?.extensions?.code,
      ).toBe('NOT_FOUND');
    });
  });

  it('answers UNAUTHENTICATED to every operation without a session', async () => {
    const c = api.client();
    const calls: [string, Record<string, unknown>][] = [
      [ORGANISATION, { id: LARKBY.organisation }],
      [SCHOOLS, { org: LARKBY.organisation }],
      [SCHOOL, { id: LARKBY.ids.ekbacke }],
      [UPDATE_ORGANISATION, { id: LARKBY.organisation, input: { name: 'X' } }],
      [CREATE_SCHOOL, { input: { organisationId: LARKBY.organisation, name: 'X' } }],
      [UPDATE_SCHOOL, { id: LARKBY.ids.ekbacke, input: { name: 'X' } }],
    ];
    const before = await snapshot(api.db);
    for (const [query, variables] of calls) expect(await c.code(query, variables)).toBe('UNAUTHENTICATED');
    expect(await snapshot(api.db)).toEqual(before);
  });
});
