import { randomUUID } from 'node:crypto';
import { ADMIN, MARIA, MARIA_ID, ORG, addPerson } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { StatementCount } from './support/statement-count';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const CONTACT = `query($org: ID!) { accessibilityContact(organisationId: $org) { name email recipients } }`;
const SET_CONTACT = `mutation($org: ID!, $email: String) {
  setAccessibilityContact(input: { organisationId: $org, email: $email }) { name email recipients }
}`;
const REPORT = `mutation($input: ReportAccessibilityProblemInput!) {
  reportAccessibilityProblem(input: $input) { organisationName }
}`;

/**
 * Who receives an organisation's accessibility reports (its named contact, else every active
 * administrator) is read in one statement, whichever it is: it took two when nobody was named, and
 * the contact answer read the named contact once more on top.
 */
describe('the recipients of accessibility reports, in statements', () => {
  let api: TestApi;
  let admin: GqlClient;
  let admins: number;
  const statements = new StatementCount();

  beforeAll(async () => {
    statements.install();
    api = await startTestApi();
    admin = await api.signedIn(ADMIN);
    // A second administrator, and one no longer active (who receives nothing).
    await addPerson(api.db, {
      organisationId: ORG,
      email: 'admin2@larkby.example',
      fullName: 'Bo Nord',
      roles: ['ADMINISTRATOR'],
    });
    const gone = await addPerson(api.db, {
      organisationId: ORG,
      email: 'admin3@larkby.example',
      fullName: 'Ulla Syd',
      roles: ['ADMINISTRATOR'],
    });
    await api.db.query(`UPDATE person SET active = false WHERE id = $1`, [gone]);
    [{ admins }] = await api.db.query(
      `SELECT count(DISTINCT g.person_id)::int AS admins FROM role_grant g JOIN person p ON p.id = g.person_id
        WHERE g.organisation_id = $1 AND g.role = 'ADMINISTRATOR' AND p.active`,
      [ORG],
    );
  });
  afterAll(async () => {
    statements.restore();
    await api.close();
  });

  /** The statements of the contact answer beyond the session read (an unknown organisation sends only that). */
  async function contactStatements(): Promise<{ own: string[]; contact: Record<string, unknown> }> {
    const unknown = { org: randomUUID() };
    const session = await statements.during(async () =>
      expect(await admin.code(CONTACT, unknown)).toBe('NOT_FOUND'),
    );
    let contact: Record<string, unknown> = {};
    const all = await statements.during(async () => {
      contact = (await admin.ok(CONTACT, { org: ORG })).accessibilityContact;
    });
    return { own: all.slice(session.length), contact };
  }

  it('answers who receives the reports in one statement, named contact or not', async () => {
    // Once first: a session not used for a minute is touched (one more statement).
    await admin.ok(CONTACT, { org: ORG });
    expect(admins).toBe(2);

    const nobodyNamed = await contactStatements();
    expect(nobodyNamed.contact).toEqual({ name: null, email: null, recipients: admins });
    expect(nobodyNamed.own).toHaveLength(1);

    await admin.ok(SET_CONTACT, { org: ORG, email: MARIA });
    const named = await contactStatements();
    expect(named.contact).toEqual({ name: 'Maria Berg', email: MARIA, recipients: 1 });
    expect(named.own).toHaveLength(1);

    // A named contact who is no longer active is passed over for the administrators.
    await api.db.query(`UPDATE person SET active = false WHERE id = $1`, [MARIA_ID]);
    const inactive = await contactStatements();
    await api.db.query(`UPDATE person SET active = true WHERE id = $1`, [MARIA_ID]);
    expect(inactive.contact).toEqual({ name: null, email: null, recipients: admins });
    expect(inactive.own).toHaveLength(1);
    await admin.ok(SET_CONTACT, { org: ORG, email: null });
  });

  it('reports to the administrators in as many statements as to a named contact', async () => {
    const anonymous = api.client();
    const report = () =>
      statements.during(() =>
        anonymous.ok(REPORT, {
          input: { organisationSlug: 'larkby', description: 'Fokus syns inte på menyknappen.' },
        }),
      );
    const toAdministrators = await report();
    await admin.ok(SET_CONTACT, { org: ORG, email: MARIA });
    const toContact = await report();
    await admin.ok(SET_CONTACT, { org: ORG, email: null });
    // (The texts differ only in pg-boss's insert, which returns the job id for a single job.)
    expect(toAdministrators).toHaveLength(toContact.length);
  });
});
