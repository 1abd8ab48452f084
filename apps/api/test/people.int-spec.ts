import { DEMO_DOMAIN, DEMO_PASSWORD } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, UNKNOWN_ID, refused, snapshot } from './organisation.fixtures';

const PEOPLE = `query($org: ID!, $filter: PeopleFilterInput, $first: Int, $after: String) {
  people(organisationId: $org, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id fullName email active school { name } roles { role schoolId } }
  }
}`;
const PERSON = `query($id: ID!) {
  person(id: $id) { id fullName email locale active school { id name } roles { role schoolId } }
}`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { id fullName email locale active school { name } roles { role schoolId } }
}`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { id fullName locale active schoolId }
}`;
const GRANT = `mutation($personId: ID!, $role: Role!, $schoolId: ID) {
  grantRole(personId: $personId, role: $role, schoolId: $schoolId) { id roles { role schoolId } }
}`;
const REVOKE = `mutation($personId: ID!, $role: Role!, $schoolId: ID) {
  revokeRole(personId: $personId, role: $role, schoolId: $schoolId) { id roles { role schoolId } }
}`;
const SET_PASSWORD = `mutation($personId: ID!, $password: String!) { setPassword(personId: $personId, password: $password) }`;

type Node = { id: string; fullName: string; email: string | null; school: { name: string } | null };
type PersonPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
};

