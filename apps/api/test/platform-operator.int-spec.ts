import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { GraphQLField, GraphQLInputType, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { DEMO_OPERATOR_EMAIL } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';
import { LARKBY, UNKNOWN_ID, snapshot } from './organisation.fixtures';

/** The operations only platform operators may call (ADR 0015). */
const OPERATOR_OPERATIONS = [
  'platformOrganisations',
  'platformOrganisation',
  'platformOperators',
  'createOrganisation',
  'renameOrganisation',
  'inviteOrganisationAdministrator',
  'resendAdministratorInvitation',
];

const OVERVIEW = `organisation { id name slug } schoolCount peopleCount cohortCount administrators { personId fullName email status }`;
const LIST = `{ platformOrganisations { ${OVERVIEW} } }`;
const ONE = `query($id: ID!) { platformOrganisation(id: $id) { ${OVERVIEW} } }`;
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${OVERVIEW} } }`;
const RENAME = `mutation($id: ID!, $name: String!) { renameOrganisation(id: $id, name: $name) { organisation { name } } }`;
const INVITE = `mutation($id: ID!, $input: InviteAdministratorInput!) {
  inviteOrganisationAdministrator(organisationId: $id, input: $input) { administrators { fullName email status } }
}`;
const RESEND = `mutation($id: ID!) { resendAdministratorInvitation(personId: $id) { organisation { id } } }`;

/** A value of the right GraphQL type (never meaningful): enough to get past validation to the guard. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type)) out[f.name] = sample(f.type, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return UNKNOWN_ID;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2027-01-01T00:00:00.000Z';
      default:
        return 'x';
    }
  }
  return null;
}

/** One request calling `field` with every argument given (as variables) and __typename selected. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const vars = field.args.map((a, i) => ({ name: `a${i}`, arg: a }));
  const decl = vars.length ? `(${vars.map((v) => `$${v.name}: ${v.arg.type.toString()}`).join(', ')})` : '';
  const args = vars.length ? `(${vars.map((v) => `${v.arg.name}: $${v.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return {
    query: `${kind}${decl} { ${field.name}${args}${selection} }`,
    variables: Object.fromEntries(vars.map((v) => [v.name, sample(v.arg.type)])),
  };
}

describe('platform operator (ADR 0015)', () => {
  let api: TestApi;
  let operator: GqlClient;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    api = await startTestApi();
    operator = await api.signedIn(DEMO_OPERATOR_EMAIL);
    schema = buildClientSchema(await api.client().ok<IntrospectionQuery>(getIntrospectionQuery()));
  });
  afterAll(() => api.close());

  it('signs in like anyone and sees themself as an operator without an organisation', async () => {
    const { me } = await operator.ok(
      `{ me { platformOperator organisation { id } roles { role } person { fullName organisationId } } }`,
    );
    expect(me).toEqual({
      platformOperator: true,
      organisation: null,
      roles: [],
      person: { fullName: 'Alex Holmberg', organisationId: null },
    });
  });

  it('gets FORBIDDEN or NOT_FOUND for every operation that needs a member of an organisation', async () => {
    const anonymous = api.client();
    const refusedOperator: string[] = [];
    const leaked: string[] = [];
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (OPERATOR_OPERATIONS.includes(field.name)) continue;
        const { query, variables } = operation(kind, field);
        // Public operations (sign-in, the demo accounts…) answer anyone: they show no course content.
        const anon = await anonymous.request(query, variables);
        if (anon.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') continue;
        const r = await operator.request(query, variables);
        const code = r.errors?.[0]?.extensions?.code;
        if (code === 'FORBIDDEN' || code === 'NOT_FOUND') refusedOperator.push(field.name);
        else leaked.push(`${field.name}: ${code ?? JSON.stringify(r.data)}`);
      }
    }
    expect(leaked).toEqual([]);
    // The loop must have met the course: cohorts, analyses, feedback, progress, people.
    expect(refusedOperator).toEqual(
      expect.arrayContaining(['cohorts', 'cohort', 'people', 'person', 'organisation', 'schools']),
    );
    expect(refusedOperator.length).toBeGreaterThan(40);
  });

  it('cannot read course content through fields of what it may see', async () => {
    const r = await operator.request(`{ me { person { roles { role } email certifications { id } } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses every operator operation to members of an organisation, administrators included', async () => {
    const anonymous = api.client();
    for (const email of [LARKBY.admin, LARKBY.maria, LARKBY.sara]) {
      const member = await api.signedIn(email);
      const mutation = schema.getMutationType()?.getFields() ?? {};
      const query = schema.getQueryType()?.getFields() ?? {};
      for (const name of OPERATOR_OPERATIONS) {
        const [kind, field] = query[name]
          ? (['query', query[name]] as const)
          : (['mutation', mutation[name]] as const);
        expect(field).toBeDefined();
        const op = operation(kind, field);
        expect([name, await member.code(op.query, op.variables)]).toEqual([name, 'FORBIDDEN']);
        expect([name, await anonymous.code(op.query, op.variables)]).toEqual([name, 'UNAUTHENTICATED']);
      }
    }
  });

  it('lists organisations with their sizes and administrators, never more', async () => {
    const { platformOrganisations } = await operator.ok(LIST);
    expect(platformOrganisations).toEqual([
      {
        organisation: { id: LARKBY.organisation, name: 'Lärkby kommun', slug: 'larkby' },
        schoolCount: 4,
        peopleCount: 32,
        cohortCount: 1,
        administrators: [
          { personId: LARKBY.ids.admin, fullName: 'Åsa Lind', email: LARKBY.admin, status: 'ACTIVE' },
        ],
      },
    ]);
  });

  describe('creating an organisation', () => {
    it('creates it with its first administrator, who has no password yet, in one go', async () => {
      const { createOrganisation } = await operator.ok(CREATE, {
        input: {
          name: '  Östra Göinge kommun ',
          adminName: 'Greta Ek',
          adminEmail: ' Greta.Ek@Goinge.example ',
        },
      });
      expect(createOrganisation).toMatchObject({
        organisation: { name: 'Östra Göinge kommun', slug: 'ostra-goinge-kommun' },
        schoolCount: 0,
        peopleCount: 1,
        cohortCount: 0,
        administrators: [{ fullName: 'Greta Ek', email: 'greta.ek@goinge.example', status: 'INVITED' }],
      });
      const [row] = await api.db.query(
        `SELECT p.organisation_id, p.password_hash, p.platform_operator, g.role
           FROM person p JOIN role_grant g ON g.person_id = p.id WHERE p.email = 'greta.ek@goinge.example'`,
      );
      expect(row).toEqual({
        organisation_id: createOrganisation.organisation.id,
        password_hash: null,
        platform_operator: false,
        role: 'ADMINISTRATOR',
      });
      // Invited in the same transaction: the mail is in the outbox (ADR 0006, 0013).
      const mail = await api.db.query(
        `SELECT kind FROM outbox_message WHERE to_address = 'greta.ek@goinge.example'`,
      );
      expect(mail).toEqual([{ kind: 'INVITATION' }]);
      // The operator sees it, the new organisation's admin does not see Lärkby.
      const one = await operator.ok(ONE, { id: createOrganisation.organisation.id });
      expect(one.platformOrganisation.organisation.slug).toBe('ostra-goinge-kommun');
    });

    it('refuses bad input with every problem and writes nothing', async () => {
      const before = await snapshot(api.db);
      const r = await operator.request(CREATE, {
        input: { name: ' ', slug: 'Not ok!', adminName: '', adminEmail: 'not-an-address' },
      });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.problems?.map((p) => `${p.field}:${p.code}`)).toEqual([
        'name:NAME_MISSING',
        'adminName:NAME_MISSING',
        'adminEmail:EMAIL_INVALID',
      ]);
      const slug = await operator.request(CREATE, {
        input: { name: 'X', slug: 'Not ok!', adminName: 'A B', adminEmail: 'a@b.example' },
      });
      expect(slug.errors?.[0]?.extensions?.problems?.map((p) => p.code)).toEqual(['SLUG_INVALID']);
      expect(await snapshot(api.db)).toEqual(before);
    });

    it('refuses a short name or an address already taken, and writes nothing', async () => {
      const before = await snapshot(api.db);
      const slug = await operator.request(CREATE, {
        input: {
          name: 'Lärkby igen',
          slug: 'larkby',
          adminName: 'Ny Admin',
          adminEmail: 'ny@larkby2.example',
        },
      });
      expect(slug.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        problems: [{ field: 'slug', code: 'SLUG_TAKEN' }],
      });
      const email = await operator.request(CREATE, {
        input: { name: 'Norrby kommun', adminName: 'Sara', adminEmail: LARKBY.sara.toUpperCase() },
      });
      expect(email.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        problems: [{ field: 'adminEmail', code: 'EMAIL_TAKEN' }],
      });
      expect(await snapshot(api.db)).toEqual(before);
    });
  });

  it('renames an organisation, adds and re-invites administrators', async () => {
    const { createOrganisation: created } = await operator.ok(CREATE, {
      input: { name: 'Västby', slug: 'vastby', adminName: 'Vera Väst', adminEmail: 'vera@vastby.example' },
    });
    const id = created.organisation.id;
    expect(
      (await operator.ok(RENAME, { id, name: 'Västby kommun' })).renameOrganisation.organisation.name,
    ).toBe('Västby kommun');
    expect(await operator.code(RENAME, { id: UNKNOWN_ID, name: 'X' })).toBe('NOT_FOUND');
    const added = await operator.ok(INVITE, {
      id,
      input: { name: 'Ville Väst', email: 'ville@vastby.example' },
    });
    expect(
      added.inviteOrganisationAdministrator.administrators.map((a: { email: string }) => a.email),
    ).toEqual(['vera@vastby.example', 'ville@vastby.example']);
    // The same address again re-invites; an address of another organisation's member is refused.
    const again = await operator.ok(INVITE, {
      id,
      input: { name: 'Ville Väst', email: 'VILLE@vastby.example' },
    });
    expect(again.inviteOrganisationAdministrator.administrators).toHaveLength(2);
    expect(await operator.code(INVITE, { id, input: { name: 'Sara', email: LARKBY.sara } })).toBe('CONFLICT');
    expect(
      await operator.code(INVITE, { id: UNKNOWN_ID, input: { name: 'N N', email: 'n@n.example' } }),
    ).toBe('NOT_FOUND');
    const vera = created.administrators[0].personId;
    expect((await operator.ok(RESEND, { id: vera })).resendAdministratorInvitation.organisation.id).toBe(id);
    // Two invitations for Vera (created, resent), two for Ville (added, invited again).
    const mails = await api.db.query(
      `SELECT to_address, count(*)::int AS n FROM outbox_message WHERE kind = 'INVITATION' AND to_address LIKE '%@vastby.example' GROUP BY to_address ORDER BY to_address`,
    );
    expect(mails).toEqual([
      { to_address: 'vera@vastby.example', n: 2 },
      { to_address: 'ville@vastby.example', n: 2 },
    ]);
    // Only the latest link works: still INVITED.
    const { platformOrganisation } = await operator.ok(ONE, { id });
    expect(platformOrganisation.administrators.map((a: { status: string }) => a.status)).toEqual([
      'INVITED',
      'INVITED',
    ]);
    // Only administrators are re-invited through this: a teacher is NOT_FOUND.
    expect(await operator.code(RESEND, { id: LARKBY.ids.sara })).toBe('NOT_FOUND');
  });
});
