import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DOMAIN } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const DEMO_ACCOUNTS = `{ demoAccounts { email fullName role schoolName description } }`;

describe('demo accounts on the sign-in page', () => {
  it('are an empty list when the demo was not seeded at boot', async () => {
    const api = await startTestApi();
    try {
      expect(await api.client().ok(DEMO_ACCOUNTS)).toEqual({ demoAccounts: [] });
    } finally {
      await api.close();
    }
  });

  describe('in demo mode', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { SEED_DEMO: 'true' } });
    });
    afterAll(() => api.close());

    it('lists every role, strongest first, with a few teachers per school, to anyone', async () => {
      const { demoAccounts } = await api.client().ok(DEMO_ACCOUNTS);
      const roles = demoAccounts.map((a: { role: string }) => a.role);
      expect(roles[0]).toBe('ADMINISTRATOR');
      expect(new Set(roles)).toEqual(new Set(['ADMINISTRATOR', 'COURSE_LEADER', 'SCHOOL_LEADER', 'TEACHER']));
      expect(roles.filter((r: string) => r === 'TEACHER')).toHaveLength(8);
      expect(demoAccounts).toContainEqual({
        email: `sara.lindqvist@${DEMO_DOMAIN}`,
        fullName: 'Sara Lindqvist',
        role: 'TEACHER',
        schoolName: 'Ekbackeskolan',
        description: 'Teacher at Ekbackeskolan',
      });
      expect(demoAccounts).toContainEqual(
        expect.objectContaining({ email: `maria.berg@${DEMO_DOMAIN}`, description: 'Course leader' }),
      );
    });

    it('each sign in with the demo password', async () => {
      const { demoAccounts } = await api.client().ok(DEMO_ACCOUNTS);
      for (const a of demoAccounts.slice(0, 3)) {
        const c = await api.signedIn(a.email);
        expect((await c.ok(`{ me { email } }`)).me.email).toBe(a.email);
      }
    });
  });
});

describe('serving the built web app', () => {
  let api: TestApi;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stl-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>STL web</title><app-root></app-root>');
    writeFileSync(join(dir, 'main-ABC123.js'), 'console.log("app")');
    api = await startTestApi({ seed: false, env: { WEB_DIST_DIR: dir } });
  });
  afterAll(() => api.close());

  const get = (path: string, accept = 'text/html') => fetch(`${api.url}${path}`, { headers: { accept } });

  it('serves index.html at / and for every client-side route (SPA fallback)', async () => {
    for (const path of ['/', '/cohorts/00000000-0000-4000-8004-000000000001', '/sign-in?next=%2F']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      // A new build must be picked up at once: index.html is never cached without asking.
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<app-root>');
    }
  });

  it('serves the bundles as files', async () => {
    const res = await get('/main-ABC123.js', '*/*');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('console.log');
  });

  it('never answers the API routes with the web app', async () => {
    const health = await get('/health', 'application/json');
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });

    const gql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(await gql.json()).toEqual({ data: { me: null } });
    expect(await (await get('/graphql')).text()).not.toContain('<app-root>');

    const unsubscribe = await get('/unsubscribe/some-token');
    expect(unsubscribe.status).toBe(404);
    expect(await unsubscribe.text()).not.toContain('<app-root>');

    // Single sign-on's redirects (ADR 0014) are the API's, not client-side routes.
    const start = await fetch(`${api.url}/auth/oidc/nowhere/start`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toMatch(/\/sign-in\?ssoError=SSO_NOT_AVAILABLE$/);
    const callback = await fetch(`${api.url}/auth/oidc/callback?state=x&code=y`, { redirect: 'manual' });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toMatch(/\/sign-in\?ssoError=SSO_STATE_INVALID$/);
  });
});