describe('people: listing, reading and changing', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const grantsOf = (personId: string) =>
    api.db.query(`SELECT role, school_id FROM role_grant WHERE person_id = $1 ORDER BY role, school_id`, [
      personId,
    ]);

  describe('each role’s view of people', () => {
    it('shows the administrator everyone in the organisation, with e-mail, school and roles', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { people } = await c.ok(PEOPLE, { org: LARKBY.organisation, first: 100 });
      expect(people.totalCount).toBe(32);
      const sara = people.nodes.find((n: Node) => n.id === LARKBY.ids.sara);
      expect(sara).toEqual({
        id: LARKBY.ids.sara,
        fullName: 'Sara Lindqvist',
        email: LARKBY.sara,
        active: true,
        school: { name: 'Ekbackeskolan' },
        roles: [{ role: 'TEACHER', schoolId: null }],
      });
      const rektor = people.nodes.find((n: Node) => n.id === LARKBY.ids.rektorEkbacke);
      expect(rektor.roles).toEqual([{ role: 'SCHOOL_LEADER', schoolId: LARKBY.ids.ekbacke }]);
    });

    it('shows course leaders everyone too, with e-mail, since they enrol participants', async () => {
      const c = await api.signedIn(LARKBY.maria);
      const { people } = await c.ok(PEOPLE, { org: LARKBY.organisation, first: 100 });
      expect(people.totalCount).toBe(32);
      expect(people.nodes.every((n: Node) => n.email?.endsWith(`@${DEMO_DOMAIN}`))).toBe(true);
    });

    it("shows a school leader only their own school's people, without e-mail addresses but their own", async () => {
      const c = await api.signedIn(LARKBY.rektorEkbacke);
      const { people } = await c.ok(PEOPLE, { org: LARKBY.organisation, first: 100 });
      expect(people.totalCount).toBe(8);
      expect(new Set(people.nodes.map((n: Node) => n.school?.name))).toEqual(new Set(['Ekbackeskolan']));
      for (const n of people.nodes as Node[]) {
        expect(n.email).toBe(n.id === LARKBY.ids.rektorEkbacke ? LARKBY.rektorEkbacke : null);
      }
      expect((await c.ok(PERSON, { id: LARKBY.ids.sara })).person.email).toBeNull();
      expect(await c.code(PERSON, { id: LARKBY.ids.ingrid })).toBe('NOT_FOUND');
      expect(await c.code(PERSON, { id: LARKBY.ids.admin })).toBe('NOT_FOUND');
      const other = await c.request(PEOPLE, {
        org: LARKBY.organisation,
        filter: { schoolId: LARKBY.ids.solvik },
      });
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('does not let a teacher list people, but shows them themself', async () => {
      const c = await api.signedIn(LARKBY.sara);
      const r = await c.request(PEOPLE, { org: LARKBY.organisation });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0].message).toMatch(/administrators, course leaders and school leaders/);
      const { person } = await c.ok(PERSON, { id: LARKBY.ids.sara });
      expect(person).toMatchObject({ fullName: 'Sara Lindqvist', email: LARKBY.sara, locale: 'sv' });
      expect(await c.code(PERSON, { id: LARKBY.ids.erik })).toBe('NOT_FOUND');
      expect(await c.code(PERSON, { id: LARKBY.ids.maria })).toBe('NOT_FOUND');
    });

    it('shows e-mail to the person, administrators and course leaders only', async () => {
      const emailAs = async (viewer: string) =>
        (await (await api.signedIn(viewer)).ok(PERSON, { id: LARKBY.ids.sara })).person.email;
      expect(await emailAs(LARKBY.sara)).toBe(LARKBY.sara);
      expect(await emailAs(LARKBY.admin)).toBe(LARKBY.sara);
      expect(await emailAs(LARKBY.maria)).toBe(LARKBY.sara);
      expect(await emailAs(LARKBY.rektorEkbacke)).toBeNull();
    });
  });

  describe('filters', () => {
    it('filters by role, by school and by both', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const count = async (filter: Record<string, unknown>) =>
        (await c.ok(PEOPLE, { org: LARKBY.organisation, filter })).people.totalCount;
      expect(await count({ role: 'TEACHER' })).toBe(24);
      expect(await count({ role: 'COURSE_LEADER' })).toBe(3);
      expect(await count({ role: 'SCHOOL_LEADER' })).toBe(4);
      expect(await count({ schoolId: LARKBY.ids.solvik })).toBe(8);
      expect(await count({ role: 'TEACHER', schoolId: LARKBY.ids.solvik })).toBe(6);
      expect(await count({ active: false })).toBe(0);
    });

    it('searches names and e-mail addresses case-insensitively, treating % and _ literally', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const names = async (search: string) =>
        (await c.ok(PEOPLE, { org: LARKBY.organisation, filter: { search } })).people.nodes.map(
          (n: Node) => n.fullName,
        );
      expect(await names('LINDQVIST')).toEqual(['Sara Lindqvist']);
      expect(await names('  BERG ')).toEqual([
        'Anders Berglund',
        'Ebba Forsberg',
        'Maria Berg',
        'Ulf Sandberg',
      ]);
      expect(await names('johan.ek@')).toEqual(['Johan Ek']);
      expect(await names('%')).toEqual([]);
      expect(await names('_')).toEqual([]);
    });

    it('never matches e-mail addresses for a school leader, who may not read them', async () => {
      const c = await api.signedIn(LARKBY.rektorEkbacke);
      const search = (s: string) => c.ok(PEOPLE, { org: LARKBY.organisation, filter: { search: s } });
      expect((await search('sara.lindqvist@')).people.totalCount).toBe(0);
      expect((await search('sara')).people.nodes.map((n: Node) => n.fullName)).toEqual(['Sara Lindqvist']);
    });

    it('refuses malformed or unknown filters', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await c.code(PEOPLE, { org: LARKBY.organisation, filter: { schoolId: 'x' } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await c.code(PEOPLE, { org: LARKBY.organisation, filter: { schoolId: UNKNOWN_ID } })).toBe(
        'NOT_FOUND',
      );
      expect(await c.code(PEOPLE, { org: LARKBY.organisation, filter: { role: 'KING' } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await c.code(PEOPLE, { org: LARKBY.organisation, filter: { search: 'q'.repeat(10_000) } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await c.code(PEOPLE, { org: UNKNOWN_ID })).toBe('NOT_FOUND');
      expect(await c.code(PERSON, { id: UNKNOWN_ID })).toBe('NOT_FOUND');
      expect(await c.code(PERSON, { id: '12345' })).toBe('BAD_USER_INPUT');
    });
  });

  describe('pagination over the 24 teachers', () => {
    it('walks first/after pages of 10, 10 and 4 without gaps or repeats', async () => {
      const c = await api.signedIn(LARKBY.maria);
      const seen: string[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      let hasNextPage = true;
      while (hasNextPage) {
        const { people }: { people: PersonPage } = await c.ok(PEOPLE, {
          org: LARKBY.organisation,
          filter: { role: 'TEACHER' },
          first: 10,
          after,
        });
        expect(people.totalCount).toBe(24);
        sizes.push(people.nodes.length);
        seen.push(...people.nodes.map((n) => n.fullName));
        ({ hasNextPage, endCursor: after } = people.pageInfo);
      }
      expect(sizes).toEqual([10, 10, 4]);
      expect(new Set(seen).size).toBe(24);
      expect(seen).toEqual([...seen].sort((a, b) => a.localeCompare(b, 'en')));
    });

    it.each([0, -1, 101, 1000])('refuses first: %i', async (first) => {
      const c = await api.signedIn(LARKBY.admin);
      const r = await c.request(PEOPLE, { org: LARKBY.organisation, first });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.problems?.[0].field).toBe('first');
    });

    it('refuses a forged cursor', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await c.code(PEOPLE, { org: LARKBY.organisation, after: 'not-a-cursor' })).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('createPerson', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      organisationId: LARKBY.organisation,
      fullName: '  Nora Nyström ',
      email: '  Nora.Nystrom@Larkby.Example ',
      schoolId: LARKBY.ids.solvik,
      locale: 'en',
      roles: [{ role: 'TEACHER' }],
      password: 'a-long-enough-password',
      ...over,
    });

    it('adds a person with trimmed name, lower-cased e-mail, school, roles and a working password', async () => {
      const admin = await api.signedIn(LARKBY.admin);
      const { createPerson } = await admin.ok(CREATE_PERSON, { input: input() });
      expect(createPerson).toMatchObject({
        fullName: 'Nora Nyström',
        email: 'nora.nystrom@larkby.example',
        locale: 'en',
        active: true,
        school: { name: 'Solviksskolan' },
        roles: [{ role: 'TEACHER', schoolId: null }],
      });
      const nora = api.client();
      await nora.signIn('nora.nystrom@larkby.example', 'a-long-enough-password');
      expect((await nora.ok(`{ me { person { id } } }`)).me.person.id).toBe(createPerson.id);
    });

    it('adds a school leader of a school, and a person without a password who cannot sign in yet', async () => {
      const admin = await api.signedIn(LARKBY.admin);
      const { createPerson } = await admin.ok(CREATE_PERSON, {
        input: input({
          fullName: 'Rut Rektor',
          email: 'rut.rektor@larkby.example',
          password: null,
          roles: [
            { role: 'SCHOOL_LEADER', schoolId: LARKBY.ids.solvik },
            { role: 'TEACHER' },
            { role: 'TEACHER' },
          ],
        }),
      });
      expect(await grantsOf(createPerson.id)).toEqual([
        { role: 'SCHOOL_LEADER', school_id: LARKBY.ids.solvik },
        { role: 'TEACHER', school_id: null },
      ]);
      const r = await api
        .client()
        .request(
          `mutation { signIn(input: { email: "rut.rektor@larkby.example", password: "whatever-it-is" }) { email } }`,
        );
      expect(r.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses an e-mail already in use, whatever its case, as CONFLICT and writes nothing', async () => {
      const error = await refused(api, LARKBY.admin, CREATE_PERSON, {
        input: input({ email: ' SARA.Lindqvist@larkby.example' }),
      });
      expect(error?.extensions?.code).toBe('CONFLICT');
      expect(error?.message).toMatch(/already signs in with sara\.lindqvist@larkby\.example/);
      expect(error?.extensions?.problems?.[0].field).toBe('email');
    });

    it.each([
      ['a school leader role without a school', { roles: [{ role: 'SCHOOL_LEADER' }] }, 'roles.0.schoolId'],
      [
        'a school on a teacher role',
        { roles: [{ role: 'TEACHER', schoolId: LARKBY.ids.solvik }] },
        'roles.0.schoolId',
      ],
      ['no roles', { roles: [] }, 'roles'],
      ['an unknown role', { roles: [{ role: 'KING' }] }, undefined],
      ['a malformed e-mail', { email: 'nora-at-larkby' }, 'email'],
      ['a whitespace-only name', { fullName: '   ' }, 'fullName'],
      ['a 10 000 character name', { fullName: 'N'.repeat(10_000) }, 'fullName'],
      ['a 9 character password', { password: '123456789' }, 'password'],
      ['a malformed school id', { schoolId: 'solvik' }, 'schoolId'],
      ['a number as the name', { fullName: 12345 }, undefined],
    ])('refuses %s as BAD_USER_INPUT and writes nothing', async (_label, over, field) => {
      const error = await refused(api, LARKBY.admin, CREATE_PERSON, {
        input: input({ email: 'never.created@larkby.example', ...over }),
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect(error?.extensions?.problems?.map((p) => p.field)).toContain(field);
    });

    it('answers NOT_FOUND for an unknown home school or led school, and writes nothing', async () => {
      for (const over of [
        { schoolId: UNKNOWN_ID },
        { roles: [{ role: 'SCHOOL_LEADER', schoolId: UNKNOWN_ID }] },
        { organisationId: UNKNOWN_ID },
      ]) {
        const error = await refused(api, LARKBY.admin, CREATE_PERSON, {
          input: input({ email: 'never.created@larkby.example', ...over }),
        });
        expect(error?.extensions?.code).toBe('NOT_FOUND');
      }
    });

    it.each([LARKBY.maria, LARKBY.rektorEkbacke, LARKBY.sara])('is FORBIDDEN to %s', async (email) => {
      const error = await refused(api, email, CREATE_PERSON, {
        input: input({ email: 'never.created@larkby.example' }),
      });
      expect(error?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('updatePerson', () => {
    it('lets a person change their own name and language', async () => {
      const c = await api.signedIn(LARKBY.sara);
      const { updatePerson } = await c.ok(UPDATE_PERSON, {
        id: LARKBY.ids.sara,
        input: { fullName: ' Sara Lindqvist Berg ', locale: 'en' },
      });
      expect(updatePerson).toEqual({
        id: LARKBY.ids.sara,
        fullName: 'Sara Lindqvist Berg',
        locale: 'en',
        active: true,
        schoolId: LARKBY.ids.ekbacke,
      });
      await c.ok(UPDATE_PERSON, { id: LARKBY.ids.sara, input: { fullName: 'Sara Lindqvist', locale: 'sv' } });
    });

    it('does not let a person move school or deactivate themself', async () => {
      const school = await refused(api, LARKBY.sara, UPDATE_PERSON, {
        id: LARKBY.ids.sara,
        input: { schoolId: LARKBY.ids.solvik },
      });
      expect(school?.extensions?.code).toBe('FORBIDDEN');
      expect(school?.message).toMatch(/own name and language/);
      const active = await refused(api, LARKBY.sara, UPDATE_PERSON, {
        id: LARKBY.ids.sara,
        input: { active: false },
      });
      expect(active?.extensions?.code).toBe('FORBIDDEN');
    });

    it('hides other people from a teacher (NOT_FOUND) and refuses a school leader (FORBIDDEN)', async () => {
      expect(
        (await refused(api, LARKBY.sara, UPDATE_PERSON, { id: LARKBY.ids.erik, input: { fullName: 'X' } }))
          ?.extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await refused(api, LARKBY.rektorEkbacke, UPDATE_PERSON, {
            id: LARKBY.ids.erik,
            input: { fullName: 'X' },
          })
        )?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await refused(api, LARKBY.maria, UPDATE_PERSON, { id: LARKBY.ids.erik, input: { fullName: 'X' } }))
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('lets the administrator move a person and deactivate them, ending their sessions', async () => {
      const erik = await api.signedIn(`erik.johansson@${DEMO_DOMAIN}`);
      const admin = await api.signedIn(LARKBY.admin);
      const moved = await admin.ok(UPDATE_PERSON, {
        id: LARKBY.ids.erik,
        input: { schoolId: LARKBY.ids.solvik },
      });
      expect(moved.updatePerson.schoolId).toBe(LARKBY.ids.solvik);
      const off = await admin.ok(UPDATE_PERSON, { id: LARKBY.ids.erik, input: { active: false } });
      expect(off.updatePerson.active).toBe(false);
      expect(await erik.ok(`{ me { email } }`)).toEqual({ me: null });
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM session WHERE person_id = $1`, [
        LARKBY.ids.erik,
      ]);
      expect(n).toBe(0);
      const inactive = await admin.ok(PEOPLE, { org: LARKBY.organisation, filter: { active: false } });
      expect(inactive.people.nodes.map((p: Node) => p.id)).toEqual([LARKBY.ids.erik]);
      await admin.ok(UPDATE_PERSON, {
        id: LARKBY.ids.erik,
        input: { active: true, schoolId: LARKBY.ids.ekbacke },
      });
      await api.signedIn(`erik.johansson@${DEMO_DOMAIN}`);
    });

    it('does not let the administrator deactivate themself', async () => {
      const error = await refused(api, LARKBY.admin, UPDATE_PERSON, {
        id: LARKBY.ids.admin,
        input: { active: false },
      });
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      expect(error?.message).toMatch(/another administrator/);
    });

    it('refuses bad input and unknown schools, changing nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ fullName: '' }, 'BAD_USER_INPUT'],
        [{ fullName: null }, 'BAD_USER_INPUT'],
        [{ fullName: 'z'.repeat(10_000) }, 'BAD_USER_INPUT'],
        [{ schoolId: 'not-a-school' }, 'BAD_USER_INPUT'],
        [{ schoolId: UNKNOWN_ID }, 'NOT_FOUND'],
        [{ active: 'yes' }, 'BAD_USER_INPUT'],
      ];
      for (const [input, code] of cases) {
        expect(
          (await refused(api, LARKBY.admin, UPDATE_PERSON, { id: LARKBY.ids.sara, input }))?.extensions?.code,
        ).toBe(code);
      }
      expect(
        (await refused(api, LARKBY.admin, UPDATE_PERSON, { id: UNKNOWN_ID, input: { fullName: 'X' } }))
          ?.extensions?.code,
      ).toBe('NOT_FOUND');
    });
  });

  describe('grantRole and revokeRole', () => {
    it('grants and revokes idempotently; a new school leader sees their school at once', async () => {
      const admin = await api.signedIn(LARKBY.admin);
      const sara = await api.signedIn(LARKBY.sara);
      const args = { personId: LARKBY.ids.sara, role: 'SCHOOL_LEADER', schoolId: LARKBY.ids.solvik };
      await admin.ok(GRANT, args);
      const { grantRole } = await admin.ok(GRANT, args);
      expect(grantRole.roles).toEqual([
        { role: 'SCHOOL_LEADER', schoolId: LARKBY.ids.solvik },
        { role: 'TEACHER', schoolId: null },
      ]);
      expect(await grantsOf(LARKBY.ids.sara)).toHaveLength(2);
      const { people } = await sara.ok(PEOPLE, { org: LARKBY.organisation, first: 100 });
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM person WHERE school_id = $1`, [
        LARKBY.ids.solvik,
      ]);
      expect(people.totalCount).toBe(n);
      expect(new Set(people.nodes.map((p: Node) => p.school?.name))).toEqual(new Set(['Solviksskolan']));

      await admin.ok(REVOKE, args);
      const { revokeRole } = await admin.ok(REVOKE, args);
      expect(revokeRole.roles).toEqual([{ role: 'TEACHER', schoolId: null }]);
      expect(await sara.code(PEOPLE, { org: LARKBY.organisation })).toBe('FORBIDDEN');
    });

    it('does not let an administrator remove their own administrator role, but another one may', async () => {
      const error = await refused(api, LARKBY.admin, REVOKE, {
        personId: LARKBY.ids.admin,
        role: 'ADMINISTRATOR',
      });
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      expect(error?.message).toMatch(/without one/);

      const admin = await api.signedIn(LARKBY.admin);
      await admin.ok(GRANT, { personId: LARKBY.ids.johan, role: 'ADMINISTRATOR' });
      const johan = await api.signedIn(`johan.ek@${DEMO_DOMAIN}`);
      expect(await johan.code(REVOKE, { personId: LARKBY.ids.johan, role: 'ADMINISTRATOR' })).toBe(
        'FORBIDDEN',
      );
      await admin.ok(REVOKE, { personId: LARKBY.ids.johan, role: 'ADMINISTRATOR' });
      expect(await grantsOf(LARKBY.ids.johan)).toEqual([{ role: 'COURSE_LEADER', school_id: null }]);
    });

    it('refuses role shapes that make no sense, unknown people and schools, and non-administrators', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        [LARKBY.admin, { personId: LARKBY.ids.sara, role: 'SCHOOL_LEADER' }, 'BAD_USER_INPUT'],
        [
          LARKBY.admin,
          { personId: LARKBY.ids.sara, role: 'TEACHER', schoolId: LARKBY.ids.solvik },
          'BAD_USER_INPUT',
        ],
        [
          LARKBY.admin,
          { personId: LARKBY.ids.sara, role: 'SCHOOL_LEADER', schoolId: UNKNOWN_ID },
          'NOT_FOUND',
        ],
        [LARKBY.admin, { personId: UNKNOWN_ID, role: 'TEACHER' }, 'NOT_FOUND'],
        [LARKBY.admin, { personId: 'sara', role: 'TEACHER' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, { personId: LARKBY.ids.sara, role: 'EMPEROR' }, 'BAD_USER_INPUT'],
        [LARKBY.maria, { personId: LARKBY.ids.sara, role: 'ADMINISTRATOR' }, 'FORBIDDEN'],
        [LARKBY.rektorEkbacke, { personId: LARKBY.ids.sara, role: 'COURSE_LEADER' }, 'FORBIDDEN'],
        [LARKBY.sara, { personId: LARKBY.ids.erik, role: 'ADMINISTRATOR' }, 'NOT_FOUND'],
        [LARKBY.sara, { personId: LARKBY.ids.sara, role: 'ADMINISTRATOR' }, 'FORBIDDEN'],
      ];
      for (const [who, args, code] of cases) {
        expect((await refused(api, who, GRANT, args))?.extensions?.code).toBe(code);
      }
      expect(
        (await refused(api, LARKBY.sara, REVOKE, { personId: LARKBY.ids.sara, role: 'TEACHER' }))?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('setPassword', () => {
    const hashOf = async (id: string) =>
      (await api.db.query(`SELECT password_hash FROM person WHERE id = $1`, [id]))[0].password_hash as string;

    it('refuses setting one’s own password without the current one (changePassword asks for it)', async () => {
      const before = await hashOf(LARKBY.ids.sara);
      const sara = await api.signedIn(LARKBY.sara);
      expect(
        await sara.code(SET_PASSWORD, { personId: LARKBY.ids.sara, password: 'my new passphrase' }),
      ).toBe('FORBIDDEN');
      const admin = await api.signedIn(LARKBY.admin);
      expect(
        await admin.code(SET_PASSWORD, { personId: LARKBY.ids.admin, password: 'my new passphrase' }),
      ).toBe('FORBIDDEN');
      expect(await hashOf(LARKBY.ids.sara)).toBe(before);
      expect((await sara.ok(`{ me { email } }`)).me.email).toBe(LARKBY.sara);
    });

    it("lets the administrator reset someone's password, ending all their sessions", async () => {
      const erik = await api.signedIn(`erik.johansson@${DEMO_DOMAIN}`);
      const admin = await api.signedIn(LARKBY.admin);
      await admin.ok(SET_PASSWORD, { personId: LARKBY.ids.erik, password: 'reset-by-admin-1' });
      expect(await erik.ok(`{ me { email } }`)).toEqual({ me: null });
      expect(await hashOf(LARKBY.ids.erik)).toMatch(/^\$argon2id\$/);
      const again = api.client();
      await again.signIn(`erik.johansson@${DEMO_DOMAIN}`, 'reset-by-admin-1');
      expect(again.hasSession).toBe(true);
      await admin.ok(SET_PASSWORD, { personId: LARKBY.ids.erik, password: DEMO_PASSWORD });
    });

    it('refuses others, short passwords and bad ids, leaving the hash as it was', async () => {
      const before = await hashOf(LARKBY.ids.erik);
      const cases: [string, Record<string, unknown>, string][] = [
        [LARKBY.sara, { personId: LARKBY.ids.erik, password: 'long enough password' }, 'NOT_FOUND'],
        [LARKBY.rektorEkbacke, { personId: LARKBY.ids.erik, password: 'long enough password' }, 'FORBIDDEN'],
        [LARKBY.maria, { personId: LARKBY.ids.erik, password: 'long enough password' }, 'FORBIDDEN'],
        [LARKBY.admin, { personId: LARKBY.ids.erik, password: 'short' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, { personId: LARKBY.ids.erik, password: 'p'.repeat(10_000) }, 'BAD_USER_INPUT'],
        [LARKBY.admin, { personId: LARKBY.ids.erik, password: 1234567890 }, 'BAD_USER_INPUT'],
        [LARKBY.admin, { personId: 'erik', password: 'long enough password' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, { personId: UNKNOWN_ID, password: 'long enough password' }, 'NOT_FOUND'],
      ];
      for (const [who, args, code] of cases) {
        const c = await api.signedIn(who);
        expect(await c.code(SET_PASSWORD, args)).toBe(code);
      }
      expect(await hashOf(LARKBY.ids.erik)).toBe(before);
    });
  });

  it('answers UNAUTHENTICATED to every operation without a session, changing nothing', async () => {
    const c = api.client();
    const before = await snapshot(api.db);
    const calls: [string, Record<string, unknown>][] = [
      [PEOPLE, { org: LARKBY.organisation }],
      [PERSON, { id: LARKBY.ids.sara }],
      [
        CREATE_PERSON,
        {
          input: {
            organisationId: LARKBY.organisation,
            fullName: 'X',
            email: 'x@larkby.example',
            roles: [{ role: 'TEACHER' }],
          },
        },
      ],
      [UPDATE_PERSON, { id: LARKBY.ids.sara, input: { fullName: 'X' } }],
      [GRANT, { personId: LARKBY.ids.sara, role: 'ADMINISTRATOR' }],
      [REVOKE, { personId: LARKBY.ids.admin, role: 'ADMINISTRATOR' }],
      [SET_PASSWORD, { personId: LARKBY.ids.admin, password: 'taken over now' }],
    ];
    for (const [query, variables] of calls) expect(await c.code(query, variables)).toBe('UNAUTHENTICATED');
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('answers the fields of the person just signed in (signIn { person { roles email } })', async () => {
    const c = api.client();
    const { signIn } = await c.ok(
      `mutation($input: SignInInput!) { signIn(input: $input) { person { email school { name } roles { role } } } }`,
      { input: { email: LARKBY.rektorEkbacke, password: 'stl-demo-2026' } },
    );
    expect(signIn.person).toEqual({
      email: LARKBY.rektorEkbacke,
      school: { name: 'Ekbackeskolan' },
      roles: [{ role: 'SCHOOL_LEADER' }],
    });
  });
});
