import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';
import { publishDirectly } from './support/publish-directly';

/**
 * The API in production mode, tried as an attacker would (issue 11): every oversized or malformed
 * request is refused with a typed error before anything runs, and the HTTP answers carry the
 * security headers.
 */
const MARIA = 'maria.berg@larkby.example';

/** `analysis { feedback { analysis { feedback … } } } }` with `levels` object levels below `analysis`. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = levels - 1; i >= 0; i--)
    inner = i % 2 === 0 ? `feedback { ${inner} }` : `analysis { ${inner} }`;
  return `query($id: ID!) { analysis(id: $id) { id ${inner} } }`;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

describe('a hardened API surface in production mode', () => {
  let api: TestApi;
  let maria: GqlClient;
  let analysisId: string;

  beforeAll(async () => {
    api = await startTestApi({
      env: {
        NODE_ENV: 'production',
        MAIL_LINK_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
        COOKIE_SECURE: 'false',
        MAX_BODY_BYTES: String(200 * 1024),
      },
    });
    maria = await api.signedIn(MARIA);
    const [first] = await api.db.query(
      `SELECT r.id AS round_id, m.person_id FROM analysis_round r
         JOIN cohort_membership m ON m.cohort_id = r.cohort_id AND m.role = 'PARTICIPANT'
        ORDER BY r.number, m.person_id LIMIT 1`,
    );
    const published = await publishDirectly(api.db, first.round_id, [first.person_id]);
    analysisId = [...published.values()][0];
  });

  afterAll(async () => {
    await api?.close();
  });

  async function refusal(client: GqlClient, query: string, variables: Record<string, unknown> = {}) {
    const r = await client.request(query, variables);
    expect(r.data ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    const [error] = r.errors ?? [];
    return { status: r.status, error: error as { message: string; extensions?: Record<string, any> } };
  }

  it('answers a query within the limits', async () => {
    const data = await maria.ok<{ analysis: { id: string } }>(nested(4), { id: analysisId });
    expect(data.analysis.id).toBe(analysisId);
  });

  it('refuses a query 16 levels deep, naming the depth limit', async () => {
    const { status, error } = await refusal(maria, nested(15), { id: analysisId });
    expect(status).toBe(400);
    expect(error.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions?.['details']).toEqual({ limit: 'depth', max: 12, actual: 17 });
  });

  it('refuses 100 aliases in one request', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `a${i}: demoAccounts { email }`).join(' ');
    const { status, error } = await refusal(maria, `{ ${fields} }`);
    expect(status).toBe(400);
    expect(error.extensions?.['details']).toMatchObject({ limit: 'aliases', max: 20, actual: 100 });
  });

  it('refuses nested lists whose pages multiply past the cost limit', async () => {
    // A page of 100 analyses × feedback × its analysis's feedback × …: 8 deep, no alias, over the cost.
    const query = `query($c: ID!) { sharedSpace(cohortId: $c, first: 100) { nodes { feedback { analysis {
      feedback { analysis { feedback { id } } } } } } } }`;
    const cohorts = await api.db.query(`SELECT id FROM cohort LIMIT 1`);
    const { status, error } = await refusal(maria, query, { c: cohorts[0].id });
    expect(status).toBe(400);
    expect(error.extensions?.['details']).toMatchObject({ limit: 'cost', max: 50000 });
    expect(error.extensions?.['details'].actual).toBeGreaterThan(50000);
  });

  it('gives an anonymous caller tighter limits: 50 aliases of a public query are refused', async () => {
    const anonymous = api.client();
    const fields = Array.from({ length: 50 }, (_, i) => `d${i}: demoAccounts { email }`).join(' ');
    const { error } = await refusal(anonymous, `{ ${fields} }`);
    expect(error.extensions?.['details']).toMatchObject({ limit: 'aliases', max: 3, actual: 50 });
    // The same query is within a signed-in caller's aliases only up to 20.
    const few = Array.from({ length: 4 }, (_, i) => `d${i}: demoAccounts { email }`).join(' ');
    expect((await refusal(anonymous, `{ ${few} }`)).error.extensions?.['details'].limit).toBe('aliases');
    await maria.ok(`{ ${few} }`);
  });

  it('refuses too many tokens before parsing the rest', async () => {
    const padding = Array.from({ length: 3100 }, () => 'email').join(' ');
    const { status, error } = await refusal(maria, `{ demoAccounts { ${padding} } }`);
    expect(status).toBe(400);
    expect(error.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions?.['details']).toMatchObject({ limit: 'tokens' });
  });

  it('has introspection off and suggests no field names', async () => {
    const intro = await refusal(maria, `{ __schema { types { name } } }`);
    expect(intro.error.message).toMatch(/introspection/i);
    const typo = await refusal(maria, `{ mee { id } }`);
    expect(typo.error.message).not.toMatch(/did you mean/i);
    expect(typo.error.message).not.toContain('"me"');
  });

  it('shows no landing page', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(await res.text()).not.toMatch(/graphiql|<html/i);
  });

  it('answers a body over the limit with 413 and a typed error, and malformed JSON with 400', async () => {
    const huge = JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1024 * 1024) } });
    const big = await post(api.url, huge);
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0].extensions?.['code']).toBe('PAYLOAD_TOO_LARGE');
    const broken = await post(api.url, '{"query": "{ me { id } }",');
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.[0].extensions?.['code']).toBe('MALFORMED_REQUEST');
  });

  it('sends the security headers and no X-Powered-By', async () => {
    const r = await post(api.url, JSON.stringify({ query: '{ demoAccounts { email } }' }));
    const csp = r.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-powered-by')).toBeNull();
    // HSTS only over TLS: this test speaks plain HTTP to the process.
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the persisted-operations option', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { GRAPHQL_PERSISTED_ONLY: 'true' } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it("answers the web app's own operations and refuses any other", async () => {
    const client = api.client();
    // The web app's sign-in page asks for the demo accounts with exactly this operation.
    const { webOperationSources } = await import('../src/app/web-operations');
    const source = webOperationSources().find((s) => /query DemoAccounts\b/.test(s));
    expect(source).toBeDefined();
    const r = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source, operationName: 'DemoAccounts' }),
    });
    const body = (await r.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeDefined();
    expect(await client.code(`{ demoAccounts { email fullName } }`)).toBe('OPERATION_NOT_ALLOWED');
  });
});
