import { ADMIN, MARIA, ORG, SARA } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { outboxRows, recipientOf, settled, startMailTestApi } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

const REPORT = `mutation($input: ReportAccessibilityProblemInput!) {
  reportAccessibilityProblem(input: $input) { organisationName receivedAt answerable }
}`;
const CONTACT = `query($org: ID!) { accessibilityContact(organisationId: $org) { name email recipients } }`;
const SET_CONTACT = `mutation($org: ID!, $email: String) {
  setAccessibilityContact(input: { organisationId: $org, email: $email }) { name email recipients }
}`;
const ORGANISATIONS = `query { accessibilityReportOrganisations { slug name } }`;

const DESCRIPTION =
  'Knappen "Publicera" går inte att nå med tangentbordet när en bild är bifogad.\n\nJag använder NVDA med Firefox.';

/**
 * Issue 12: the accessibility statement's way to report a problem (DOS-lagen). A report is mailed,
 * through the outbox and a real SMTP server, to the organisation's named contact, else to its
 * administrators, with the reporter's address as Reply-To; bad input is refused with typed problems
 * and writes nothing; one address may report 20 times within the hour.
 */
describe('reporting an accessibility problem', () => {
  let api: MailTestApi;
  let anonymous: GqlClient;
  let admin: GqlClient;
  let sara: GqlClient;
  /** Reports accepted so far from the test's one client address (the limit counts them). */
  let accepted = 0;
  const reportMails = () =>
    api.smtp.received.filter((m) => m.parsed.subject?.startsWith('Tillgänglighetsproblem'));
  const rows = () => outboxRows(api.db, `kind = 'ACCESSIBILITY_REPORT'`);
  const report = async (client: GqlClient, input: Record<string, unknown>) => {
    const r = await client.ok(REPORT, { input });
    accepted++;
    return r.reportAccessibilityProblem;
  };

  beforeAll(async () => {
    api = await startMailTestApi();
    anonymous = api.client();
    [admin, sara] = await Promise.all([api.signedIn(ADMIN), api.signedIn(SARA)]);
  });
  afterAll(() => api.close());

  it('lists the organisations for the signed-out form, by name and slug only', async () => {
    const { accessibilityReportOrganisations: list } = await anonymous.ok(ORGANISATIONS);
    expect(list).toContainEqual({ slug: 'larkby', name: 'Lärkby kommun' });
    for (const o of list) expect(Object.keys(o).sort()).toEqual(['name', 'slug']);
  });

  it("mails a signed-out reporter's words to every administrator, with Reply-To the reporter", async () => {
    const admins: { email: string }[] = await api.db.query(
      `SELECT DISTINCT p.email FROM role_grant g JOIN person p ON p.id = g.person_id
        WHERE g.organisation_id = $1 AND g.role = 'ADMINISTRATOR' AND p.active`,
      [ORG],
    );
    expect(admins.length).toBeGreaterThan(0);
    const receipt = await report(anonymous, {
      organisationSlug: 'larkby',
      description: DESCRIPTION,
      where: 'Skriv analys, omgång 2',
      name: 'Eva Öberg',
      email: 'eva.oberg@example.org',
    });
    expect(receipt).toMatchObject({ organisationName: 'Lärkby kommun', answerable: true });
    await settled(api.appDb);
    const mails = reportMails();
    expect(mails.map(recipientOf).sort()).toEqual(admins.map((a) => a.email).sort());
    const mail = mails[0].parsed;
    expect(mail.subject).toBe('Tillgänglighetsproblem rapporterat på STL-plattformen (Lärkby kommun)');
    expect(mail.replyTo?.value).toEqual([{ name: 'Eva Öberg', address: 'eva.oberg@example.org' }]);
    expect(mail.text).toContain(
      'Knappen "Publicera" går inte att nå med tangentbordet när en bild är bifogad.',
    );
    expect(mail.text).toContain('Jag använder NVDA med Firefox.');
    expect(mail.text).toContain('Skriv analys, omgång 2');
    expect(mail.text).toContain('Inloggad: nej');
    // It cannot be turned off, so it carries no unsubscribe link.
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
  });

  it('sends only to the named contact once an administrator names one, and back to the administrators after', async () => {
    expect((await admin.ok(CONTACT, { org: ORG })).accessibilityContact).toMatchObject({ name: null });
    const { setAccessibilityContact: named } = await admin.ok(SET_CONTACT, {
      org: ORG,
      email: MARIA.toUpperCase(),
    });
    expect(named).toEqual({ name: 'Maria Berg', email: MARIA, recipients: 1 });

    const before = reportMails().length;
    // Signed in, the report goes to Sara's own organisation whatever slug is sent, and says so.
    const receipt = await report(sara, {
      organisationSlug: 'norrby',
      description: 'Fokus syns inte på menyknappen.',
    });
    expect(receipt).toMatchObject({ organisationName: 'Lärkby kommun', answerable: false });
    await settled(api.appDb);
    const fresh = reportMails().slice(before);
    expect(fresh.map(recipientOf)).toEqual([MARIA]);
    expect(fresh[0].parsed.text).toContain('Inloggad: ja');
    expect(fresh[0].parsed.text).toContain('ingen adress angiven');
    expect(fresh[0].parsed.replyTo).toBeUndefined();

    const { setAccessibilityContact: cleared } = await admin.ok(SET_CONTACT, { org: ORG, email: null });
    expect(cleared.name).toBeNull();
    expect(cleared.recipients).toBeGreaterThan(0);
  });

  it('refuses a contact who is not an active person of the organisation, and keeps the old one', async () => {
    await admin.ok(SET_CONTACT, { org: ORG, email: MARIA });
    const r = await admin.request(SET_CONTACT, { org: ORG, email: 'ingen.alls@larkby.example' });
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'email', code: 'NOT_FOUND' })],
    });
    expect((await admin.ok(CONTACT, { org: ORG })).accessibilityContact.email).toBe(MARIA);
    // Only the organisation's administrators may see or name the contact.
    expect(await sara.code(SET_CONTACT, { org: ORG, email: SARA })).toBe('FORBIDDEN');
    expect(await sara.code(CONTACT, { org: ORG })).toBe('FORBIDDEN');
    expect(await anonymous.code(CONTACT, { org: ORG })).toBe('UNAUTHENTICATED');
    await admin.ok(SET_CONTACT, { org: ORG, email: null });
  });

  it.each([
    [
      'a description under 10 characters',
      { organisationSlug: 'larkby', description: 'Trasig' },
      'description',
    ],
    [
      'an e-mail that is not one',
      { organisationSlug: 'larkby', description: DESCRIPTION, email: 'eva@' },
      'email',
    ],
    ['no organisation when signed out', { description: DESCRIPTION }, 'organisationSlug'],
    [
      'an unknown organisation',
      { organisationSlug: 'ingenstans', description: DESCRIPTION },
      'organisationSlug',
    ],
    [
      'a description over 4,000 characters',
      { organisationSlug: 'larkby', description: 'x'.repeat(4001) },
      'description',
    ],
  ])('refuses %s with a typed problem and writes nothing', async (_what, input, field) => {
    const before = (await rows()).length;
    const r = await anonymous.request(REPORT, { input });
    expect(r.data).toBeFalsy();
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.problems?.map((p) => p.field)).toContain(field);
    expect((await rows()).length).toBe(before);
  });

  it('lets one address report 20 times within the hour, then asks it to wait', async () => {
    while (accepted < 20)
      await report(anonymous, { organisationSlug: 'larkby', description: `Rapport nummer ${accepted}.` });
    const before = (await rows()).length;
    const r = await anonymous.request(REPORT, {
      input: { organisationSlug: 'larkby', description: 'En rapport för mycket.' },
    });
    expect(r.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(
      (r.errors?.[0].extensions as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect((await rows()).length).toBe(before);
  });
});
