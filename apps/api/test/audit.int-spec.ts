import { DataSource } from 'typeorm';
import { AuditEventKind, dataSourceOptions, seedDemoActivity } from '@stl/api/data-access-db';
import { AuditService } from '@stl/api/feature-auth';
import { ADMIN, MARIA, MARIA_ID, ORG, SARA, SEEDED, TEACHER } from './cohort.fixtures';
import { createOtherOrganisation } from './organisation.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/**
 * The audit log (issue 12, ADR 0029): each listed event is recorded, over HTTP, with who, where,
 * what and the outcome, ids and codes only; only the organisation's administrators search and
 * download it; and the database refuses to change or remove a line, also from the API's own
 * connection.
 */
const EVENTS = `query($org: ID!, $filter: AuditEventsFilterInput, $first: Int) {
  auditEvents(organisationId: $org, filter: $filter, first: $first) {
    totalCount
    nodes { id occurredAt actorId organisationId kind targetType targetId outcome details { key value } actor { id fullName } }
  }
}`;

interface Row {
  kind: string;
  outcome: string;
  actor_id: string | null;
  organisation_id: string | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

describe('audit log', () => {
  let api: TestApi;
  let admin: GqlClient;
  let adminId: string;
  let saraId: string;

  /** The lines written since `since`, oldest first. */
  const since = async (mark: Date, kind?: string): Promise<Row[]> =>
    api.db.query(
      `SELECT kind, outcome, actor_id, organisation_id, target_type, target_id, details FROM audit_event
        WHERE occurred_at >= $1 AND ($2::text IS NULL OR kind = $2) ORDER BY occurred_at, id`,
      [mark, kind ?? null],
    );
  /** Failed sign-ins are written without making the answer wait (timing); wait for the line. */
  const eventually = async (mark: Date, kind: string, count = 1): Promise<Row[]> => {
    for (let i = 0; i < 100; i++) {
      const rows = await since(mark, kind);
      if (rows.length >= count) return rows;
      await new Promise((r) => setImmediate(r));
    }
    return since(mark, kind);
  };
  const now = async (): Promise<Date> => (await api.db.query(`SELECT clock_timestamp() AS t`))[0].t;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoActivity(api.db);
    admin = await api.signedIn(ADMIN);
    adminId = (await admin.ok(`{ me { person { id } } }`)).me.person.id;
    saraId = (await api.db.query(`SELECT id FROM person WHERE email = $1`, [SARA]))[0].id;
  });
  afterAll(() => api?.close());

  it('records sign-ins, and failed ones of a known person only, with no address or password', async () => {
    const mark = await now();
    const c = api.client();
    await c.signIn(SARA);
    expect(
      await c.code(
        `mutation { signIn(input: { email: "${SARA}", password: "wrong-password-1" }) { email } }`,
      ),
    ).toBe('INVALID_CREDENTIALS');
    expect(
      await c.code(
        `mutation { signIn(input: { email: "nobody@larkby.example", password: "whatever-1234" }) { email } }`,
      ),
    ).toBe('INVALID_CREDENTIALS');
    const rows = await eventually(mark, 'SIGN_IN', 2);
    expect(rows.map((r) => [r.outcome, r.actor_id, r.organisation_id, r.details])).toEqual([
      ['SUCCESS', saraId, ORG, { method: 'PASSWORD' }],
      ['FAILED', saraId, ORG, { method: 'PASSWORD', code: 'INVALID_CREDENTIALS' }],
    ]);
    const text = JSON.stringify(await since(mark));
    expect(text).not.toContain('wrong-password-1');
    expect(text).not.toContain('@');
  });

