import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, createOtherOrganisation, snapshot } from './organisation.fixtures';
import type { OtherOrganisation } from './organisation.fixtures';

/** Every query and mutation of the feature, each aimed at an object of organisation `o`. */
function operationsAgainst(o: {
  organisation: string;
  school: string;
  person: string;
  certification: string | null;
}): [string, string, Record<string, unknown>][] {
  const ops: [string, string, Record<string, unknown>][] = [
    ['organisation', `query($id: ID!) { organisation(id: $id) { name } }`, { id: o.organisation }],
    ['schools', `query($id: ID!) { schools(organisationId: $id) { totalCount } }`, { id: o.organisation }],
    ['school', `query($id: ID!) { school(id: $id) { name } }`, { id: o.school }],
    [
      'school.organisation',
      `query($id: ID!) { school(id: $id) { organisation { name } } }`,
      { id: o.school },
    ],
    ['people', `query($id: ID!) { people(organisationId: $id) { totalCount } }`, { id: o.organisation }],
    ['person', `query($id: ID!) { person(id: $id) { fullName } }`, { id: o.person }],
    [
      'person.email/school/roles/certifications',
      `query($id: ID!) { person(id: $id) { email school { name } roles { role } certifications { issuer } } }`,
      { id: o.person },
    ],
    [
      'updateOrganisation',
      `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Taken" }) { name } }`,
      { id: o.organisation },
    ],
    [
      'createSchool',
      `mutation($id: ID!) { createSchool(input: { organisationId: $id, name: "Intrång" }) { id } }`,
      { id: o.organisation },
    ],
    [
      'updateSchool',
      `mutation($id: ID!) { updateSchool(id: $id, input: { name: "Intrång" }) { id } }`,
      { id: o.school },
    ],
    [
      'createPerson',
      `mutation($id: ID!) { createPerson(input: { organisationId: $id, fullName: "Mole", email: "mole@spy.example", roles: [{ role: ADMINISTRATOR }] }) { id } }`,
      { id: o.organisation },
    ],
    [
      'updatePerson',
      `mutation($id: ID!) { updatePerson(id: $id, input: { active: false }) { id } }`,
      { id: o.person },
    ],
    [
      'grantRole',
      `mutation($id: ID!) { grantRole(personId: $id, role: ADMINISTRATOR) { id } }`,
      { id: o.person },
    ],
    [
      'revokeRole',
      `mutation($id: ID!) { revokeRole(personId: $id, role: TEACHER) { id } }`,
      { id: o.person },
    ],
    [
      'setPassword',
      `mutation($id: ID!) { setPassword(personId: $id, password: "taken-over-now") }`,
      { id: o.person },
    ],
    [
      'addCertification',
      `mutation($id: ID!) { addCertification(input: { personId: $id, issuedOn: "2026-01-01", validUntil: "2030-01-01", issuer: "X" }) { id } }`,
      { id: o.person },
    ],
  ];
  if (o.certification) {
    ops.push(
      [
        'updateCertification',
        `mutation($id: ID!) { updateCertification(id: $id, input: { validUntil: "2099-12-31" }) { id } }`,
        { id: o.certification },
      ],
      [
        'revokeCertification',
        `mutation($id: ID!) { revokeCertification(id: $id) { id } }`,
        { id: o.certification },
      ],
    );
  }
  return ops;
}

