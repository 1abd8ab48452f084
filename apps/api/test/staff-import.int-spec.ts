import { DEMO_OPERATOR_EMAIL } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { xlsx } from './support/xlsx-fixture';
import { LARKBY, createOtherOrganisation, snapshot } from './organisation.fixtures';

const PREVIEW = `mutation($org: ID!, $file: String!) {
  previewStaffImport(organisationId: $org, file: $file) {
    kind newCount updateCount unchangedCount errorCount
    rows { line name email school roles outcome personId changes { field from to } rolesAdded rolesKept problems { field code } }
  }
}`;
const APPLY = `mutation($org: ID!, $file: String!, $invite: Boolean!) {
  applyStaffImport(organisationId: $org, file: $file, sendInvitations: $invite) { created updated unchanged invited }
}`;
const SCHOOLS = ['Ekbackeskolan', 'Solviksskolan', 'Norrängsskolan', 'Tallåsens skola'];

/** 30 staff: 28 new (27 teachers, a school leader), Sara given a role, Maria made a teacher too. */
function staff(bad: boolean): string[][] {
  const rows: string[][] = [];
  for (let i = 1; i <= 27; i++)
    rows.push([`Ny Lärare ${i}`, `ny.larare${i}@larkby.example`, SCHOOLS[i % 4], 'Lärare']);
  rows.push(['Sara Lindqvist', LARKBY.sara, 'Ekbackeskolan', 'Lärare, Kursledare']);
  rows.push(['Maria Berg', LARKBY.maria.toUpperCase(), '', 'lärare']);
  rows.push(['Ny Rektor', 'ny.rektor@larkby.example', 'Solviksskolan', 'Rektor']);
  if (bad) {
    rows[4][1] = 'inte-en-adress';
    rows[11][2] = 'Okänd skola';
    rows[11][3] = 'Lärare; Vaktmästare';
  }
  return rows;
}

