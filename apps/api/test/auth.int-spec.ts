import { DEMO_DOMAIN } from '@stl/api/data-access-db';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../src/app/create-app';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const ME = `{ me { email person { fullName } organisation { name } roles { role } } }`;

describe('sign-in, sessions and the me query', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers me with null before sign-in', async () => {
    expect(await api.client().ok(ME)).toEqual({ me: null });
  });

  it('signs in with e-mail and password, sets an httpOnly cookie and knows who is asking', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signIn(input: { email: "ADMIN@${DEMO_DOMAIN}", password: "stl-demo-2026" }) { email } }`,
      }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^stl_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const c = await api.signedIn(`admin@${DEMO_DOMAIN}`);
    const { me } = await c.ok(ME);
    expect(me).toEqual({
      email: `admin@${DEMO_DOMAIN}`,
      person: { fullName: 'Åsa Lind' },
      organisation: { name: 'Lärkby kommun' },
      roles: [{ role: 'ADMINISTRATOR' }],
    });
  });

  it('stores only a digest of the session token, and passwords only as argon2id hashes', async () => {
    const c = await api.signedIn(`maria.berg@${DEMO_DOMAIN}`);
    expect(c.hasSession).toBe(true);
    const rows = await api.db.query(`SELECT id FROM session`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{64}$/);
    const [p] = await api.db.query(`SELECT password_hash FROM person WHERE email = $1`, [
      `maria.berg@${DEMO_DOMAIN}`,
    ]);
    expect(p.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown e-mail with the same typed error', async () => {
    const c = api.client();
    const wrong = await c.request(
      `mutation { signIn(input: { email: "admin@${DEMO_DOMAIN}", password: "nope" }) { email } }`,
    );
    const unknown = await c.request(
      `mutation { signIn(input: { email: "nobody@${DEMO_DOMAIN}", password: "nope" }) { email } }`,
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(c.hasSession).toBe(false);
  });

  it('rejects malformed sign-in input with field problems', async () => {
    const r = await api
      .client()
      .request(`mutation { signIn(input: { email: "not-an-email", password: "" }) { email } }`);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors?.[0].extensions?.problems?.map((p) => p.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });

  it('signs out: the session is gone from the database and the cookie no longer works', async () => {
    const c = await api.signedIn(`johan.ek@${DEMO_DOMAIN}`);
    const before = await api.db.query(`SELECT count(*)::int AS n FROM session`);
    const stolen = c['cookie'] as string;
    expect(await c.ok(`mutation { signOut }`)).toEqual({ signOut: true });
    const after = await api.db.query(`SELECT count(*)::int AS n FROM session`);
    expect(after[0].n).toBe(before[0].n - 1);
    const replay = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: stolen },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await replay.json()) as { data: unknown }).data).toEqual({ me: null });
  });

  it('treats an expired session as signed out', async () => {
    const c = await api.signedIn(`karin.sjo@${DEMO_DOMAIN}`);
    await api.db.query(`UPDATE session SET expires_at = now() - interval '1 minute'`);
    expect(await c.ok(ME)).toEqual({ me: null });
  });

  it('keeps the session in PostgreSQL, so a second API process accepts it', async () => {
    const c = await api.signedIn(`admin@${DEMO_DOMAIN}`);
    const cookie = c['cookie'] as string;
    const url = (api.db.options as { url: string }).url;
    const second = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), url);
    await second.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`${(await second.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: `{ me { email } }` }),
      });
      expect(await res.json()).toEqual({ data: { me: { email: `admin@${DEMO_DOMAIN}` } } });
    } finally {
      await second.close();
    }
  });

  it('serves a health endpoint that checks the database', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses oversized request bodies before they reach a resolver', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { email } }`, variables: { pad: 'x'.repeat(600 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });
});