describe('organisations are sealed off from each other', () => {
  let api: TestApi;
  let norrby: OtherOrganisation;
  beforeAll(async () => {
    api = await startTestApi();
    norrby = await createOtherOrganisation(api.db);
  });
  afterAll(() => api.close());

  it("lets the other organisation's administrator work in their own organisation only", async () => {
    const c = await api.signedIn(norrby.adminEmail);
    const { people } = await c.ok(
      `query($org: ID!) { people(organisationId: $org) { totalCount nodes { fullName email school { name } } } }`,
      { org: norrby.organisation },
    );
    expect(people.totalCount).toBe(2);
    expect(people.nodes.map((n: { fullName: string }) => n.fullName)).toEqual(['Nora Norr', 'Tore Norr']);
    const { schools } = await c.ok(`query($org: ID!) { schools(organisationId: $org) { nodes { name } } }`, {
      org: norrby.organisation,
    });
    expect(schools.nodes).toEqual([{ name: 'Norrbyskolan' }]);
    // School names are unique per organisation, not across them.
    const { createSchool } = await c.ok(
      `mutation($org: ID!) { createSchool(input: { organisationId: $org, name: "Ekbackeskolan" }) { name } }`,
      { org: norrby.organisation },
    );
    expect(createSchool.name).toBe('Ekbackeskolan');
  });

  it("answers NOT_FOUND to every operation on Lärkby's objects from Norrby's administrator, changing nothing", async () => {
    const c = await api.signedIn(norrby.adminEmail);
    const before = await snapshot(api.db);
    const ops = operationsAgainst({
      organisation: LARKBY.organisation,
      school: LARKBY.ids.ekbacke,
      person: LARKBY.ids.maria,
      certification: LARKBY.ids.mariaCert,
    });
    for (const [name, query, variables] of ops) {
      const r = await c.request(query, variables);
      expect([name, r.errors?.[0].extensions?.code]).toEqual([name, 'NOT_FOUND']);
      expect(r.errors?.[0].message).not.toMatch(/Lärkby|Ekbacke|Maria/);
    }
    expect(await snapshot(api.db)).toEqual(before);
  });

  it("answers NOT_FOUND to every operation on Norrby's objects from Lärkby's administrator, changing nothing", async () => {
    const c = await api.signedIn(LARKBY.admin);
    const before = await snapshot(api.db);
    const ops = operationsAgainst({
      organisation: norrby.organisation,
      school: norrby.school,
      person: norrby.teacher,
      certification: null,
    });
    for (const [name, query, variables] of ops) {
      const r = await c.request(query, variables);
      expect([name, r.errors?.[0].extensions?.code]).toEqual([name, 'NOT_FOUND']);
    }
    expect(await snapshot(api.db)).toEqual(before);
  });

  it("refuses to tie a person of one organisation to another's school (NOT_FOUND), changing nothing", async () => {
    const c = await api.signedIn(norrby.adminEmail);
    const before = await snapshot(api.db);
    const tries: [string, Record<string, unknown>][] = [
      [
        `mutation($org: ID!, $school: ID!) { createPerson(input: { organisationId: $org, fullName: "Ny", email: "ny@norrby.example", schoolId: $school, roles: [{ role: TEACHER }] }) { id } }`,
        { org: norrby.organisation, school: LARKBY.ids.ekbacke },
      ],
      [
        `mutation($org: ID!, $school: ID!) { createPerson(input: { organisationId: $org, fullName: "Ny", email: "ny@norrby.example", roles: [{ role: SCHOOL_LEADER, schoolId: $school }] }) { id } }`,
        { org: norrby.organisation, school: LARKBY.ids.ekbacke },
      ],
      [
        `mutation($id: ID!, $school: ID!) { updatePerson(id: $id, input: { schoolId: $school }) { id } }`,
        { id: norrby.teacher, school: LARKBY.ids.ekbacke },
      ],
      [
        `mutation($id: ID!, $school: ID!) { grantRole(personId: $id, role: SCHOOL_LEADER, schoolId: $school) { id } }`,
        { id: norrby.teacher, school: LARKBY.ids.ekbacke },
      ],
      [
        `query($org: ID!, $school: ID!) { people(organisationId: $org, filter: { schoolId: $school }) { totalCount } }`,
        { org: norrby.organisation, school: LARKBY.ids.ekbacke },
      ],
    ];
    for (const [query, variables] of tries) expect(await c.code(query, variables)).toBe('NOT_FOUND');
    expect(await snapshot(api.db)).toEqual(before);
  });

  it("finds no Lärkby person by searching from Norrby, and Lärkby's lists hold no Norrby rows", async () => {
    const norr = await api.signedIn(norrby.adminEmail);
    const found = await norr.ok(
      `query($org: ID!) { people(organisationId: $org, filter: { search: "larkby" }) { totalCount } }`,
      { org: norrby.organisation },
    );
    expect(found.people.totalCount).toBe(0);
    const lark = await api.signedIn(LARKBY.admin);
    const { people } = await lark.ok(
      `query($org: ID!) { people(organisationId: $org, first: 100) { nodes { id organisationId } } }`,
      { org: LARKBY.organisation },
    );
    expect(
      people.nodes.every((p: { organisationId: string }) => p.organisationId === LARKBY.organisation),
    ).toBe(true);
    expect(people.nodes.map((p: { id: string }) => p.id)).not.toContain(norrby.teacher);
  });

  it('keeps e-mail addresses unique across the platform, since they are sign-in names', async () => {
    // The CONFLICT necessarily tells Norrby that the address is taken somewhere; it names nothing else.
    const c = await api.signedIn(norrby.adminEmail);
    const before = await snapshot(api.db);
    const r = await c.request(
      `mutation($org: ID!) { createPerson(input: { organisationId: $org, fullName: "Sara", email: "${LARKBY.sara}", roles: [{ role: TEACHER }] }) { id } }`,
      { org: norrby.organisation },
    );
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(r.errors?.[0].message).not.toMatch(/Lärkby|Lindqvist/);
    expect(await snapshot(api.db)).toEqual(before);
  });
});