  it('records refused authorisations once per request, naming the operations, not the aliases', async () => {
    const sara = await api.signedIn(SARA);
    const mark = await now();
    const r = await sara.request(`{ mine: auditEvents(organisationId: "${ORG}") { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Not signed in: UNAUTHENTICATED, which is not a refusal of anyone and is not logged.
    expect(await api.client().code(`{ auditEvents(organisationId: "${ORG}") { totalCount } }`)).toBe(
      'UNAUTHENTICATED',
    );
    const rows = await since(mark, 'AUTHORISATION_REFUSED');
    expect(rows).toEqual([
      {
        kind: 'AUTHORISATION_REFUSED',
        outcome: 'REFUSED',
        actor_id: saraId,
        organisation_id: ORG,
        target_type: 'OPERATION',
        target_id: 'auditEvents',
        details: { code: 'FORBIDDEN', operations: ['auditEvents'] },
      },
    ]);
  });

  it('records roles given and taken in the transaction of the change, and nothing for a refused one', async () => {
    const mark = await now();
    const person = TEACHER(1);
    const GRANT = `mutation($p: ID!) { grantRole(personId: $p, role: COURSE_LEADER) { id } }`;
    const REVOKE = `mutation($p: ID!) { revokeRole(personId: $p, role: COURSE_LEADER) { id } }`;
    await admin.ok(GRANT, { p: person });
    await admin.ok(GRANT, { p: person }); // already held: nothing changes, nothing logged
    await admin.ok(REVOKE, { p: person });
    const maria = await api.signedIn(MARIA);
    expect(await maria.code(GRANT, { p: person })).toBe('FORBIDDEN');
    const rows = await since(mark);
    expect(
      rows.filter((r) => r.kind.startsWith('ROLE_')).map((r) => [r.kind, r.actor_id, r.target_id, r.details]),
    ).toEqual([
      ['ROLE_GRANTED', adminId, person, { role: 'COURSE_LEADER', schoolId: null }],
      ['ROLE_REVOKED', adminId, person, { role: 'COURSE_LEADER', schoolId: null }],
    ]);
    expect(rows.filter((r) => r.kind === 'AUTHORISATION_REFUSED').map((r) => r.target_id)).toEqual([
      'grantRole',
    ]);
  });

  it('records certifications added, changed and revoked, without the issuer or reference text', async () => {
    const mark = await now();
    const person = TEACHER(2);
    const added = await admin.ok(
      `mutation($p: ID!) { addCertification(input: { personId: $p, issuedOn: "2026-01-10", validUntil: "2029-01-09", issuer: "Hemliga nätverket", reference: "REF 123" }) { id } }`,
      { p: person },
    );
    const id = added.addCertification.id;
    await admin.ok(
      `mutation($id: ID!) { updateCertification(id: $id, input: { validUntil: "2030-01-09" }) { id } }`,
      {
        id,
      },
    );
    await admin.ok(`mutation($id: ID!) { revokeCertification(id: $id) { id } }`, { id });
    const rows = await since(mark);
    expect(rows.map((r) => [r.kind, r.target_type, r.target_id, r.details])).toEqual([
      ['CERTIFICATION_ADDED', 'CERTIFICATION', id, { personId: person }],
      ['ROLE_GRANTED', 'PERSON', person, { role: 'COURSE_LEADER', schoolId: null }],
      ['CERTIFICATION_CHANGED', 'CERTIFICATION', id, { personId: person }],
      ['CERTIFICATION_REVOKED', 'CERTIFICATION', id, { personId: person }],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Hemliga|REF 123/);
  });

  it('records an administrator reading analyses of a cohort they do not take part in; not a leader reading them', async () => {
    const page = `query($c: ID!) { sharedSpace(cohortId: $c, first: 3) { nodes { id } } }`;
    const maria = await api.signedIn(MARIA);
    const mark = await now();
    const ids: string[] = (await admin.ok(page, { c: SEEDED })).sharedSpace.nodes.map((n: any) => n.id);
    expect(ids.length).toBeGreaterThan(0);
    await admin.ok(`query($id: ID!) { analysis(id: $id) { id } }`, { id: ids[0] });
    await maria.ok(page, { c: SEEDED });
    await maria.ok(`query($id: ID!) { analysis(id: $id) { id } }`, { id: ids[0] });
    const rows = await since(mark, 'ANALYSIS_READ_BY_ADMINISTRATOR');
    const author = (await api.db.query(`SELECT author_id FROM analysis WHERE id = $1`, [ids[0]]))[0]
      .author_id;
    expect(rows.map((r) => [r.actor_id, r.target_type, r.target_id, r.details])).toEqual([
      [adminId, 'COHORT', SEEDED, { analysisIds: ids }],
      [adminId, 'ANALYSIS', ids[0], { authorId: author, cohortId: SEEDED }],
    ]);
    expect(rows.some((r) => r.actor_id === MARIA_ID)).toBe(false);
  });

  it('records exports, and a refused one, before anything is sent', async () => {
    const download = (client: GqlClient, path: string) =>
      fetch(`${api.url}${path}`, { headers: client.sessionCookie ? { cookie: client.sessionCookie } : {} });
    const mark = await now();
    // A person's data (GDPR art. 15), made by an administrator for her and by herself.
    expect((await download(admin, `/export/people/${saraId}/data.zip`)).status).toBe(200);
    expect((await download(admin, `/export/cohorts/${SEEDED}/progress.csv`)).status).toBe(200);
    expect((await download(admin, `/export/cohorts/${SEEDED}/attendance.xlsx`)).status).toBe(200);
    const sara = await api.signedIn(SARA);
    expect((await download(sara, `/export/me/data.json`)).status).toBe(200);
    expect((await download(sara, `/export/organisations/${ORG}/audit.csv`)).status).toBe(403);
    expect((await download(sara, `/export/people/${adminId}/data.html`)).status).toBe(403);
    const rows = (await since(mark)).filter((r) => r.kind !== 'SIGN_IN');
    expect(rows.map((r) => [r.kind, r.outcome, r.actor_id, r.target_id, r.details])).toEqual([
      ['EXPORT', 'SUCCESS', adminId, saraId, { export: 'personalData', format: 'zip' }],
      ['EXPORT', 'SUCCESS', adminId, SEEDED, { export: 'progress', format: 'csv' }],
      ['EXPORT', 'SUCCESS', adminId, SEEDED, { export: 'attendance', format: 'xlsx' }],
      ['EXPORT', 'SUCCESS', saraId, saraId, { export: 'personalData', format: 'json' }],
      ['AUTHORISATION_REFUSED', 'REFUSED', saraId, 'export', { code: 'FORBIDDEN' }],
      ['AUTHORISATION_REFUSED', 'REFUSED', saraId, 'export', { code: 'FORBIDDEN' }],
    ]);
    expect(rows.filter((r) => r.kind === 'EXPORT').every((r) => r.organisation_id === ORG)).toBe(true);
  });

  it('records an erasure through the method the privacy code calls, in its transaction', async () => {
    const audit = api.app.get(AuditService);
    const mark = await now();
    await api.db.transaction((m) =>
      audit.recordErasure(m, {
        actorId: adminId,
        organisationId: ORG,
        personId: TEACHER(3),
        details: { reason: 'REQUEST', records: ['DRAFT', 'SESSION'] },
      }),
    );
    // Rolled back with the erasure it belongs to: no line for what did not happen.
    await expect(
      api.db.transaction(async (m) => {
        await audit.recordErasure(m, { actorId: adminId, organisationId: ORG, personId: TEACHER(4) });
        throw new Error('erasure failed');
      }),
    ).rejects.toThrow('erasure failed');
    // Text is refused before it is written.
    await expect(
      api.db.transaction((m) =>
        audit.recordErasure(m, { actorId: null, organisationId: ORG, details: { name: 'Sara Lindqvist' } }),
      ),
    ).rejects.toThrow(/keeps no text/);
    expect((await since(mark)).map((r) => [r.kind, r.target_type, r.target_id, r.details])).toEqual([
      ['ERASURE', 'PERSON', TEACHER(3), { reason: 'REQUEST', records: ['DRAFT', 'SESSION'] }],
    ]);
  });

  it('is searched by the organisation’s administrators only, newest first, with filters', async () => {
    const all = (await admin.ok(EVENTS, { org: ORG, first: 100 })).auditEvents;
    expect(all.totalCount).toBeGreaterThan(10);
    const times = all.nodes.map((n: any) => n.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.nodes.every((n: any) => n.organisationId === ORG)).toBe(true);
    const exports = (await admin.ok(EVENTS, { org: ORG, filter: { kind: 'EXPORT', actorId: adminId } }))
      .auditEvents;
    expect(exports.nodes.map((n: any) => n.kind)).toEqual(['EXPORT', 'EXPORT', 'EXPORT']);
    expect(exports.nodes[0].actor).toEqual({ id: adminId, fullName: 'Åsa Lind' });
    expect(exports.nodes[0].details).toEqual([
      { key: 'export', value: 'attendance' },
      { key: 'format', value: 'xlsx' },
    ]);
    const refused = (await admin.ok(EVENTS, { org: ORG, filter: { outcome: 'REFUSED' } })).auditEvents;
    expect(refused.nodes.every((n: any) => n.outcome === 'REFUSED')).toBe(true);
    expect(refused.totalCount).toBeGreaterThanOrEqual(3);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin.ok(EVENTS, { org: ORG, filter: { from: future } })).auditEvents.totalCount).toBe(0);
    expect((await admin.ok(EVENTS, { org: ORG, filter: { to: future } })).auditEvents.totalCount).toBe(
      all.totalCount,
    );

    const other = await createOtherOrganisation(api.db);
    const norrby = await api.signedIn(other.adminEmail);
    expect(await norrby.code(EVENTS, { org: ORG })).toBe('NOT_FOUND');
    expect(await (await api.signedIn(MARIA)).code(EVENTS, { org: ORG })).toBe('FORBIDDEN');
    expect(await api.client().code(EVENTS, { org: ORG })).toBe('UNAUTHENTICATED');
  });

  it('is downloaded by administrators as CSV with the screen’s filters, and the download is logged', async () => {
    const res = await fetch(`${api.url}/export/organisations/${ORG}/audit.csv?kind=SIGN_IN&outcome=FAILED`, {
      headers: { cookie: admin.sessionCookie as string },
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Tidpunkt (UTC)');
    expect(lines.length).toBe(2);
    expect(lines[1]).toContain('INVALID_CREDENTIALS');
    expect(lines[1]).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    const bad = await fetch(`${api.url}/export/organisations/${ORG}/audit.csv?kind=NOPE`, {
      headers: { cookie: admin.sessionCookie as string },
    });
    expect(bad.status).toBe(422);
    const [last] = (await admin.ok(EVENTS, { org: ORG, filter: { kind: 'EXPORT' }, first: 1 })).auditEvents
      .nodes;
    expect(last.details).toEqual([
      { key: 'export', value: 'audit' },
      { key: 'format', value: 'csv' },
      { key: 'kind', value: 'SIGN_IN' },
      { key: 'outcome', value: 'FAILED' },
      { key: 'rows', value: '1' },
    ]);
  });

  it('keeps no e-mail address, name or password anywhere in the log', async () => {
    const text = JSON.stringify(await api.db.query(`SELECT * FROM audit_event`));
    const people: { email: string; full_name: string }[] = await api.db.query(
      `SELECT email, full_name FROM person WHERE organisation_id = $1`,
      [ORG],
    );
    for (const p of people) {
      expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.full_name);
    }
  });

  it('is append-only: the API’s own connection cannot change, remove or empty it', async () => {
    const before = (await api.db.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    expect(before).toBeGreaterThan(0);
    // The application's own DataSource, the one the services write through.
    const appDb = api.app.get(DataSource);
    await expect(appDb.query(`UPDATE audit_event SET outcome = 'SUCCESS'`)).rejects.toThrow(/append-only/);
    await expect(appDb.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(appDb.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await expect(appDb.getRepository('audit_event').delete({ kind: AuditEventKind.SIGN_IN })).rejects.toThrow(
      /append-only/,
    );
    // And a role without the superuser's bypass has no such privilege at all.
    const role = `audit_probe_${process.pid}`;
    await api.db.query(`CREATE ROLE ${role} LOGIN`);
    await api.db.query(`GRANT SELECT, INSERT ON audit_event TO ${role}`);
    const url = new URL(api.databaseUrl);
    url.username = role;
    url.password = '';
    const limited = await new DataSource(dataSourceOptions(url.href, { extra: { max: 1 } })).initialize();
    try {
      await expect(limited.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied|append-only/);
      await expect(limited.query(`UPDATE audit_event SET kind = 'X'`)).rejects.toThrow(
        /permission denied|append-only/,
      );
    } finally {
      await limited.destroy();
      await api.db.query(`DROP OWNED BY ${role}`);
      await api.db.query(`DROP ROLE ${role}`);
    }
    expect((await api.db.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(before);
  });
});
