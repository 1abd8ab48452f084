import type { INestApplication } from '@nestjs/common';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@stl/api/data-access-db';
import { ACCOUNT_MAIL_SCOPE, addressKey } from '@stl/api/feature-auth';
import { SessionPurgeProcessor } from '@stl/api/feature-notification';
import { GqlClient } from './support/gql-client';
import type { GqlResponse } from './support/gql-client';
import { ME, tokenIn } from './account-support';
import { startMailTestApi, startSecondApi, waitFor } from './support/mail-fixtures';
import { startTestApi } from './support/test-api';
import type { MailTestApi } from './support/mail-fixtures';

const RESET_REQUEST = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const LINK_REQUEST = `mutation($email: String!) { requestSignInLink(input: { email: $email }) }`;
const RESET = `mutation($input: SetPasswordWithLinkInput!) { resetPassword(input: $input) { person { id } email } }`;
const LINK_SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { person { id } email } }`;

const codeOf = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code;
const retryAfter = (r: GqlResponse<unknown>) =>
  (r.errors?.[0]?.extensions as { details?: { retryAfterSeconds?: number } } | undefined)?.details
    ?.retryAfterSeconds;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('password reset and sign-in links (ADR 0013)', () => {
  let api: MailTestApi;
  let second: INestApplication;
  let secondUrl: string;
  let nextAddress = 1;

  beforeAll(async () => {
    // Behind a (pretend) load balancer on loopback: X-Forwarded-For names the client (TRUST_PROXY).
    api = await startMailTestApi({ env: { TRUST_PROXY: 'loopback' } });
    second = await startSecondApi(api, { TRUST_PROXY: 'loopback' });
    await second.listen(0, '127.0.0.1');
    secondUrl = `${await second.getUrl()}`.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await second.close();
    await api.close();
  });

  /** A client on the first (or second) API process, as a browser at its own client address. */
  function client(on: 'first' | 'second' = 'first', address = `203.0.113.${nextAddress++}`): GqlClient {
    const c = on === 'first' ? api.client() : new GqlClient(secondUrl);
    c.headers['x-forwarded-for'] = address;
    return c;
  }

  const mailsTo = (email: string, subject: RegExp) =>
    api.smtp.received.filter((m) => m.envelope.to.includes(email) && subject.test(m.parsed.subject ?? ''));

  async function nthMail(email: string, subject: RegExp, n: number) {
    const mails = await waitFor(
      async () => (mailsTo(email, subject).length >= n ? mailsTo(email, subject) : null),
      `mail ${n} to ${email}`,
    );
    return mails[n - 1];
  }

  it('resets a password end to end: old links refused, other sessions ended, a new session started', async () => {
    const email = `sara.lindqvist@${DEMO_DOMAIN}`;
    const elsewhere = api.client();
    await elsewhere.signIn(email);
    const visitor = client();
    expect((await visitor.ok(LINK_REQUEST, { email })).requestSignInLink).toBe(true);
    const signInToken = tokenIn(await nthMail(email, /inloggningslänk/, 1), '/sign-in-link');

    expect(
      (await visitor.ok(RESET_REQUEST, { email: `  Sara.Lindqvist@${DEMO_DOMAIN} ` })).requestPasswordReset,
    ).toBe(true);
    const first = tokenIn(await nthMail(email, /nytt lösenord/, 1), '/reset-password');
    expect((await visitor.ok(RESET_REQUEST, { email })).requestPasswordReset).toBe(true);
    const mail = await nthMail(email, /nytt lösenord/, 2);
    expect(String(mail.parsed.text)).toMatch(/Länken fungerar till: .+/);
    const latest = tokenIn(mail, '/reset-password');
    // A newer link replaces the older one.
    expect(
      await visitor.code(RESET, { input: { token: first, newPassword: 'a-brand-new-passphrase' } }),
    ).toBe('LINK_INVALID');
    // The rule refuses a bad password and the link keeps working.
    expect(await visitor.code(RESET, { input: { token: latest, newPassword: 'password1234' } })).toBe(
      'BAD_USER_INPUT',
    );

    const before = visitor.sessionCookie;
    const { resetPassword } = await visitor.ok(RESET, {
      input: { token: latest, newPassword: 'a-brand-new-passphrase' },
    });
    expect(resetPassword.email).toBe(email);
    expect(visitor.sessionCookie).not.toBe(before);
    expect((await visitor.ok(ME)).me.person.id).toBe(resetPassword.person.id);
    // Every other session ended; the old password no longer works, the new one does.
    expect((await elsewhere.ok(ME)).me).toBeNull();
    expect(
      await api
        .client()
        .code(`mutation { signIn(input: { email: "${email}", password: "${DEMO_PASSWORD}" }) { email } }`),
    ).toBe('INVALID_CREDENTIALS');
    await api.client().signIn(email, 'a-brand-new-passphrase');
    // Used once; and the sign-in link asked for before the reset no longer works either.
    expect(
      await visitor.code(RESET, { input: { token: latest, newPassword: 'yet-another-passphrase' } }),
    ).toBe('LINK_USED');
    expect(await visitor.code(LINK_SIGN_IN, { token: signInToken })).toBe('LINK_INVALID');
  });

  it('signs in once with a sign-in link, with a new session; an expired link is refused', async () => {
    const email = `erik.johansson@${DEMO_DOMAIN}`;
    const browser = client();
    await browser.signIn(`sara.lindqvist@${DEMO_DOMAIN}`, 'a-brand-new-passphrase');
    const planted = browser.sessionCookie;
    await browser.ok(LINK_REQUEST, { email });
    const token = tokenIn(await nthMail(email, /inloggningslänk/, 1), '/sign-in-link');
    const { signInWithLink } = await browser.ok(LINK_SIGN_IN, { token });
    expect(signInWithLink.email).toBe(email);
    expect(browser.sessionCookie).not.toBe(planted);
    expect((await browser.ok(ME)).me.person.fullName).toBe('Erik Johansson');
    expect(await client().code(LINK_SIGN_IN, { token })).toBe('LINK_USED');

    await browser.ok(LINK_REQUEST, { email });
    const late = tokenIn(await nthMail(email, /inloggningslänk/, 2), '/sign-in-link');
    await api.db.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second' WHERE purpose = 'SIGN_IN_LINK' AND used_at IS NULL`,
    );
    expect(await client().code(LINK_SIGN_IN, { token: late })).toBe('LINK_EXPIRED');
    expect(await client().code(LINK_SIGN_IN, { token: 'x'.repeat(43) })).toBe('LINK_INVALID');
  });

  it('answers before looking the address up: the same answer for known and unknown, in the same time', async () => {
    // Proof by construction: with the person's row locked, the answer still comes at once; the link
    // is made once the lock is gone.
    const email = `fatima.hassan@${DEMO_DOMAIN}`;
    const runner = api.appDb.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT id FROM person WHERE email = $1 FOR UPDATE`, [email]);
    const started = Date.now();
    const answer = await client().request(RESET_REQUEST, { email });
    const took = Date.now() - started;
    const unknown = await client().request(RESET_REQUEST, { email: 'nobody.here@larkby.example' });
    expect(answer).toEqual(unknown);
    expect(answer).toEqual({ status: 200, data: { requestPasswordReset: true } });
    expect(took).toBeLessThan(1000);
    expect(mailsTo(email, /nytt lösenord/)).toHaveLength(0);
    await runner.rollbackTransaction();
    await runner.release();
    await nthMail(email, /nytt lösenord/, 1);

    // And measured: known and unknown addresses, alternating, one request each.
    const known = [
      'lars.nilsson',
      'emma.karlsson',
      'ahmed.ali',
      'ingrid.svensson',
      'oskar.persson',
      'maja.olsson',
      'nils.gustafsson',
      'leila.rahimi',
      'peter.holm',
    ].map((n) => `${n}@${DEMO_DOMAIN}`);
    const times = { known: [] as number[], unknown: [] as number[] };
    for (const [i, k] of known.entries()) {
      for (const [kind, address] of [
        ['known', k],
        ['unknown', `ingen.${i}@${DEMO_DOMAIN}`],
      ] as const) {
        const t0 = process.hrtime.bigint();
        const r = await client().request(LINK_REQUEST, { email: address });
        times[kind].push(Number(process.hrtime.bigint() - t0) / 1e6);
        expect(r).toEqual({ status: 200, data: { requestSignInLink: true } });
      }
    }
    const [k, u] = [median(times.known), median(times.unknown)];
    expect(Math.abs(k - u)).toBeLessThan(Math.max(10, 0.5 * Math.min(k, u)));
  });

  it('limits requests per e-mail across two API processes, known and unknown alike, with a wait to show', async () => {
    for (const email of [`klara.dahl@${DEMO_DOMAIN}`, `finns.inte@${DEMO_DOMAIN}`]) {
      const answers: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await client(i % 2 ? 'second' : 'first').request(i % 2 ? LINK_REQUEST : RESET_REQUEST, {
          email,
        });
        answers.push(codeOf(r) ?? String(Object.values(r.data ?? {})[0]));
        if (i === 3) expect(retryAfter(r)).toBeGreaterThan(0);
      }
      expect(answers).toEqual(['true', 'true', 'true', 'TOO_MANY_ATTEMPTS']);
    }
    // Asking for links never locks sign-in: the password still works.
    await client().signIn(`klara.dahl@${DEMO_DOMAIN}`);
  });

  it('limits requests per client address, taken from X-Forwarded-For behind a trusted proxy', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < 30; i++) {
      expect(
        codeOf(
          await client(i % 2 ? 'second' : 'first', address).request(RESET_REQUEST, {
            email: `n${i}@x.example`,
          }),
        ),
      ).toBeUndefined();
    }
    const refused = await client('first', address).request(RESET_REQUEST, { email: 'n30@x.example' });
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    // Another client behind the same proxy is not affected.
    expect(
      codeOf(await client('first', '198.51.100.8').request(RESET_REQUEST, { email: 'n31@x.example' })),
    ).toBeUndefined();
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names (default: none)', async () => {
    const attemptsOf = async (db: typeof api.db, address: string): Promise<number> => {
      const [row] = await db.query(`SELECT attempts FROM login_throttle WHERE key = $1`, [
        addressKey(address, ACCOUNT_MAIL_SCOPE),
      ]);
      return row?.attempts ?? 0;
    };
    // Behind the trusted proxy, the proxy's own address is never counted.
    expect(await attemptsOf(api.db, '127.0.0.1')).toBe(0);
    expect(await attemptsOf(api.db, '198.51.100.7')).toBe(30);

    const plain = await startTestApi({ seed: false });
    try {
      const c = plain.client();
      c.headers['x-forwarded-for'] = '198.51.100.99';
      expect(codeOf(await c.request(RESET_REQUEST, { email: 'someone@x.example' }))).toBeUndefined();
      expect(await attemptsOf(plain.db, '127.0.0.1')).toBe(1);
      expect(await attemptsOf(plain.db, '198.51.100.99')).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('purges spent reset and sign-in links hourly, a day after use or expiry, and keeps invitations', async () => {
    const count = async () => {
      const rows: { purpose: string; n: number }[] = await api.db.query(
        `SELECT purpose, count(*)::int AS n FROM account_token GROUP BY purpose ORDER BY purpose`,
      );
      return Object.fromEntries(rows.map((r) => [r.purpose, r.n]));
    };
    await api.db.query(
      `INSERT INTO account_token (id, purpose, person_id, token_hash, expires_at)
       SELECT gen_random_uuid(), 'INVITATION', id, md5(id::text) || md5(id::text), now() - interval '30 days'
         FROM person WHERE email = $1`,
      [`ulf.sandberg@${DEMO_DOMAIN}`],
    );
    const before = await count();
    expect(before['PASSWORD_RESET']).toBeGreaterThan(0);
    await api.app.get(SessionPurgeProcessor).run(new Date());
    expect(await count()).toEqual(before);
    await api.app.get(SessionPurgeProcessor).run(new Date(Date.now() + 3 * 864e5));
    const after = await count();
    expect(after['PASSWORD_RESET']).toBeUndefined();
    expect(after['SIGN_IN_LINK']).toBeUndefined();
    expect(after['INVITATION']).toBe(1);
  });
});
