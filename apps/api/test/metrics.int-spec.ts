import { DEMO_IDS } from '@stl/api/data-access-db';
import { JobQueue, OutboxService } from '@stl/api/feature-notification';
import { DataSource } from 'typeorm';
import { settled, startMailTestApi, testDraft } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const TOKEN = 'metrics-test-token-0123456789';
const TEACHER = 'sara.lindqvist@larkby.example';

/** The value of one sample line of a Prometheus text exposition, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(url: string, token = TOKEN): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('/metrics and the health endpoints', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => api.close());

  it('refuses a scrape without the token, or with another', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('counts a GraphQL request under its operation name, and plain HTTP under its route', async () => {
    const client = await api.signedIn(TEACHER);
    const before = await scrape(api.url);
    const meBefore = sample(before, 'stl_http_request_duration_seconds_count', { operation: 'Me' }) ?? 0;
    await client.ok('query Me { me { email } }');
    await client.ok('query Me { me { email } }');
    // A name the web app does not use is counted, but as "other": clients cannot add series.
    await client.ok('query MadeUpName { me { email } }');
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);

    const text = await scrape(api.url);
    expect(
      sample(text, 'stl_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/graphql',
        operation: 'Me',
        status: '200',
      }),
    ).toBe(meBefore + 2);
    expect(
      sample(text, 'stl_http_request_duration_seconds_count', { operation: 'other' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('MadeUpName');
    expect(
      sample(text, 'stl_http_request_duration_seconds_count', { route: '/health/ready', status: '200' }),
    ).toBe(1);
    // The scrape before this one, under its own route.
    expect(
      sample(text, 'stl_http_request_duration_seconds_count', { route: '/metrics' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'stl_http_request_duration_seconds_bucket', { operation: 'Me', le: '+Inf' })).toBe(
      meBefore + 2,
    );
    // Node's default process metrics.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('reports the job queue depth as it stands in the database', async () => {
    // This API runs no workers (startTestApi): a queued mail waits in the queue.
    const outbox = api.app.get(OutboxService);
    const appDb = api.app.get(DataSource);
    await appDb.transaction((m) => outbox.enqueue(m, testDraft('M:depth', DEMO_IDS.person(100))));
    const text = await scrape(api.url);
    expect(sample(text, 'stl_job_queue_jobs', { queue: 'mail-deliver', state: 'waiting' })).toBe(1);
    expect(sample(text, 'stl_job_queue_jobs', { queue: 'mail-deliver', state: 'active' })).toBe(0);
  });

  it('is ready when the database and the job queue are, and says which is down when not', async () => {
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

    // A stopped queue (as on SIGTERM) makes the process unready while the database is still up.
    await api.app.get(JobQueue).stop();
    const stopped = await fetch(`${api.url}/health/ready`);
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toEqual({ status: 'error', database: 'up', queue: 'down' });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('is not served at all', async () => {
    const api = await startTestApi({ seed: false });
    try {
      const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
    } finally {
      await api.close();
    }
  });
});

describe('mail delivery counters', () => {
  let api: MailTestApi;
  /** Addresses the test's SMTP server refuses for good (550). */
  const refused = new Set<string>();

  beforeAll(async () => {
    api = await startMailTestApi({
      env: { METRICS_TOKEN: TOKEN },
      smtp: { rejectRecipient: (address) => (refused.has(address) ? 550 : undefined) },
    });
  });
  afterAll(() => api.close());

  it('counts mail the server accepted as sent and mail it refused for good as failed', async () => {
    const recipients = await api.db.query<{ id: string; email: string }[]>(
      `SELECT id, email FROM person WHERE id = ANY($1) ORDER BY id`,
      [[DEMO_IDS.person(100), DEMO_IDS.person(101)]],
    );
    expect(recipients).toHaveLength(2);
    refused.add(recipients[1].email);
    for (const r of recipients) {
      await api.appDb.transaction((m) => api.outbox.enqueue(m, testDraft(`M:${r.id}`, r.id)));
    }
    await settled(api.appDb);
    const text = await scrape(api.url);
    expect(sample(text, 'stl_mail_deliveries_total', { outcome: 'sent' })).toBe(1);
    expect(sample(text, 'stl_mail_deliveries_total', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'stl_mail_deliveries_total', { outcome: 'retry' })).toBe(0);
  });
});