const csv = (header: string[], rows: string[][], sep: string) =>
  '\uFEFF' +
  [header, ...rows].map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep)).join('\r\n');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('staff import (CSV and XLSX)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses a file of 30 with two bad rows, with the reasons, and writes nothing', async () => {
    const admin = await api.signedIn(LARKBY.admin);
    const file = b64(csv(['Namn', 'E-post', 'Skola', 'Roller'], staff(true), ';'));
    const { previewStaffImport: p } = await admin.ok(PREVIEW, { org: LARKBY.organisation, file });
    expect(p).toMatchObject({ kind: 'CSV', newCount: 26, updateCount: 2, unchangedCount: 0, errorCount: 2 });
    expect(p.rows).toHaveLength(30);
    const errors = p.rows.filter((r: { outcome: string }) => r.outcome === 'ERROR');
    expect(errors.map((r: { line: number; problems: unknown }) => [r.line, r.problems])).toEqual([
      [6, [{ field: 'email', code: 'EMAIL_INVALID' }]],
      [
        13,
        [
          { field: 'school', code: 'UNKNOWN_SCHOOL' },
          { field: 'roles', code: 'UNKNOWN_ROLE' },
        ],
      ],
    ]);
    const before = await snapshot(api.db);
    const r = await admin.request(APPLY, { org: LARKBY.organisation, file, invite: true });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.problems?.map((x) => `${x.field}:${x.code}`)).toEqual([
      'rows.6.email:EMAIL_INVALID',
      'rows.13.school:UNKNOWN_SCHOOL',
      'rows.13.roles:UNKNOWN_ROLE',
    ]);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('applies the fixed workbook all at once, matching people by address and adding roles only', async () => {
    const admin = await api.signedIn(LARKBY.admin);
    const file = b64(xlsx([['Name', 'E-mail', 'School', 'Roles'], ...staff(false)]));
    const { previewStaffImport: p } = await admin.ok(PREVIEW, { org: LARKBY.organisation, file });
    expect(p).toMatchObject({ kind: 'XLSX', newCount: 28, updateCount: 2, unchangedCount: 0, errorCount: 0 });
    const sara = p.rows.find((r: { email: string }) => r.email === LARKBY.sara);
    expect(sara).toMatchObject({
      outcome: 'UPDATE',
      personId: LARKBY.ids.sara,
      changes: [],
      rolesAdded: ['COURSE_LEADER'],
      rolesKept: [],
    });
    const maria = p.rows.find((r: { email: string }) => r.email === LARKBY.maria);
    expect(maria).toMatchObject({ outcome: 'UPDATE', rolesAdded: ['TEACHER'], rolesKept: ['COURSE_LEADER'] });

    const { applyStaffImport } = await admin.ok(APPLY, { org: LARKBY.organisation, file, invite: true });
    expect(applyStaffImport).toEqual({ created: 28, updated: 2, unchanged: 0, invited: 28 });
    // New people only are invited, in the same transaction (the mail in the outbox).
    const [{ invitations }] = await api.db.query(
      `SELECT count(*)::int AS invitations FROM outbox_message WHERE kind = 'INVITATION' AND to_address LIKE 'ny.%'`,
    );
    expect(invitations).toBe(28);
    const roles = async (email: string) =>
      (
        await api.db.query(
          `SELECT g.role, s.name AS school FROM role_grant g JOIN person p ON p.id = g.person_id
             LEFT JOIN school s ON s.id = g.school_id WHERE p.email = $1 ORDER BY g.role`,
          [email],
        )
      ).map((g: { role: string; school: string | null }) => (g.school ? `${g.role}@${g.school}` : g.role));
    expect(await roles(LARKBY.maria)).toEqual(['COURSE_LEADER', 'TEACHER']);
    expect(await roles(LARKBY.sara)).toEqual(['COURSE_LEADER', 'TEACHER']);
    expect(await roles('ny.rektor@larkby.example')).toEqual(['SCHOOL_LEADER@Solviksskolan']);
    // Every role added is in the audit log, by the administrator (ADR 0029); none for roles kept.
    const granted: { target_id: string; role: string }[] = await api.db.query(
      `SELECT target_id, details->>'role' AS role FROM audit_event
        WHERE kind = 'ROLE_GRANTED' AND actor_id = $1 AND details->>'via' = 'STAFF_IMPORT'`,
      [LARKBY.ids.admin],
    );
    expect(granted).toContainEqual({ target_id: LARKBY.ids.sara, role: 'COURSE_LEADER' });
    expect(granted.filter((g) => g.target_id === LARKBY.ids.maria)).toEqual([
      { target_id: LARKBY.ids.maria, role: 'TEACHER' },
    ]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM person WHERE email LIKE 'ny.%' AND organisation_id = $1 AND password_hash IS NULL`,
      [LARKBY.organisation],
    );
    expect(n).toBe(28);
  });

  it('finds nothing to do when the same people come again, in a comma CSV with English headers', async () => {
    const admin = await api.signedIn(LARKBY.admin);
    const file = b64(csv(['name', 'email', 'school', 'roles'], staff(false), ','));
    const { previewStaffImport: p } = await admin.ok(PREVIEW, { org: LARKBY.organisation, file });
    expect(p).toMatchObject({ newCount: 0, updateCount: 0, unchangedCount: 30, errorCount: 0 });
    const before = await snapshot(api.db);
    expect(
      (await admin.ok(APPLY, { org: LARKBY.organisation, file, invite: true })).applyStaffImport,
    ).toEqual({
      created: 0,
      updated: 0,
      unchanged: 30,
      invited: 0,
    });
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('says what a renamed or moved person changes, and flags duplicates and missing names', async () => {
    const admin = await api.signedIn(LARKBY.admin);
    const file = b64(
      csv(
        ['Namn', 'E-post', 'Skola', 'Roller'],
        [
          ['Sara Lindqvist-Ek', LARKBY.sara, 'Solviksskolan', 'Lärare'],
          ['', 'utan.namn@larkby.example', '', 'Lärare'],
          ['Dubbel', LARKBY.sara.toUpperCase(), '', 'Lärare'],
          ['Ingen Roll', 'ingen.roll@larkby.example', '', ''],
          ['Rektor Utan Skola', 'rektor.utan@larkby.example', '', 'Rektor'],
        ],
        ';',
      ),
    );
    const { previewStaffImport: p } = await admin.ok(PREVIEW, { org: LARKBY.organisation, file });
    expect(p.rows[0]).toMatchObject({
      outcome: 'UPDATE',
      changes: [
        { field: 'fullName', from: 'Sara Lindqvist', to: 'Sara Lindqvist-Ek' },
        { field: 'school', from: 'Ekbackeskolan', to: 'Solviksskolan' },
      ],
      rolesAdded: [],
      rolesKept: ['COURSE_LEADER'],
    });
    expect(
      p.rows.slice(1).map((r: { problems: { code: string }[] }) => r.problems.map((x) => x.code)),
    ).toEqual([['NAME_MISSING'], ['DUPLICATE_IN_FILE'], ['ROLE_MISSING'], ['SCHOOL_REQUIRED']]);
  });

  it('refuses files it cannot read, with a code on `file`', async () => {
    const admin = await api.signedIn(LARKBY.admin);
    const problem = async (file: string) =>
      (await admin.request(PREVIEW, { org: LARKBY.organisation, file })).errors?.[0]?.extensions
        ?.problems?.[0]?.code;
    expect(await problem(b64('Förnamn;Telefon\nA;1'))).toBe('COLUMNS_MISSING');
    expect(await problem(b64('Namn;E-post;Roller\n'))).toBe('FILE_EMPTY');
    expect(await problem(b64(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42])))).toBe('FILE_UNREADABLE');
    expect(await problem(b64(Buffer.from('PK\u0003\u0004 not really a zip')))).toBe('FILE_UNREADABLE');
    expect(await problem('x'.repeat(500_000))).toBe('FILE_TOO_LARGE');
  });

  it('is for administrators of the organisation only', async () => {
    const file = b64(csv(['Namn', 'E-post', 'Skola', 'Roller'], staff(false), ';'));
    const variables = { org: LARKBY.organisation, file, invite: false };
    expect(await (await api.signedIn(LARKBY.sara)).code(PREVIEW, variables)).toBe('FORBIDDEN');
    expect(await (await api.signedIn(LARKBY.maria)).code(APPLY, variables)).toBe('FORBIDDEN');
    expect(await (await api.signedIn(DEMO_OPERATOR_EMAIL)).code(PREVIEW, variables)).toBe('FORBIDDEN');
    const other = await createOtherOrganisation(api.db);
    expect(await (await api.signedIn(other.adminEmail)).code(APPLY, variables)).toBe('NOT_FOUND');
  });
});
