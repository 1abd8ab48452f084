import { DEMO_PASSWORD } from '@stl/api/data-access-db';
import { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { LARKBY, UNKNOWN_ID } from './organisation.fixtures';

const ME = `{ me { person { id } } }`;
const MY_SESSIONS = `{ mySessions { id createdAt lastSeenAt expiresAt endsAt browser operatingSystem current } }`;
const END = `mutation($id: ID!) { endMySession(id: $id) }`;
const EVERYWHERE = `mutation($keep: Boolean) { signOutEverywhere(keepThisSession: $keep) }`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id active } }`;
const REVOKE = `mutation($personId: ID!, $role: Role!) { revokeRole(personId: $personId, role: $role) { id } }`;
const GRANT = `mutation($personId: ID!, $role: Role!) { grantRole(personId: $personId, role: $role) { id } }`;

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

type SessionView = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endsAt: string;
  browser: string | null;
  operatingSystem: string | null;
  current: boolean;
};

/*
 * ADR 0004, amendment 2026-12: sessions end after an idle timeout and an absolute lifetime; every
 * sign-in starts a new session; everyone lists and ends their own sessions, and only their own;
 * deactivation or losing the last role ends a person's sessions at once. Time is moved by editing
 * the session rows, never by waiting.
 */
describe('sessions as people need them', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { SESSION_IDLE_MINUTES: '30', SESSION_TTL_HOURS: '8' } });
  });
  afterAll(() => api.close());

  async function signedIn(email: string, userAgent?: string): Promise<GqlClient> {
    const c = new GqlClient(api.url);
    if (userAgent) c.headers['user-agent'] = userAgent;
    await c.signIn(email);
    return c;
  }

  const rowsOf = async (personId: string) =>
    (await api.db.query(
      `SELECT id, public_id, created_at, last_seen_at, expires_at FROM session WHERE person_id = $1 ORDER BY created_at`,
      [personId],
    )) as { id: string; public_id: string; created_at: Date; last_seen_at: Date; expires_at: Date }[];

  const table = async () =>
    (await api.db.query(
      `SELECT id, person_id, expires_at, last_seen_at FROM session ORDER BY id`,
    )) as unknown[];

  const clearSessions = () => api.db.query(`DELETE FROM session`);

  describe('idle timeout and absolute lifetime', () => {
    beforeEach(clearSessions);

    it('starts with the idle deadline, and records activity at most once a minute', async () => {
      const c = await signedIn(LARKBY.maria);
      const [row] = await rowsOf(LARKBY.ids.maria);
      const idle = row.expires_at.getTime() - row.last_seen_at.getTime();
      expect(idle).toBe(30 * 60_000);
      // Used again within the minute: nothing written.
      await c.ok(ME);
      expect((await rowsOf(LARKBY.ids.maria))[0].last_seen_at).toEqual(row.last_seen_at);
      // Last seen five minutes ago: this request moves the idle deadline to 30 minutes from now.
      await api.db.query(
        `UPDATE session SET last_seen_at = now() - interval '5 minutes', expires_at = now() + interval '25 minutes'`,
      );
      const before = Date.now();
      await c.ok(ME);
      const [after] = await rowsOf(LARKBY.ids.maria);
      expect(after.last_seen_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(after.expires_at.getTime() - after.last_seen_at.getTime()).toBe(30 * 60_000);
    });

    it('refuses a session idle for longer than the timeout, and it cannot be revived', async () => {
      const c = await signedIn(LARKBY.maria);
      await api.db.query(
        `UPDATE session SET last_seen_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute'`,
      );
      expect(await c.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect((await c.request<{ me: unknown }>(ME)).data?.me).toBeNull();
      // Refused sessions are deleted at once: putting the clock back does not bring it back.
      expect(await rowsOf(LARKBY.ids.maria)).toEqual([]);
    });

    it('applies the idle timeout in force even to a deadline stored under a longer one', async () => {
      const c = await signedIn(LARKBY.maria);
      await api.db.query(
        `UPDATE session SET last_seen_at = now() - interval '45 minutes', expires_at = now() + interval '1 hour'`,
      );
      expect(await c.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
    });

    it('never extends a session past its absolute lifetime, however busy', async () => {
      const c = await signedIn(LARKBY.maria);
      // Signed in 7 h 50 min ago, used two minutes ago: this request extends it to the absolute end only.
      await api.db.query(
        `UPDATE session SET created_at = now() - interval '7 hours 50 minutes', last_seen_at = now() - interval '2 minutes'`,
      );
      await c.ok(ME);
      const [row] = await rowsOf(LARKBY.ids.maria);
      expect(row.expires_at.getTime()).toBe(row.created_at.getTime() + 8 * 3_600_000);
      const { mySessions } = await c.ok<{ mySessions: SessionView[] }>(MY_SESSIONS);
      expect(new Date(mySessions[0].endsAt).getTime()).toBe(row.created_at.getTime() + 8 * 3_600_000);
      // Eight hours after sign-in it is over, though it was used a minute ago.
      await api.db.query(
        `UPDATE session SET created_at = now() - interval '8 hours 1 second', last_seen_at = now() - interval '1 minute', expires_at = now() + interval '29 minutes'`,
      );
      expect(await c.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await rowsOf(LARKBY.ids.maria)).toEqual([]);
    });
  });

  describe('sign-in', () => {
    beforeEach(clearSessions);

    it('always starts a new session; a cookie brought along is ended, never adopted', async () => {
      const c = await signedIn(LARKBY.maria);
      const first = c.sessionCookie;
      const [firstRow] = await rowsOf(LARKBY.ids.maria);
      await c.signIn(LARKBY.maria);
      expect(c.sessionCookie).not.toBeNull();
      expect(c.sessionCookie).not.toBe(first);
      const rows = await rowsOf(LARKBY.ids.maria);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).not.toBe(firstRow.id);
      expect(rows[0].public_id).not.toBe(firstRow.public_id);

      // Fixation: someone plants a session cookie of their own in the victim's browser. The victim
      // signs in; the planted token neither becomes the victim's session nor keeps working.
      const attacker = await signedIn(LARKBY.karin);
      const victim = new GqlClient(api.url);
      victim.sessionCookie = attacker.sessionCookie;
      await victim.signIn(LARKBY.sara);
      expect(victim.sessionCookie).not.toBe(attacker.sessionCookie);
      expect((await attacker.request<{ me: unknown }>(ME)).data?.me).toBeNull();
      const me = await victim.ok<{ me: { person: { id: string } } }>(ME);
      expect(me.me.person.id).toBe(LARKBY.ids.sara);
      // A made-up token presented at sign-in is not adopted either.
      const forger = new GqlClient(api.url);
      forger.sessionCookie = `stl_session=${'A'.repeat(43)}`;
      await forger.signIn(LARKBY.sara);
      expect(forger.sessionCookie).not.toBe(`stl_session=${'A'.repeat(43)}`);
    });
  });

  describe('my sessions', () => {
    beforeEach(clearSessions);

    it('lists my own usable sessions, marks this device, and never shows a token', async () => {
      const laptop = await signedIn(LARKBY.maria, FIREFOX_WINDOWS);
      const phone = await signedIn(LARKBY.maria, SAFARI_IPHONE);
      await signedIn(LARKBY.karin, FIREFOX_WINDOWS);
      // An old one, idle for long, is not listed.
      await signedIn(LARKBY.maria);
      await api.db.query(
        `UPDATE session SET last_seen_at = now() - interval '2 hours' WHERE id = (SELECT id FROM session WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1)`,
        [LARKBY.ids.maria],
      );

      const res = await laptop.request<{ mySessions: SessionView[] }>(MY_SESSIONS);
      const list = res.data?.mySessions ?? [];
      expect(list).toHaveLength(2);
      const rows = await rowsOf(LARKBY.ids.maria);
      expect(list.map((s) => s.id).sort()).toEqual(
        rows
          .slice(0, 2)
          .map((r) => r.public_id)
          .sort(),
      );
      expect(list.find((s) => s.current)).toMatchObject({ browser: 'Firefox', operatingSystem: 'Windows' });
      expect(list.find((s) => !s.current)).toMatchObject({ browser: 'Safari', operatingSystem: 'iOS' });
      expect(list.filter((s) => s.current)).toHaveLength(1);
      // Neither the token nor its digest is anywhere in the answer.
      const body = JSON.stringify(res);
      for (const r of rows) expect(body).not.toContain(r.id);
      expect(body).not.toContain(String(laptop.sessionCookie).split('=')[1]);
      // Each device sees itself as current.
      const fromPhone = (await phone.ok<{ mySessions: SessionView[] }>(MY_SESSIONS)).mySessions;
      expect(fromPhone.find((s) => s.current)?.browser).toBe('Safari');
    });

    it('is for signed-in people only', async () => {
      expect(await new GqlClient(api.url).code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await new GqlClient(api.url).code(EVERYWHERE, {})).toBe('UNAUTHENTICATED');
    });

    it('ends one of my sessions by id: that browser is signed out, this one is not', async () => {
      const laptop = await signedIn(LARKBY.maria, FIREFOX_WINDOWS);
      const phone = await signedIn(LARKBY.maria, SAFARI_IPHONE);
      const { mySessions } = await laptop.ok<{ mySessions: SessionView[] }>(MY_SESSIONS);
      const other = mySessions.find((s) => !s.current);
      if (!other) throw new Error('Expected a second session.');
      expect(await laptop.ok(END, { id: other.id })).toEqual({ endMySession: true });
      expect(await phone.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect((await laptop.ok<{ mySessions: SessionView[] }>(MY_SESSIONS)).mySessions).toHaveLength(1);
      // Already ended: NOT_FOUND.
      expect(await laptop.code(END, { id: other.id })).toBe('NOT_FOUND');
      expect(await laptop.code(END, { id: 'not-an-id' })).toBe('BAD_USER_INPUT');
    });

    it('ending this device’s own session signs out here and clears the cookie', async () => {
      const laptop = await signedIn(LARKBY.maria);
      const [here] = (await laptop.ok<{ mySessions: SessionView[] }>(MY_SESSIONS)).mySessions;
      await laptop.ok(END, { id: here.id });
      expect(laptop.hasSession).toBe(false);
      expect(await rowsOf(LARKBY.ids.maria)).toEqual([]);
    });

    it('refuses to end someone else’s session, and changes nothing', async () => {
      const maria = await signedIn(LARKBY.maria);
      const admin = await signedIn(LARKBY.admin);
      const [marias] = await rowsOf(LARKBY.ids.maria);
      const before = await table();
      // Not even an administrator of the same organisation: someone else's session is not found.
      expect(await admin.code(END, { id: marias.public_id })).toBe('NOT_FOUND');
      expect(await admin.code(END, { id: UNKNOWN_ID })).toBe('NOT_FOUND');
      expect(await table()).toEqual(before);
      await maria.ok(ME);
      // The list has no way to ask for anyone else's.
      const r = await admin.request(`{ mySessions(personId: "${LARKBY.ids.maria}") { id } }`);
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const adminsList = (await admin.ok<{ mySessions: SessionView[] }>(MY_SESSIONS)).mySessions;
      expect(adminsList.map((s) => s.id)).not.toContain(marias.public_id);
      expect(adminsList).toHaveLength(1);
    });

    it('signs out everywhere else by default, or everywhere, and touches no one else’s sessions', async () => {
      const laptop = await signedIn(LARKBY.maria);
      const phone = await signedIn(LARKBY.maria);
      const tablet = await signedIn(LARKBY.maria);
      const karin = await signedIn(LARKBY.karin);

      expect(await laptop.ok(EVERYWHERE, {})).toEqual({ signOutEverywhere: 2 });
      expect(await phone.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await tablet.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      await laptop.ok(ME);
      expect((await laptop.ok<{ mySessions: SessionView[] }>(MY_SESSIONS)).mySessions).toHaveLength(1);

      const again = await signedIn(LARKBY.maria);
      expect(await laptop.ok(EVERYWHERE, { keep: false })).toEqual({ signOutEverywhere: 2 });
      expect(laptop.hasSession).toBe(false);
      expect(await again.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await rowsOf(LARKBY.ids.maria)).toEqual([]);
      // Karin, signed in all along, is untouched.
      await karin.ok(MY_SESSIONS);
    });
  });

  describe('losing access ends sessions at once', () => {
    beforeEach(clearSessions);

    it('deactivating a person signs them out everywhere', async () => {
      const [{ email }] = await api.db.query(`SELECT email FROM person WHERE id = $1`, [LARKBY.ids.erik]);
      const erik = await signedIn(email);
      const erikElsewhere = await signedIn(email);
      const admin = await signedIn(LARKBY.admin);
      await admin.ok(UPDATE_PERSON, { id: LARKBY.ids.erik, input: { active: false } });
      expect(await erik.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await erikElsewhere.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await rowsOf(LARKBY.ids.erik)).toEqual([]);
      // Reactivated, they sign in again like anyone.
      await admin.ok(UPDATE_PERSON, { id: LARKBY.ids.erik, input: { active: true } });
      await new GqlClient(api.url).signIn(email, DEMO_PASSWORD);
    });

    it('removing a person’s last role signs them out; removing one of several does not', async () => {
      const admin = await signedIn(LARKBY.admin);
      const karin = await signedIn(LARKBY.karin);
      // Karin is course leader; as teacher too she has two roles, and losing one keeps her signed in.
      await admin.ok(GRANT, { personId: LARKBY.ids.karin, role: 'TEACHER' });
      await admin.ok(REVOKE, { personId: LARKBY.ids.karin, role: 'TEACHER' });
      await karin.ok(MY_SESSIONS);

      const sara = await signedIn(LARKBY.sara);
      await admin.ok(REVOKE, { personId: LARKBY.ids.sara, role: 'TEACHER' });
      expect(await sara.code(MY_SESSIONS)).toBe('UNAUTHENTICATED');
      expect(await rowsOf(LARKBY.ids.sara)).toEqual([]);
      await karin.ok(MY_SESSIONS);
      await admin.ok(GRANT, { personId: LARKBY.ids.sara, role: 'TEACHER' });
    });
  });
});
