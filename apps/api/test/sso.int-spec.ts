import { DEMO_DOMAIN } from '@stl/api/data-access-db';
import { AccountTokenPurpose } from '@stl/api/data-access-db';
import { AccountTokenService } from '@stl/api/feature-account';
import { SsoSettingsService } from '@stl/api/feature-auth';
import { accountLinkToken } from '@stl/api/feature-notification';
import { DEV_MAIL_LINK_SECRET } from '@stl/api/util-config';
import { freePort } from './support/api-process';
import { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import { RedirectBrowser, startTestProvider } from './support/oidc-provider-fixture';
import type { TestProvider } from './support/oidc-provider-fixture';
import { LARKBY, createOtherOrganisation } from './organisation.fixtures';

/**
 * Single sign-on with OpenID Connect (ADR 0014) against a real provider (`oidc-provider`) started
 * by the test in its own process, followed redirect by redirect like a browser.
 */
const SAVE = `mutation($input: SaveOrganisationSsoInput!) { saveOrganisationSso(input: $input) {
  organisationId redirectUri configured issuer clientId clientSecretSet allowedDomains displayName enabled passwordSignInDisabled } }`;
const GET = `query($id: ID!) { organisationSso(organisationId: $id) { configured issuer clientSecretSet enabled } }`;
const FOR_EMAIL = `query($email: String!) { ssoForEmail(input: { email: $email }) { displayName organisationSlug startPath } }`;
const ME = `{ me { email } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { email } }`;

const CLIENT_ID = 'stl-larkby';
const CLIENT_SECRET = 'a-client-secret-only-the-provider-and-we-know';

/** Where a response redirects to; fails the test when it does not redirect. */
function redirectTarget(response: { status: number; location: string | null; body: string }): string {
  if (!response.location) throw new Error(`Expected a redirect, got ${response.status}: ${response.body}`);
  return response.location;
}

interface Outcome {
  /** Where the API sent the browser at the end. */
  location: string;
  /** The ssoError reason on the sign-in page, or null when signed in. */
  reason: string | null;
  browser: RedirectBrowser;
  authorizeUrl: URL;
  callbackUrl: string;
}

describe('single sign-on (OpenID Connect)', () => {
  let api: TestApi;
  let provider: TestProvider;
  let admin: GqlClient;
  let web: string;
  /** The administrator of a second organisation, Norrby. */
  let norrbyAdmin: string;

  const settings = (overrides: Record<string, unknown> = {}) => ({
    organisationId: LARKBY.organisation,
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    allowedDomains: [DEMO_DOMAIN],
    displayName: 'Lärkby kommun',
    enabled: true,
    passwordSignInDisabled: false,
    ...overrides,
  });

  /**
   * Signs in at the provider as `account`, from the start link to the API's last redirect.
   * `tamper` may change the authorization request or the callback on the way, as an attacker would.
   */
  async function signInWithSso(
    account: string,
    tamper: {
      authorize?: (url: URL) => void;
      callback?: (url: URL) => void;
      browser?: RedirectBrowser;
      callbackBrowser?: RedirectBrowser;
    } = {},
  ): Promise<Outcome> {
    const browser = tamper.browser ?? new RedirectBrowser();
    const start = await browser.request(`${api.url}/auth/oidc/larkby/start`);
    expect(start.status).toBe(303);
    const authorizeUrl = new URL(redirectTarget(start));
    tamper.authorize?.(authorizeUrl);
    let next = authorizeUrl.href;
    for (let hops = 0; hops < 10; hops++) {
      if (next.startsWith(`${web}/auth/oidc/callback`)) {
        const url = new URL(next);
        tamper.callback?.(url);
        const done = await (tamper.callbackBrowser ?? browser).request(url.href);
        expect(done.status).toBe(303);
        const location = redirectTarget(done);
        return {
          location,
          reason: new URL(location).searchParams.get('ssoError'),
          browser: tamper.callbackBrowser ?? browser,
          authorizeUrl,
          callbackUrl: url.href,
        };
      }
      if (/\/interaction\/[^/]+$/.test(new URL(next).pathname)) {
        const page = await browser.request(next);
        expect(JSON.parse(page.body)).toMatchObject({ prompt: 'login', clientId: CLIENT_ID });
        const done = await browser.request(next, { method: 'POST', json: { account } });
        next = redirectTarget(done);
        continue;
      }
      const step = await browser.request(next);
      if (!step.location) throw new Error(`Provider stopped at ${next}: ${step.status} ${step.body}`);
      next = step.location;
    }
    throw new Error('Too many redirects');
  }

  const sessionOf = (outcome: Outcome) => {
    const c = new GqlClient(api.url);
    const token = outcome.browser.cookie('stl_session');
    c.sessionCookie = token ? `stl_session=${token}` : null;
    return c;
  };
  const sessionCount = async () =>
    (await api.db.query(`SELECT count(*)::int AS n FROM session`))[0].n as number;

  beforeAll(async () => {
    const port = await freePort();
    web = `http://127.0.0.1:${port}`;
    api = await startTestApi({ env: { PORT: String(port), PUBLIC_WEB_URL: web } });
    provider = await startTestProvider({
      clients: [
        { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${web}/auth/oidc/callback`] },
      ],
    });
    await provider.account('sub-karin', { email: LARKBY.karin, email_verified: true, name: 'Karin Sjö' });
    admin = await api.signedIn(LARKBY.admin);
  });
  afterAll(async () => {
    await provider?.close();
    await api?.close();
  });

  describe('settings', () => {
    it('only the organisation’s administrators read and save them', async () => {
      const teacher = await api.signedIn(LARKBY.karin);
      expect(await teacher.code(GET, { id: LARKBY.organisation })).toBe('FORBIDDEN');
      expect(await teacher.code(SAVE, { input: settings() })).toBe('FORBIDDEN');
      const other = await createOtherOrganisation(api.db);
      norrbyAdmin = other.adminEmail;
      const norrby = await api.signedIn(other.adminEmail);
      expect(await norrby.code(GET, { id: LARKBY.organisation })).toBe('NOT_FOUND');
      expect(await norrby.code(SAVE, { input: settings() })).toBe('NOT_FOUND');
      expect(await api.client().code(GET, { id: LARKBY.organisation })).toBe('UNAUTHENTICATED');
      expect((await api.db.query(`SELECT count(*)::int AS n FROM organisation_sso`))[0].n).toBe(0);
      expect((await admin.ok(GET, { id: LARKBY.organisation })).organisationSso).toEqual({
        configured: false,
        issuer: null,
        clientSecretSet: false,
        enabled: false,
      });
    });

    it('refuses bad settings with field problems and saves nothing', async () => {
      const problems = async (input: Record<string, unknown>) => {
        const r = await admin.request(SAVE, { input });
        expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        return r.errors?.[0].extensions?.problems?.map((p) => `${p.field}:${p.code}`);
      };
      expect(await problems(settings({ issuer: 'ftp://idp.example' }))).toEqual(['issuer:ISSUER_INVALID']);
      expect(await problems(settings({ issuer: 'http://idp.example' }))).toEqual(['issuer:ISSUER_INVALID']);
      expect(await problems(settings({ clientSecret: null }))).toEqual([
        'clientSecret:CLIENT_SECRET_REQUIRED',
      ]);
      expect(await problems(settings({ allowedDomains: [] }))).toEqual(['allowedDomains:DOMAINS_REQUIRED']);
      expect(await problems(settings({ allowedDomains: ['not a domain'] }))).toEqual([
        'allowedDomains:DOMAIN_INVALID',
      ]);
      expect(await problems(settings({ enabled: false, passwordSignInDisabled: true }))).toEqual([
        'passwordSignInDisabled:REQUIRES_SSO_ENABLED',
      ]);
      // Nothing answers there: turning SSO on with it would only show people an error page.
      expect(await problems(settings({ issuer: `http://127.0.0.1:${await freePort()}` }))).toEqual([
        'issuer:ISSUER_DISCOVERY_FAILED',
      ]);
      expect((await api.db.query(`SELECT count(*)::int AS n FROM organisation_sso`))[0].n).toBe(0);
    });

    it('stores the client secret encrypted and never gives it back', async () => {
      const saved = (
        await admin.ok(SAVE, { input: settings({ allowedDomains: [` ${DEMO_DOMAIN.toUpperCase()} `] }) })
      ).saveOrganisationSso;
      expect(saved).toEqual({
        organisationId: LARKBY.organisation,
        redirectUri: `${web}/auth/oidc/callback`,
        configured: true,
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        clientSecretSet: true,
        allowedDomains: [DEMO_DOMAIN],
        displayName: 'Lärkby kommun',
        enabled: true,
        passwordSignInDisabled: false,
      });
      const [row] = await api.db.query(`SELECT client_secret_encrypted AS s FROM organisation_sso`);
      expect(row.s).toMatch(/^v1\./);
      expect(row.s).not.toContain(CLIENT_SECRET);
      // The schema has no field that could carry it.
      const type = await admin.ok(`{ __type(name: "OrganisationSso") { fields { name } } }`);
      expect(JSON.stringify(type)).not.toMatch(/clientSecret"/);
      // Saving again without a secret keeps the stored one.
      await admin.ok(SAVE, { input: settings({ clientSecret: null }) });
      expect((await api.db.query(`SELECT client_secret_encrypted AS s FROM organisation_sso`))[0].s).toBe(
        row.s,
      );
    });

    it('gives an e-mail domain to one organisation only', async () => {
      const norrby = await api.signedIn(norrbyAdmin);
      const [{ id: norrbyId }] = await api.db.query(`SELECT id FROM organisation WHERE slug = 'norrby'`);
      const r = await norrby.request(SAVE, {
        input: settings({ organisationId: norrbyId, allowedDomains: ['norrby.example', DEMO_DOMAIN] }),
      });
      expect(r.errors?.[0].extensions?.problems?.map((p) => `${p.field}:${p.code}`)).toEqual([
        'allowedDomains:DOMAIN_TAKEN',
      ]);
      expect(
        (
          await api.db.query(`SELECT count(*)::int AS n FROM organisation_sso WHERE organisation_id = $1`, [
            norrbyId,
          ])
        )[0].n,
      ).toBe(0);
    });

    it('offers single sign-on by e-mail domain, to anyone, without saying who has an account', async () => {
      const anyone = api.client();
      expect((await anyone.ok(FOR_EMAIL, { email: `nobody@${DEMO_DOMAIN}` })).ssoForEmail).toEqual({
        displayName: 'Lärkby kommun',
        organisationSlug: 'larkby',
        startPath: `/auth/oidc/larkby/start?login_hint=${encodeURIComponent(`nobody@${DEMO_DOMAIN}`)}`,
      });
      expect((await anyone.ok(FOR_EMAIL, { email: 'someone@elsewhere.example' })).ssoForEmail).toBeNull();
    });
  });

  describe('for pages that know the organisation (accepting an invitation)', () => {
    it('offers the organisation’s single sign-on with the address as a hint, and nothing for others', async () => {
      const sso = api.app.get(SsoSettingsService);
      expect(await sso.forOrganisation(LARKBY.organisation, LARKBY.karin)).toEqual({
        displayName: 'Lärkby kommun',
        organisationSlug: 'larkby',
        startPath: `/auth/oidc/larkby/start?login_hint=${encodeURIComponent(LARKBY.karin)}`,
      });
      const [{ id: norrbyId }] = await api.db.query(`SELECT id FROM organisation WHERE slug = 'norrby'`);
      expect(await sso.forOrganisation(norrbyId)).toBeNull();
    });
  });

  describe('signing in', () => {
    it('signs a known person in with a fresh session; `me` works and the subject is remembered', async () => {
      const before = await sessionCount();
      const outcome = await signInWithSso('sub-karin');
      expect(outcome.reason).toBeNull();
      expect(outcome.location).toBe(`${web}/`);
      // Authorization code flow with PKCE (S256), state and nonce.
      const q = outcome.authorizeUrl.searchParams;
      expect(q.get('response_type')).toBe('code');
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(q.get('state')).toBeTruthy();
      expect(q.get('nonce')).toBeTruthy();
      expect(q.get('scope')).toBe('openid email profile');
      expect((await sessionOf(outcome).ok(ME)).me.email).toBe(LARKBY.karin);
      expect(await sessionCount()).toBe(before + 1);
      expect(await api.db.query(`SELECT person_id, issuer, subject FROM person_identity`)).toEqual([
        { person_id: LARKBY.ids.karin, issuer: provider.issuer, subject: 'sub-karin' },
      ]);
      // The attempt was used up.
      expect((await api.db.query(`SELECT count(*)::int AS n FROM oidc_sign_in_attempt`))[0].n).toBe(0);
    });

    it('finds the person by the remembered subject even when the provider’s address changed', async () => {
      await provider.account('sub-karin', { email: `karin.ny@${DEMO_DOMAIN}`, email_verified: true });
      try {
        const outcome = await signInWithSso('sub-karin');
        expect(outcome.reason).toBeNull();
        expect((await sessionOf(outcome).ok(ME)).me.email).toBe(LARKBY.karin);
      } finally {
        await provider.account('sub-karin', { email: LARKBY.karin, email_verified: true });
      }
    });

    it('refuses a forged state, a callback replayed, and a callback opened in another browser', async () => {
      const before = await sessionCount();
      const forged = await signInWithSso('sub-karin', {
        callback: (url) => url.searchParams.set('state', 'forged-state-value'),
      });
      expect(forged.reason).toBe('SSO_STATE_INVALID');
      expect(forged.browser.cookie('stl_session')).toBeUndefined();

      const elsewhere = await signInWithSso('sub-karin', { callbackBrowser: new RedirectBrowser() });
      expect(elsewhere.reason).toBe('SSO_STATE_INVALID');
      expect(elsewhere.browser.cookie('stl_session')).toBeUndefined();

      const good = await signInWithSso('sub-karin');
      expect(good.reason).toBeNull();
      const replay = await good.browser.request(good.callbackUrl);
      expect(new URL(redirectTarget(replay)).searchParams.get('ssoError')).toBe('SSO_STATE_INVALID');
      expect(await sessionCount()).toBe(before + 1);
    });

    it('refuses an ID token with another nonce than the one this sign-in sent', async () => {
      const before = await sessionCount();
      const outcome = await signInWithSso('sub-karin', {
        authorize: (url) => url.searchParams.set('nonce', 'a-nonce-the-attacker-chose'),
      });
      expect(outcome.reason).toBe('SSO_TOKEN_INVALID');
      expect(outcome.browser.cookie('stl_session')).toBeUndefined();
      expect(await sessionCount()).toBe(before);
    });

    it('refuses an expired ID token (a provider whose clock is two hours behind)', async () => {
      const late = await startTestProvider({
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [`${web}/auth/oidc/callback`],
          },
        ],
        clockOffsetSeconds: -2 * 3600,
      });
      try {
        await late.account('sub-karin', { email: LARKBY.karin, email_verified: true });
        await admin.ok(SAVE, { input: settings({ issuer: late.issuer }) });
        const before = await sessionCount();
        const outcome = await signInWithSso('sub-karin', {
          authorize: (url) => expect(url.origin).toBe(late.issuer),
        });
        expect(outcome.reason).toBe('SSO_TOKEN_INVALID');
        expect(await sessionCount()).toBe(before);
      } finally {
        await admin.ok(SAVE, { input: settings() });
        await late.close();
      }
    });

    it('sends the client secret as HTTP Basic to a provider that takes only that', async () => {
      const basic = await startTestProvider({
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [`${web}/auth/oidc/callback`],
          },
        ],
        clientAuthMethod: 'client_secret_basic',
      });
      try {
        const discovery = (await (
          await fetch(`${basic.issuer}/.well-known/openid-configuration`)
        ).json()) as {
          token_endpoint_auth_methods_supported: string[];
        };
        expect(discovery.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic']);
        await basic.account('sub-karin', { email: LARKBY.karin, email_verified: true });
        await admin.ok(SAVE, { input: settings({ issuer: basic.issuer }) });
        const outcome = await signInWithSso('sub-karin', {
          authorize: (url) => expect(url.origin).toBe(basic.issuer),
        });
        expect(outcome.reason).toBeNull();
        expect((await sessionOf(outcome).ok(ME)).me.email).toBe(LARKBY.karin);
      } finally {
        await admin.ok(SAVE, { input: settings() });
        await basic.close();
      }
    });

    it('refuses an address outside the allowed domains, and one the provider has not verified', async () => {
      await provider.account('sub-outside', { email: 'karin.sjo@elsewhere.example', email_verified: true });
      const outside = await signInWithSso('sub-outside');
      expect(outside.reason).toBe('SSO_DOMAIN_NOT_ALLOWED');
      await provider.account('sub-unverified', { email: LARKBY.maria, email_verified: false });
      const unverified = await signInWithSso('sub-unverified');
      expect(unverified.reason).toBe('SSO_EMAIL_UNVERIFIED');
      expect(
        outside.browser.cookie('stl_session') ?? unverified.browser.cookie('stl_session'),
      ).toBeUndefined();
    });

    it('refuses people it does not know (no self-registration) and switched-off accounts', async () => {
      const people = async () => (await api.db.query(`SELECT count(*)::int AS n FROM person`))[0].n as number;
      const count = await people();
      await provider.account('sub-stranger', { email: `stranger@${DEMO_DOMAIN}`, email_verified: true });
      expect((await signInWithSso('sub-stranger')).reason).toBe('SSO_UNKNOWN_PERSON');
      expect(await people()).toBe(count);

      await provider.account('sub-sara', { email: LARKBY.sara, email_verified: true });
      await api.db.query(`UPDATE person SET active = false WHERE id = $1`, [LARKBY.ids.sara]);
      try {
        expect((await signInWithSso('sub-sara')).reason).toBe('SSO_PERSON_INACTIVE');
      } finally {
        await api.db.query(`UPDATE person SET active = true WHERE id = $1`, [LARKBY.ids.sara]);
      }
      expect((await signInWithSso('sub-sara')).reason).toBeNull();
    });

    it('refuses another account at the provider claiming an address already linked to a subject', async () => {
      await provider.account('sub-impostor', { email: LARKBY.karin, email_verified: true });
      expect((await signInWithSso('sub-impostor')).reason).toBe('SSO_IDENTITY_CONFLICT');
    });

    it('refuses an organisation without single sign-on', async () => {
      const browser = new RedirectBrowser();
      const start = await browser.request(`${api.url}/auth/oidc/norrby/start`);
      expect(start.status).toBe(303);
      expect(start.location).toBe(`${web}/sign-in?ssoError=SSO_NOT_AVAILABLE`);
    });

    it('are in the audit log: settings saved, sign-ins and refusals, with codes and ids only (ADR 0029)', async () => {
      const rows: { kind: string; outcome: string; actor_id: string | null; details: any }[] =
        await api.db.query(
          `SELECT kind, outcome, actor_id, details FROM audit_event
            WHERE organisation_id = $1 AND (kind = 'SSO_SETTINGS_CHANGED' OR details->>'method' = 'SSO')
            ORDER BY occurred_at`,
          [LARKBY.organisation],
        );
      const settingsSaved = rows.filter((r) => r.kind === 'SSO_SETTINGS_CHANGED');
      expect(settingsSaved.length).toBeGreaterThan(0);
      expect(settingsSaved[0]).toMatchObject({
        actor_id: LARKBY.ids.admin,
        details: { enabled: true, clientSecretChanged: true, issuerChanged: true, allowedDomains: 1 },
      });
      const signIns = rows.filter((r) => r.kind === 'SIGN_IN');
      expect(signIns).toContainEqual({
        kind: 'SIGN_IN',
        outcome: 'SUCCESS',
        actor_id: LARKBY.ids.karin,
        details: { method: 'SSO' },
      });
      const refusals = signIns.filter((r) => r.outcome !== 'SUCCESS').map((r) => r.details.code);
      for (const code of [
        'SSO_DOMAIN_NOT_ALLOWED',
        'SSO_EMAIL_UNVERIFIED',
        'SSO_UNKNOWN_PERSON',
        'SSO_IDENTITY_CONFLICT',
      ])
        expect(refusals).toContain(code);
      expect(signIns).toContainEqual({
        kind: 'SIGN_IN',
        outcome: 'REFUSED',
        actor_id: LARKBY.ids.sara,
        details: { method: 'SSO', code: 'SSO_PERSON_INACTIVE' },
      });
      const text = JSON.stringify(await api.db.query(`SELECT * FROM audit_event`));
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(CLIENT_ID);
      expect(text).not.toContain('@');
    });
  });

  describe('turned off', () => {
    afterAll(async () => {
      await admin.ok(SAVE, { input: settings() });
    });

    it('offers no button, starts nothing and lets the stored secret be', async () => {
      const secret = (await api.db.query(`SELECT client_secret_encrypted AS s FROM organisation_sso`))[0].s;
      await admin.ok(SAVE, { input: settings({ enabled: false, clientSecret: null }) });
      expect((await api.client().ok(FOR_EMAIL, { email: LARKBY.karin })).ssoForEmail).toBeNull();
      const start = await new RedirectBrowser().request(`${api.url}/auth/oidc/larkby/start`);
      expect(start.location).toBe(`${web}/sign-in?ssoError=SSO_NOT_AVAILABLE`);
      expect((await api.db.query(`SELECT client_secret_encrypted AS s FROM organisation_sso`))[0].s).toBe(
        secret,
      );
    });

    it('refuses a sign-in that was under way when it was turned off', async () => {
      await admin.ok(SAVE, { input: settings({ clientSecret: null }) });
      const browser = new RedirectBrowser();
      const start = await browser.request(`${api.url}/auth/oidc/larkby/start`);
      expect(new URL(redirectTarget(start)).origin).toBe(provider.issuer);
      await admin.ok(SAVE, { input: settings({ enabled: false, clientSecret: null }) });
      let next = redirectTarget(start);
      for (let hops = 0; hops < 10 && !next.startsWith(`${web}/auth/oidc/callback`); hops++) {
        const isLogin = /\/interaction\/[^/]+$/.test(new URL(next).pathname);
        next = redirectTarget(
          await browser.request(next, isLogin ? { method: 'POST', json: { account: 'sub-karin' } } : {}),
        );
      }
      const done = await browser.request(next);
      expect(redirectTarget(done)).toBe(`${web}/sign-in?ssoError=SSO_NOT_AVAILABLE`);
      expect(browser.cookie('stl_session')).toBeUndefined();
    });
  });

  describe('password sign-in turned off', () => {
    afterAll(async () => {
      await admin.ok(SAVE, { input: settings() });
    });

    it('refuses the right password with PASSWORD_SIGN_IN_DISABLED, a wrong one as ever; administrators keep it', async () => {
      const password = (email: string, pw = 'stl-demo-2026') =>
        api.client().request(SIGN_IN, { input: { email, password: pw } });
      expect((await password(LARKBY.maria)).errors).toBeUndefined();
      await admin.ok(SAVE, { input: settings({ passwordSignInDisabled: true }) });
      const before = await sessionCount();
      const refused = await password(LARKBY.maria);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'PASSWORD_SIGN_IN_DISABLED',
        details: { ssoStartPath: '/auth/oidc/larkby/start' },
      });
      // A wrong password says only what it always says: nothing about the organisation.
      expect((await password(LARKBY.maria, 'not her password')).errors?.[0].extensions?.code).toBe(
        'INVALID_CREDENTIALS',
      );
      expect(await sessionCount()).toBe(before);
      // The organisation's administrators keep password sign-in: the way back in if the provider fails.
      const adminAgain = await password(LARKBY.admin);
      expect(adminAgain.errors).toBeUndefined();
      // Single sign-on still works for the same people.
      await provider.account('sub-maria', { email: LARKBY.maria, email_verified: true });
      expect((await signInWithSso('sub-maria')).reason).toBeNull();
      // Turned back on, the password works again.
      await admin.ok(SAVE, { input: settings({ passwordSignInDisabled: false }) });
      expect((await password(LARKBY.maria)).errors).toBeUndefined();
    });

    it('refuses reset links, sign-in links and a password on accepting an invitation; the invitation offers single sign-on', async () => {
      await admin.ok(SAVE, { input: settings({ passwordSignInDisabled: true }) });
      const [maria] = await api.db.query(`SELECT id FROM person WHERE email = $1`, [LARKBY.maria]);
      const tokens = api.app.get(AccountTokenService);
      const linkOf = async (purpose: AccountTokenPurpose) => {
        const [link] = await api.db.transaction((m) => tokens.issue(m, purpose, [maria.id], null));
        return accountLinkToken(link.tokenId, DEV_MAIL_LINK_SECRET);
      };
      const anonymous = api.client();
      const refusal = async (query: string, variables: Record<string, unknown>) =>
        (await anonymous.request(query, variables)).errors?.[0].extensions?.code;
      const NEW_PASSWORD = 'a-meadow-of-quiet-larches';

      const reset = await linkOf(AccountTokenPurpose.PASSWORD_RESET);
      expect(
        await refusal(
          `mutation($input: SetPasswordWithLinkInput!) { resetPassword(input: $input) { email } }`,
          {
            input: { token: reset, newPassword: NEW_PASSWORD },
          },
        ),
      ).toBe('PASSWORD_SIGN_IN_DISABLED');
      const link = await linkOf(AccountTokenPurpose.SIGN_IN_LINK);
      expect(
        await refusal(`mutation($t: String!) { signInWithLink(token: $t) { email } }`, { t: link }),
      ).toBe('PASSWORD_SIGN_IN_DISABLED');
      const invitation = await linkOf(AccountTokenPurpose.INVITATION);
      const preview = await anonymous.ok(
        `query($t: String!) { invitationPreview(token: $t) { firstName sso { displayName startPath } } }`,
        { t: invitation },
      );
      expect(preview['invitationPreview'].sso).toEqual({
        displayName: 'Lärkby kommun',
        startPath: `/auth/oidc/larkby/start?login_hint=${encodeURIComponent(LARKBY.maria)}`,
      });
      expect(
        await refusal(
          `mutation($input: SetPasswordWithLinkInput!) { acceptInvitation(input: $input) { email } }`,
          {
            input: { token: invitation, newPassword: NEW_PASSWORD },
          },
        ),
      ).toBe('PASSWORD_SIGN_IN_DISABLED');
      // Nothing was used up: every link still unused, no new session.
      const [{ used }] = await api.db.query(
        `SELECT count(*)::int AS used FROM account_token WHERE person_id = $1 AND used_at IS NOT NULL`,
        [maria.id],
      );
      expect(used).toBe(0);
      // Asking for a reset link answers as ever, but no link is mailed to her; her administrator,
      // who keeps password sign-in and asked just after her, gets one.
      const resets = async (email: string) =>
        (
          await api.db.query(
            `SELECT count(*)::int AS n FROM outbox_message o JOIN person p ON p.id = o.recipient_id
              WHERE p.email = $1 AND o.kind = 'PASSWORD_RESET'`,
            [email],
          )
        )[0].n as number;
      const request = `mutation($e: String!) { requestPasswordReset(input: { email: $e }) }`;
      await anonymous.ok(request, { e: LARKBY.maria });
      await anonymous.ok(request, { e: LARKBY.admin });
      for (let i = 0; i < 100 && (await resets(LARKBY.admin)) === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await resets(LARKBY.admin)).toBe(1);
      const n = await resets(LARKBY.maria);
      expect(n).toBe(0);
    });
  });

  describe('in production without SSO_SECRET_KEY', () => {
    let prod: TestApi;
    beforeAll(async () => {
      prod = await startTestApi({
        env: { NODE_ENV: 'production', MAIL_LINK_SECRET: 'm'.repeat(40), COOKIE_SECURE: 'false' },
      });
    });
    afterAll(() => prod?.close());

    it('refuses to store a client secret or turn single sign-on on, and stores nothing', async () => {
      const admin = await prod.signedIn(LARKBY.admin);
      const input = settings({ issuer: 'https://idp.larkby.example' });
      expect(await admin.code(SAVE, { input })).toBe('SSO_KEY_MISSING');
      expect(await admin.code(SAVE, { input: { ...input, enabled: false } })).toBe('SSO_KEY_MISSING');
      expect((await prod.db.query(`SELECT count(*)::int AS n FROM organisation_sso`))[0].n).toBe(0);
    });
  });
});
