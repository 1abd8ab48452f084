import { DEMO_DOMAIN, DEMO_PASSWORD } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, refused } from './organisation.fixtures';

/** Passwords per NIST SP 800-63B (ADR 0010): the rule, changing one's own, and administrators'. */
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const SET_PASSWORD = `mutation($personId: ID!, $password: String!) { setPassword(personId: $personId, password: $password) }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
const ME = `{ me { email } }`;

describe('passwords', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const hashOf = async (id: string) =>
    (await api.db.query(`SELECT password_hash FROM person WHERE id = $1`, [id]))[0].password_hash as string;
  const sessionsOf = async (id: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM session WHERE person_id = $1`, [id]))[0].n as number;
  const canSignIn = async (email: string, password: string) => {
    const c = api.client();
    const r = await c.request(`mutation($input: SignInInput!) { signIn(input: $input) { email } }`, {
      input: { email, password },
    });
    return !r.errors?.length && c.hasSession;
  };

  describe('changePassword', () => {
    const karin = LARKBY.karin;
    const karinId = LARKBY.ids.karin;

    it('refuses a wrong current password, saying only that, and changes nothing', async () => {
      const here = await api.signedIn(karin);
      const elsewhere = await api.signedIn(karin);
      const before = await hashOf(karinId);
      const sessions = await sessionsOf(karinId);
      const r = await here.request(CHANGE, {
        input: { currentPassword: 'not-my-password', newPassword: 'a perfectly fine passphrase' },
      });
      expect(r.errors?.[0].extensions).toEqual({
        code: 'INVALID_CREDENTIALS',
        problems: [
          {
            field: 'currentPassword',
            code: 'CURRENT_PASSWORD_WRONG',
            message: 'Your current password is wrong.',
          },
        ],
      });
      // A wrong current password is reported even when the new one is also bad: nothing else is said.
      const both = await here.request(CHANGE, {
        input: { currentPassword: 'not-my-password', newPassword: 'karin is here 2026' },
      });
      expect(both.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
      expect(await hashOf(karinId)).toBe(before);
      expect(await sessionsOf(karinId)).toBe(sessions);
      expect((await elsewhere.ok(ME)).me.email).toBe(karin);
      expect(await canSignIn(karin, DEMO_PASSWORD)).toBe(true);
    });

    it.each([
      ['too short', 'elva tecken', ['PASSWORD_TOO_SHORT']],
      ['too long', 'x'.repeat(129), ['PASSWORD_TOO_LONG']],
      ['hundreds of kilobytes long', 'x'.repeat(200_000), ['PASSWORD_TOO_LONG']],
      ['common', '1qaz2wsx3edc', ['PASSWORD_COMMON']],
      ['common in capitals', 'QWERTY123456', ['PASSWORD_COMMON']],
      ['her own name', 'Karin är bäst 2026', ['PASSWORD_CONTAINS_PERSONAL']],
      ['her own e-mail local part', 'my karin.sjo password', ['PASSWORD_CONTAINS_PERSONAL']],
    ])('refuses a new password that is %s as field problems, and changes nothing', async (_l, pw, codes) => {
      const here = await api.signedIn(karin);
      const elsewhere = await api.signedIn(karin);
      const before = await hashOf(karinId);
      const r = await here.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: pw } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const problems = r.errors?.[0].extensions?.problems ?? [];
      expect(problems.map((p) => p.field)).toEqual(codes.map(() => 'newPassword'));
      expect(problems.map((p) => p.code)).toEqual(codes);
      expect(await hashOf(karinId)).toBe(before);
      expect((await elsewhere.ok(ME)).me.email).toBe(karin);
      expect(await canSignIn(karin, DEMO_PASSWORD)).toBe(true);
    });

    it('changes it: the new one signs in, the old one not; other sessions end and this one stays', async () => {
      const maria = LARKBY.maria;
      const here = await api.signedIn(maria);
      const elsewhere = await api.signedIn(maria);
      const another = await api.signedIn(maria);
      const someoneElse = await api.signedIn(karin);
      const fresh = 'regn över Lärkby i november';
      expect(
        await here.ok(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: fresh } }),
      ).toEqual({ changePassword: true });
      expect((await here.ok(ME)).me.email).toBe(maria);
      expect(await elsewhere.ok(ME)).toEqual({ me: null });
      expect(await another.ok(ME)).toEqual({ me: null });
      expect((await someoneElse.ok(ME)).me.email).toBe(karin);
      expect(await sessionsOf(LARKBY.ids.maria)).toBe(1);
      expect(await hashOf(LARKBY.ids.maria)).toMatch(/^\$argon2id\$/);
      expect(await canSignIn(maria, DEMO_PASSWORD)).toBe(false);
      expect(await canSignIn(maria, fresh)).toBe(true);
      // The current password is now the new one.
      expect(await here.code(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a' } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await here.code(CHANGE, {
          input: { currentPassword: DEMO_PASSWORD, newPassword: 'back to the demo one' },
        }),
      ).toBe('INVALID_CREDENTIALS');
    });

    it('normalises with NFKC: a password typed in full-width letters signs in typed plainly', async () => {
      const email = `johan.ek@${DEMO_DOMAIN}`;
      const c = await api.signedIn(email);
      await c.ok(CHANGE, {
        input: { currentPassword: DEMO_PASSWORD, newPassword: 'ｓｏｍｍａｒ ｉ ｈａｍｎｅｎ' },
      });
      expect(await canSignIn(email, 'sommar i hamnen')).toBe(true);
      expect(await canSignIn(email, 'ｓｏｍｍａｒ ｉ ｈａｍｎｅｎ')).toBe(true);
    });

    it('answers UNAUTHENTICATED without a session', async () => {
      expect(
        await api
          .client()
          .code(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'whatever it may be' } }),
      ).toBe('UNAUTHENTICATED');
    });
  });

  describe('administrators setting passwords obey the rule', () => {
    it.each([
      ['too short', 'kort lösen', 'PASSWORD_TOO_SHORT'],
      ['common', 'qwertyuiop123', 'PASSWORD_COMMON'],
      ['with the person’s name', 'sara vid sjön 2026', 'PASSWORD_CONTAINS_PERSONAL'],
    ])('setPassword refuses one that is %s and writes nothing', async (_l, password, code) => {
      const error = await refused(api, LARKBY.admin, SET_PASSWORD, { personId: LARKBY.ids.sara, password });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([expect.objectContaining({ field: 'password', code })]);
    });

    it('setPassword with an acceptable password works', async () => {
      const admin = await api.signedIn(LARKBY.admin);
      expect(
        await admin.ok(SET_PASSWORD, { personId: LARKBY.ids.sara, password: 'tolv tecken minst' }),
      ).toEqual({ setPassword: true });
      expect(await canSignIn(LARKBY.sara, 'tolv tecken minst')).toBe(true);
    });

    it.each([
      ['common', 'qwertyuiop123', 'PASSWORD_COMMON'],
      ['with the new person’s e-mail', 'nora.nystrom rules!', 'PASSWORD_CONTAINS_PERSONAL'],
      ['with the new person’s name', 'Nyström i skogen', 'PASSWORD_CONTAINS_PERSONAL'],
    ])('createPerson refuses a password that is %s and writes nothing', async (_l, password, code) => {
      const error = await refused(api, LARKBY.admin, CREATE_PERSON, {
        input: {
          organisationId: LARKBY.organisation,
          fullName: 'Nora Nyström',
          email: 'nora.nystrom@larkby.example',
          roles: [{ role: 'TEACHER' }],
          password,
        },
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([expect.objectContaining({ field: 'password', code })]);
    });
  });
});
