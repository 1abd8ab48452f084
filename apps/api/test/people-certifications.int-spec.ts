import { DEMO_DOMAIN } from '@stl/api/data-access-db';
import { stockholmDate } from '@stl/shared/domain';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, UNKNOWN_ID, refused, snapshot } from './organisation.fixtures';

const CERTS = `query($id: ID!) {
  person(id: $id) { certifications { id issuedOn validUntil issuer reference revokedAt status } }
}`;
const ADD = `mutation($input: AddCertificationInput!) {
  addCertification(input: $input) { id personId issuedOn validUntil issuer reference revokedAt status }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateCertificationInput!) {
  updateCertification(id: $id, input: $input) { id issuedOn validUntil issuer reference status }
}`;
const REVOKE = `mutation($id: ID!) { revokeCertification(id: $id) { id revokedAt status } }`;

/** The Stockholm calendar day `offset` days from now. */
const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

describe('certifications of course leaders', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const rolesOf = async (personId: string) =>
    (await api.db.query(`SELECT role FROM role_grant WHERE person_id = $1 ORDER BY role`, [personId])).map(
      (r: { role: string }) => r.role,
    );

  describe('who sees them', () => {
    it('shows the administrator every certification, with its computed status', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect((await c.ok(CERTS, { id: LARKBY.ids.maria })).person.certifications).toEqual([
        {
          id: LARKBY.ids.mariaCert,
          issuedOn: '2025-06-13',
          validUntil: '2029-06-30',
          issuer: 'STL-utbildarnätverket',
          reference: 'STL-2025-0142',
          revokedAt: null,
          status: 'VALID',
        },
      ]);
      const karin = (await c.ok(CERTS, { id: LARKBY.ids.karin })).person.certifications;
      expect(karin.map((x: { status: string }) => x.status)).toEqual(['EXPIRED']);
      expect((await c.ok(CERTS, { id: LARKBY.ids.sara })).person.certifications).toEqual([]);
    });

    it('shows a course leader their own certifications but not a colleague’s (null)', async () => {
      const c = await api.signedIn(LARKBY.karin);
      expect((await c.ok(CERTS, { id: LARKBY.ids.karin })).person.certifications).toHaveLength(1);
      const maria = await api.signedIn(LARKBY.maria);
      expect((await maria.ok(CERTS, { id: LARKBY.ids.johan })).person.certifications).toBeNull();
    });

    it('shows a school leader none, even of a course leader at their school', async () => {
      const c = await api.signedIn(LARKBY.rektorEkbacke);
      expect((await c.ok(CERTS, { id: LARKBY.ids.maria })).person.certifications).toBeNull();
    });

    it('loads certifications for a whole page of people', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { people } = await c.ok(
        `query($org: ID!) { people(organisationId: $org, filter: { role: COURSE_LEADER }) {
          nodes { fullName certifications { status } } } }`,
        { org: LARKBY.organisation },
      );
      expect(people.nodes).toEqual([
        { fullName: 'Johan Ek', certifications: [{ status: 'VALID' }] },
        { fullName: 'Karin Sjö', certifications: [{ status: 'EXPIRED' }] },
        { fullName: 'Maria Berg', certifications: [{ status: 'VALID' }] },
      ]);
    });
  });

  describe('addCertification', () => {
    it('records a certification for a teacher and makes them a course leader in the same change', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(await rolesOf(LARKBY.ids.sara)).toEqual(['TEACHER']);
      const { addCertification } = await c.ok(ADD, {
        input: {
          personId: LARKBY.ids.sara,
          issuedOn: day(-10),
          validUntil: day(3 * 365),
          issuer: '  STL-utbildarnätverket ',
          reference: ' STL-2026-0200 ',
        },
      });
      expect(addCertification).toMatchObject({
        personId: LARKBY.ids.sara,
        issuedOn: day(-10),
        issuer: 'STL-utbildarnätverket',
        reference: 'STL-2026-0200',
        revokedAt: null,
        status: 'VALID',
      });
      expect(await rolesOf(LARKBY.ids.sara)).toEqual(['COURSE_LEADER', 'TEACHER']);
      const sara = await api.signedIn(LARKBY.sara);
      expect((await sara.ok(CERTS, { id: LARKBY.ids.sara })).person.certifications).toHaveLength(1);
    });

    it('keeps one COURSE_LEADER grant when a course leader gets a renewed certification', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { addCertification } = await c.ok(ADD, {
        input: { personId: LARKBY.ids.karin, issuedOn: day(-1), validUntil: day(30), issuer: 'STL' },
      });
      expect(addCertification.status).toBe('EXPIRING_SOON');
      expect(await rolesOf(LARKBY.ids.karin)).toEqual(['COURSE_LEADER']);
      const karin = (await c.ok(CERTS, { id: LARKBY.ids.karin })).person.certifications;
      expect(karin.map((x: { status: string }) => x.status)).toEqual(['EXPIRING_SOON', 'EXPIRED']);
    });

    it('tells a certificate that starts later apart from a valid one', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { addCertification } = await c.ok(ADD, {
        input: { personId: LARKBY.ids.johan, issuedOn: day(10), validUntil: day(400), issuer: 'STL' },
      });
      expect(addCertification.status).toBe('NOT_YET_VALID');
      expect(addCertification.reference).toBeNull();
    });

    it.each([
      ['an impossible date', { issuedOn: '2027-02-29' }, 'issuedOn'],
      ['a month 13', { validUntil: '2026-13-01' }, 'validUntil'],
      ['a Swedish-style date', { issuedOn: '17/08/2026' }, 'issuedOn'],
      ['a date with a time', { validUntil: '2026-08-17T00:00:00Z' }, 'validUntil'],
      ['an empty date', { issuedOn: '' }, 'issuedOn'],
      ['a blank issuer', { issuer: '  ' }, 'issuer'],
      ['a 10 000 character issuer', { issuer: 'i'.repeat(10_000) }, 'issuer'],
      ['a 101 character reference', { reference: 'r'.repeat(101) }, 'reference'],
      ['a malformed person id', { personId: 'sara' }, 'personId'],
      [
        'the last valid day before the issue date',
        { issuedOn: '2026-08-17', validUntil: '2026-08-16' },
        'validUntil',
      ],
    ])('refuses %s as BAD_USER_INPUT and adds neither certificate nor role', async (_label, over, field) => {
      const error = await refused(api, LARKBY.admin, ADD, {
        input: {
          personId: LARKBY.ids.erik,
          issuedOn: '2026-06-01',
          validUntil: '2030-06-30',
          issuer: 'STL',
          ...over,
        },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems?.map((p) => p.field)).toContain(field);
      expect(await rolesOf(LARKBY.ids.erik)).toEqual(['TEACHER']);
    });

    it('refuses a number as a date in GraphQL itself', async () => {
      const c = await api.signedIn(LARKBY.admin);
      expect(
        await c.code(ADD, {
          input: { personId: LARKBY.ids.erik, issuedOn: 20260601, validUntil: '2030-06-30', issuer: 'STL' },
        }),
      ).toBe('BAD_USER_INPUT');
    });

    it.each([
      [LARKBY.maria, LARKBY.ids.maria, 'FORBIDDEN'],
      [LARKBY.maria, LARKBY.ids.erik, 'FORBIDDEN'],
      [LARKBY.rektorEkbacke, LARKBY.ids.erik, 'FORBIDDEN'],
      [`erik.johansson@${DEMO_DOMAIN}`, LARKBY.ids.erik, 'FORBIDDEN'],
      [`erik.johansson@${DEMO_DOMAIN}`, LARKBY.ids.sara, 'NOT_FOUND'],
      [LARKBY.admin, UNKNOWN_ID, 'NOT_FOUND'],
    ])('refuses %s certifying person %s: %s', async (who, personId, code) => {
      const error = await refused(api, who, ADD, {
        input: { personId, issuedOn: '2026-06-01', validUntil: '2030-06-30', issuer: 'STL' },
      });
      expect(error?.extensions?.code).toBe(code);
    });
  });

  describe('updateCertification and revokeCertification', () => {
    it('corrects dates and reference, checking the dates together', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { updateCertification } = await c.ok(UPDATE, {
        id: LARKBY.ids.karinCert,
        input: { validUntil: '2030-06-30', reference: null },
      });
      expect(updateCertification).toMatchObject({
        issuedOn: '2020-06-12',
        validUntil: '2030-06-30',
        reference: null,
        status: 'VALID',
      });
      const error = await refused(api, LARKBY.admin, UPDATE, {
        id: LARKBY.ids.karinCert,
        input: { issuedOn: '2031-01-01' },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([
        {
          field: 'validUntil',
          code: 'BEFORE_ISSUED_ON',
          message: 'The last valid day (2030-06-30) cannot be before the issue date (2031-01-01).',
        },
      ]);
      await c.ok(UPDATE, {
        id: LARKBY.ids.karinCert,
        input: { validUntil: '2024-06-30', reference: 'STL-2020-0031' },
      });
    });

    it('refuses bad input, unknown ids and anyone but an administrator, changing nothing', async () => {
      const cases: [string, string, Record<string, unknown>, string][] = [
        [LARKBY.admin, LARKBY.ids.mariaCert, { validUntil: '2029-02-30' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, LARKBY.ids.mariaCert, { issuer: '' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, LARKBY.ids.mariaCert, { issuer: null }, 'BAD_USER_INPUT'],
        [LARKBY.admin, 'cert-1', { issuer: 'X' }, 'BAD_USER_INPUT'],
        [LARKBY.admin, UNKNOWN_ID, { issuer: 'X' }, 'NOT_FOUND'],
        [LARKBY.maria, LARKBY.ids.mariaCert, { validUntil: '2099-12-31' }, 'FORBIDDEN'],
        [LARKBY.maria, LARKBY.ids.karinCert, { validUntil: '2099-12-31' }, 'NOT_FOUND'],
        [LARKBY.rektorEkbacke, LARKBY.ids.mariaCert, { issuer: 'X' }, 'NOT_FOUND'],
        [LARKBY.sara, LARKBY.ids.mariaCert, { issuer: 'X' }, 'NOT_FOUND'],
      ];
      for (const [who, id, input, code] of cases) {
        expect((await refused(api, who, UPDATE, { id, input }))?.extensions?.code).toBe(code);
      }
      expect((await refused(api, LARKBY.maria, REVOKE, { id: LARKBY.ids.johanCert }))?.extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await refused(api, LARKBY.maria, REVOKE, { id: LARKBY.ids.mariaCert }))?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await refused(api, LARKBY.admin, REVOKE, { id: 'x' }))?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await refused(api, LARKBY.admin, REVOKE, { id: UNKNOWN_ID }))?.extensions?.code).toBe(
        'NOT_FOUND',
      );
    });

    it('revokes once: a second revocation keeps the first time, and the status is REVOKED', async () => {
      const c = await api.signedIn(LARKBY.admin);
      const { addCertification } = await c.ok(ADD, {
        input: { personId: LARKBY.ids.ingrid, issuedOn: day(-100), validUntil: day(1000), issuer: 'STL' },
      });
      const first = (await c.ok(REVOKE, { id: addCertification.id })).revokeCertification;
      expect(first.status).toBe('REVOKED');
      expect(first.revokedAt).not.toBeNull();
      const second = (await c.ok(REVOKE, { id: addCertification.id })).revokeCertification;
      expect(second.revokedAt).toBe(first.revokedAt);
      expect(await rolesOf(LARKBY.ids.ingrid)).toEqual(['COURSE_LEADER', 'TEACHER']);
    });
  });

  it('answers UNAUTHENTICATED to every operation without a session, changing nothing', async () => {
    const c = api.client();
    const before = await snapshot(api.db);
    const calls: [string, Record<string, unknown>][] = [
      [CERTS, { id: LARKBY.ids.maria }],
      [
        ADD,
        {
          input: { personId: LARKBY.ids.sara, issuedOn: '2026-01-01', validUntil: '2030-01-01', issuer: 'X' },
        },
      ],
      [UPDATE, { id: LARKBY.ids.mariaCert, input: { issuer: 'X' } }],
      [REVOKE, { id: LARKBY.ids.mariaCert }],
    ];
    for (const [query, variables] of calls) expect(await c.code(query, variables)).toBe('UNAUTHENTICATED');
    expect(await snapshot(api.db)).toEqual(before);
  });
});
