import { createHash } from 'node:crypto';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { InvitationService } from '@stl/api/feature-account';
import { LARKBY, createOtherOrganisation } from './organisation.fixtures';
import type { OtherOrganisation } from './organisation.fixtures';
import { ME, tokenIn } from './account-support';
import { startMailTestApi, waitFor } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
const INVITE = `mutation($id: ID!) { invitePerson(personId: $id) { id invitation { status sentAt expiresAt acceptedAt } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(personId: $id) { id invitation { status } } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { firstName organisationName } }`;
const ACCEPT = `mutation($input: SetPasswordWithLinkInput!) { acceptInvitation(input: $input) { person { id fullName } email } }`;
const INVITATION_OF = `query($id: ID!) { person(id: $id) { invitation { status } } }`;
const PEOPLE = `query($org: ID!, $statuses: [InvitationStatus!]) {
  people(organisationId: $org, filter: { invitationStatus: $statuses }, first: 100) { nodes { id } }
}`;

describe('invitations (ADR 0013)', () => {
  let api: MailTestApi;
  let other: OtherOrganisation;

  beforeAll(async () => {
    api = await startMailTestApi();
    other = await createOtherOrganisation(api.db);
  });
  afterAll(() => api.close());

  async function newPerson(name: string, email: string, locale = 'sv'): Promise<string> {
    const admin = await api.signedIn(LARKBY.admin);
    const { createPerson } = await admin.ok(CREATE, {
      input: {
        organisationId: LARKBY.organisation,
        fullName: name,
        email,
        locale,
        roles: [{ role: 'TEACHER' }],
      },
    });
    return createPerson.id;
  }

  /** The invitation mails that arrived for `email` so far, oldest first. */
  const mailsTo = (email: string) => api.smtp.received.filter((m) => m.envelope.to.includes(email));

  async function invitationMail(email: string, count: number) {
    const mails = await waitFor(
      async () => (mailsTo(email).length >= count ? mailsTo(email) : null),
      `invitation mail ${count} to ${email}`,
    );
    return mails[count - 1];
  }

  it('mails an invitation in the person’s language, saying who invited them, where, and until when', async () => {
    const id = await newPerson('Nora Nyström', 'nora.nystrom@larkby.example', 'en');
    const admin = await api.signedIn(LARKBY.admin);
    const { invitePerson } = await admin.ok(INVITE, { id });
    expect(invitePerson.invitation).toMatchObject({ status: 'PENDING', acceptedAt: null });
    const days =
      (Date.parse(invitePerson.invitation.expiresAt) - Date.parse(invitePerson.invitation.sentAt)) / 864e5;
    expect(days).toBeCloseTo(7, 3);

    const mail = await invitationMail('nora.nystrom@larkby.example', 1);
    expect(mail.parsed.subject).toBe('You are invited to the STL platform of Lärkby kommun');
    const text = String(mail.parsed.text);
    expect(text).toContain('Åsa Lind has invited you');
    expect(text).toMatch(/The link works until: .+/);
    // An account mail cannot be turned off: no unsubscribe link or header.
    expect(text).not.toContain('/unsubscribe');
    expect(mail.parsed.headers.get('list-unsubscribe')).toBeUndefined();

    // Neither the token row nor the outbox holds the token itself.
    const token = tokenIn(mail, '/invitation');
    const [row] = await api.db.query(`SELECT token_hash FROM account_token WHERE person_id = $1`, [id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const [outbox] = await api.db.query(
      `SELECT payload::text AS p FROM outbox_message WHERE recipient_id = $1`,
      [id],
    );
    expect(outbox.p).not.toContain(token);
  });

  it('accepts once: the password rule applies, then the password is set and the person signed in', async () => {
    const id = await newPerson('Olle Ohlsson', 'olle.ohlsson@larkby.example');
    await (await api.signedIn(LARKBY.admin)).ok(INVITE, { id });
    const token = tokenIn(await invitationMail('olle.ohlsson@larkby.example', 1), '/invitation');

    const visitor = api.client();
    expect((await visitor.ok(PREVIEW, { token })).invitationPreview).toEqual({
      firstName: 'Olle',
      organisationName: 'Lärkby kommun',
    });
    // A refused password writes nothing: the link still works.
    const weak = await visitor.request(ACCEPT, { input: { token, newPassword: 'short' } });
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].extensions?.problems?.[0].field).toBe('newPassword');

    const { acceptInvitation } = await visitor.ok(ACCEPT, {
      input: { token, newPassword: 'a-meadow-of-quiet-larches' },
    });
    expect(acceptInvitation).toMatchObject({ person: { id }, email: 'olle.ohlsson@larkby.example' });
    expect((await visitor.ok(ME)).me.person.id).toBe(id);
    const again = api.client();
    await again.signIn('olle.ohlsson@larkby.example', 'a-meadow-of-quiet-larches');

    expect(
      await api.client().code(ACCEPT, { input: { token, newPassword: 'another-fine-passphrase' } }),
    ).toBe('LINK_USED');
    expect(await api.client().code(PREVIEW, { token })).toBe('LINK_USED');
    const admin = await api.signedIn(LARKBY.admin);
    expect((await admin.ok(INVITATION_OF, { id })).person.invitation.status).toBe('ACCEPTED');
    expect(await admin.code(RESEND, { id })).toBe('CONFLICT');
    // Inviting everyone an import names again skips whoever accepted: no new link, no mail.
    const db = api.app.get(TypeOrmDataSource);
    await db.transaction((m) => api.app.get(InvitationService).invite(m, [id], LARKBY.ids.admin));
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM account_token WHERE person_id = $1`, [
      id,
    ]);
    expect(n).toBe(1);
    expect((await admin.ok(INVITATION_OF, { id })).person.invitation.status).toBe('ACCEPTED');
  });

  it('lets a resent link replace the old one, refuses expired links, and lists who has not accepted', async () => {
    const id = await newPerson('Pia Pettersson', 'pia.pettersson@larkby.example');
    const admin = await api.signedIn(LARKBY.admin);
    expect(await admin.code(RESEND, { id })).toBe('BAD_USER_INPUT');
    await admin.ok(INVITE, { id });
    const first = tokenIn(await invitationMail('pia.pettersson@larkby.example', 1), '/invitation');
    expect((await admin.ok(RESEND, { id })).resendInvitation.invitation.status).toBe('PENDING');
    const second = tokenIn(await invitationMail('pia.pettersson@larkby.example', 2), '/invitation');
    expect(second).not.toBe(first);
    expect(await api.client().code(PREVIEW, { token: first })).toBe('LINK_INVALID');
    expect(await api.client().code(PREVIEW, { token: 'not-a-token' })).toBe('LINK_INVALID');

    const pending = await admin.ok(PEOPLE, { org: LARKBY.organisation, statuses: ['PENDING', 'EXPIRED'] });
    expect(pending.people.nodes.map((n: { id: string }) => n.id)).toContain(id);
    const accepted = await admin.ok(PEOPLE, { org: LARKBY.organisation, statuses: ['ACCEPTED'] });
    expect(accepted.people.nodes.map((n: { id: string }) => n.id)).not.toContain(id);

    await api.db.query(
      `UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE person_id = $1`,
      [id],
    );
    expect(await api.client().code(PREVIEW, { token: second })).toBe('LINK_EXPIRED');
    expect(
      await api.client().code(ACCEPT, { input: { token: second, newPassword: 'a-meadow-of-quiet-larches' } }),
    ).toBe('LINK_EXPIRED');
    expect((await admin.ok(INVITATION_OF, { id })).person.invitation.status).toBe('EXPIRED');
    const expired = await admin.ok(PEOPLE, { org: LARKBY.organisation, statuses: ['EXPIRED'] });
    expect(expired.people.nodes.map((n: { id: string }) => n.id)).toEqual([id]);
  });

  it('refuses non-administrators and administrators of another organisation, and hides the status from them', async () => {
    const id = await newPerson('Rut Rask', 'rut.rask@larkby.example');
    const teacher = await api.signedIn(LARKBY.sara);
    expect(await teacher.code(INVITE, { id })).toBe('FORBIDDEN');
    const leader = await api.signedIn(LARKBY.maria);
    expect(await leader.code(INVITE, { id })).toBe('FORBIDDEN');
    expect(await leader.code(PEOPLE, { org: LARKBY.organisation, statuses: ['PENDING'] })).toBe('FORBIDDEN');
    const stranger = await api.signedIn(other.adminEmail);
    expect(await stranger.code(INVITE, { id })).toBe('NOT_FOUND');
    expect(await stranger.code(RESEND, { id })).toBe('NOT_FOUND');
    expect(await api.client().code(INVITE, { id })).toBe('UNAUTHENTICATED');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM account_token WHERE person_id = $1`, [
      id,
    ]);
    expect(n).toBe(0);

    await (await api.signedIn(LARKBY.admin)).ok(INVITE, { id });
    expect((await leader.ok(INVITATION_OF, { id })).person.invitation).toBeNull();
  });

  it('invites inside the caller’s transaction: rolled back, nothing is made or sent', async () => {
    const id = await newPerson('Sten Sund', 'sten.sund@larkby.example');
    const service = api.app.get(InvitationService);
    const db = api.app.get(TypeOrmDataSource);
    await expect(
      db.transaction(async (m) => {
        await service.invite(m, [id], LARKBY.ids.admin);
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    const [{ n }] = await api.db.query(
      `SELECT (SELECT count(*) FROM account_token WHERE person_id = $1) + (SELECT count(*) FROM outbox_message WHERE recipient_id = $1) AS n`,
      [id],
    );
    expect(Number(n)).toBe(0);

    await db.transaction((m) => service.invite(m, [id], null));
    const mail = await invitationMail('sten.sund@larkby.example', 1);
    expect(String(mail.parsed.text)).toContain('Du har bjudits in till STL-plattformen i Lärkby kommun');
  });
});
