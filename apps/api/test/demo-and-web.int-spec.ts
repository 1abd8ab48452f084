import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO_DOMAIN } from '@stl/api/data-access-db';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const DEMO_ACCOUNTS = `{ demoAccounts { email fullName role schoolName description } }`;
const OPERATOR = `{ demoAccounts { email role platformOperator } me { platformOperator } }`;

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
      // The platform operator comes last, with no organisation role (ADR 0015).
      expect(roles[roles.length - 1]).toBeNull();
      expect(new Set(roles)).toEqual(
        new Set(['ADMINISTRATOR', 'COURSE_LEADER', 'SCHOOL_LEADER', 'TEACHER', null]),
      );
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

    it('offers the platform operator, who signs in with the demo password too', async () => {
      const { demoAccounts } = await api.client().ok(OPERATOR);
      const operator = demoAccounts[demoAccounts.length - 1];
      expect(operator).toEqual({ email: 'drift@stl.example', role: null, platformOperator: true });
      const c = await api.signedIn(operator.email);
      expect((await c.ok(OPERATOR)).me).toEqual({ platformOperator: true });
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

/** A raw HTTP exchange: unlike fetch, it leaves a compressed body as it came. */
function raw(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(res: { headers: IncomingHttpHeaders; body: Buffer }): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

describe('serving the built web app', () => {
  let api: TestApi;
  // A bundle as the Angular build names it, big enough to be worth compressing.
  const MAIN = '/main-JTX7TGTW.js';
  const mainJs = `console.log(${JSON.stringify('STL '.repeat(2000))});`;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stl-web-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><title>STL web</title><app-root></app-root><!-- ${'x'.repeat(2000)} -->`,
    );
    writeFileSync(join(dir, MAIN), mainJs);
    writeFileSync(join(dir, 'chunk-CnyJiUx-.js'), 'export const lazy = 1;');
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media/font-ABCDEF12.woff2'), 'not really a font');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    // The build's own step makes the .br and .gz beside each file.
    execFileSync(process.execPath, [join(__dirname, '../../../tools/scripts/compress-web.mjs'), dir]);
    api = await startTestApi({ seed: false, env: { WEB_DIST_DIR: dir } });
  });
  afterAll(() => api.close());

  const get = (path: string, accept = 'text/html') => fetch(`${api.url}${path}`, { headers: { accept } });

  it('sends each bundle compressed as the browser accepts, made at build time', async () => {
    for (const [accept, expected] of [
      ['br', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['identity', undefined],
      ['', undefined],
    ] as const) {
      const res = await raw(`${api.url}${MAIN}`, { 'accept-encoding': accept });
      expect({ accept, status: res.status, encoding: res.headers['content-encoding'] }).toEqual({
        accept,
        status: 200,
        encoding: expected,
      });
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      if (expected) expect(res.body.length).toBeLessThan(mainJs.length / 10);
      expect(decoded(res)).toBe(mainJs);
    }
  });

  it('lets browsers keep hashed files for a year and revalidate the rest', async () => {
    for (const path of [MAIN, '/chunk-CnyJiUx-.js', '/media/font-ABCDEF12.woff2']) {
      const res = await raw(`${api.url}${path}`, { 'accept-encoding': 'br' });
      expect({ path, cache: res.headers['cache-control'] }).toEqual({
        path,
        cache: 'public, max-age=31536000, immutable',
      });
    }
    for (const path of ['/', '/index.html', '/favicon.svg', '/cohorts/x']) {
      const res = await raw(`${api.url}${path}`, { 'accept-encoding': 'br' });
      expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
      });
    }
    // index.html is compressed too, and keeps its Content-Security-Policy.
    const index = await raw(`${api.url}/cohorts/x`, { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(decoded(index)).toContain('<app-root>');
  });

  it('answers a missing bundle 404, not with the app under a .js name', async () => {
    const res = await raw(`${api.url}/main-OLDBUILD.js`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(decoded(res)).not.toContain('<app-root>');
  });

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
    const res = await get(MAIN, '*/*');
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

describe('compressing API answers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { SEED_DEMO: 'true' } });
  });
  afterAll(() => api.close());

  const ask = (query: string, acceptEncoding: string) =>
    raw(
      `${api.url}/graphql`,
      { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
      JSON.stringify({ query }),
    );
  const LARGE = `{ demoAccounts { email fullName role schoolName description } }`;

  it('compresses a large GraphQL answer with brotli or gzip, as the client accepts', async () => {
    const plain = await ask(LARGE, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const res = await ask(LARGE, encoding);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      // Still an answer with personal data: never stored by a cache.
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decoded(res))).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  it('sends a small answer as it is', async () => {
    const res = await ask('{ me { email } }', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ data: { me: null } });
  });
});
