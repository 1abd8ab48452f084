import type { INestApplication } from '@nestjs/common';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@stl/api/data-access-db';
import { accountKey, addressKey, LoginThrottleService } from '@stl/api/feature-auth';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../src/app/create-app';
import { GqlClient } from './support/gql-client';
import type { GqlResponse } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { email } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;

function signIn(c: GqlClient, email: string, password: string): Promise<GqlResponse<unknown>> {
  return c.request(SIGN_IN, { input: { email, password } });
}

function codeOf(r: GqlResponse<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

describe('brute-force protection on password checks', () => {
  let api: TestApi;
  let second: INestApplication;
  let secondUrl: string;

  beforeAll(async () => {
    api = await startTestApi();
    // A second API process on the same database: counts must be shared, not per process.
    second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        WEB_DIST_DIR: 'tmp/no-web-app',
        WORKER_ENABLED: 'false',
        REMINDER_CRON: 'off',
      }),
      api.databaseUrl,
    );
    await second.listen(0, '127.0.0.1');
    secondUrl = `${await second.getUrl()}`.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await second.close();
    await api.close();
  });

  /** Ends any lock on the account's row and backdates it, as if the wait were over. */
  async function waitOver(email: string): Promise<void> {
    await api.db.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`,
      [accountKey(email)],
    );
  }

  async function attempts(email: string): Promise<number | undefined> {
    const [row] = await api.db.query(`SELECT attempts FROM login_throttle WHERE key = $1`, [
      accountKey(email),
    ]);
    return row?.attempts;
  }

  it('refuses the 11th wrong password within a minute across two API processes, then also the right one', async () => {
    const email = `maria.berg@${DEMO_DOMAIN}`;
    const one = api.client();
    const two = new GqlClient(secondUrl);
    for (let i = 0; i < 10; i++) {
      const r = await signIn(i % 2 ? two : one, email, `wrong-${i}`);
      expect(codeOf(r)).toBe('INVALID_CREDENTIALS');
    }
    expect(await attempts(email)).toBe(10);
    const eleventh = await signIn(one, email, 'wrong-10');
    expect(codeOf(eleventh)).toBe('TOO_MANY_ATTEMPTS');
    expect(eleventh.errors?.[0].extensions).toMatchObject({
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const retry = (eleventh.errors?.[0].extensions as { details: { retryAfterSeconds: number } }).details
      .retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // Refused before hashing and not counted: the lock is not extended by knocking.
    expect(codeOf(await signIn(two, email, 'wrong-11'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await attempts(email)).toBe(10);
    // The right password too, on either process, while locked.
    expect(codeOf(await signIn(one, email, DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await signIn(two, email, DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect(one.hasSession).toBe(false);

    // After the wait, one more wrong password locks again at once, for twice as long.
    await waitOver(email);
    expect(codeOf(await signIn(two, email, 'wrong-12'))).toBe('INVALID_CREDENTIALS');
    const doubled = await signIn(one, email, 'wrong-13');
    expect(codeOf(doubled)).toBe('TOO_MANY_ATTEMPTS');
    const again = (doubled.errors?.[0].extensions as { details: { retryAfterSeconds: number } }).details
      .retryAfterSeconds;
    expect(again).toBeGreaterThan(60);
    expect(again).toBeLessThanOrEqual(120);

    // After that wait, the right password works and the count starts again.
    await waitOver(email);
    expect(codeOf(await signIn(one, email, DEMO_PASSWORD))).toBeUndefined();
    expect(one.hasSession).toBe(true);
    expect(await attempts(email)).toBeUndefined();
  });

  it('counts concurrent attempts on two processes without losing any', async () => {
    const email = `johan.ek@${DEMO_DOMAIN}`;
    const clients = [api.client(), new GqlClient(secondUrl)];
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => signIn(clients[i % 2], email, `parallel-${i}`)),
    );
    const codes = results.map(codeOf);
    // Exactly the limit got a password check; the rest were refused before hashing.
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(6);
    expect(await attempts(email)).toBe(10);
  });

  it('answers an unknown e-mail exactly like a known one, lockout included', async () => {
    const known = `sara.lindqvist@${DEMO_DOMAIN}`;
    const unknown = `nobody-here@${DEMO_DOMAIN}`;
    const c = api.client();
    for (let i = 0; i < 10; i++) {
      const a = await signIn(c, known, `guess-${i}`);
      const b = await signIn(c, unknown, `guess-${i}`);
      expect(codeOf(a)).toBe('INVALID_CREDENTIALS');
      expect(codeOf(b)).toBe('INVALID_CREDENTIALS');
      expect(a.errors?.[0].message).toBe(b.errors?.[0].message);
    }
    const a = await signIn(c, known, 'guess-10');
    const b = await signIn(c, unknown, 'guess-10');
    expect(codeOf(a)).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(b)).toBe('TOO_MANY_ATTEMPTS');
    expect(a.errors?.[0].message).toBe(b.errors?.[0].message);
    expect(a.errors?.[0].extensions).toEqual(b.errors?.[0].extensions);
    // The unknown address is kept only as a digest.
    const keys: { key: string }[] = await api.db.query(`SELECT key FROM login_throttle`);
    expect(keys.map((k) => k.key).join(' ')).not.toContain('nobody');
  });

  it('resets the count on success, so signing in often never locks anyone out', async () => {
    const email = `admin@${DEMO_DOMAIN}`;
    const c = api.client();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++)
        expect(codeOf(await signIn(c, email, `typo-${i}`))).toBe('INVALID_CREDENTIALS');
      expect(await attempts(email)).toBe(9);
      expect(codeOf(await signIn(c, email, DEMO_PASSWORD))).toBeUndefined();
      expect(await attempts(email)).toBeUndefined();
    }
    for (let i = 0; i < 25; i++) expect(codeOf(await signIn(c, email, DEMO_PASSWORD))).toBeUndefined();
  });

  it("counts changePassword's current-password check against the same account", async () => {
    const email = `karin.sjo@${DEMO_DOMAIN}`;
    const c = await api.signedIn(email);
    for (let i = 0; i < 10; i++) {
      const code = await c.code(CHANGE, {
        input: { currentPassword: `wrong-${i}`, newPassword: 'a-long-new-passphrase-42' },
      });
      expect(code).toBe('INVALID_CREDENTIALS');
    }
    expect(
      await c.code(CHANGE, {
        input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-long-new-passphrase-42' },
      }),
    ).toBe('TOO_MANY_ATTEMPTS');
    // Sign-in shares the lock.
    expect(codeOf(await signIn(api.client(), email, DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('purges counts that have been quiet for an hour, and keeps live ones', async () => {
    const throttle = api.app.get(LoginThrottleService);
    await api.db.query(
      `INSERT INTO login_throttle (key, attempts, window_started_at, last_attempt_at, locked_until)
       VALUES ($1, 3, now() - interval '2 hours', now() - interval '2 hours', NULL)`,
      [addressKey('203.0.113.9')],
    );
    const before: { n: number }[] = await api.db.query(`SELECT count(*)::int AS n FROM login_throttle`);
    const report = await throttle.purgeStale();
    expect(report.deleted).toBe(1);
    const after: { n: number }[] = await api.db.query(`SELECT count(*)::int AS n FROM login_throttle`);
    expect(after[0].n).toBe(before[0].n - 1);
    expect(after[0].n).toBeGreaterThan(0);
  });
});
