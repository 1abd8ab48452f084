import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '@stl/api/feature-notification';
import {
  byKey,
  demoTeacher,
  settled,
  startMailTestApi,
  startSecondApi,
  testDraft,
  waitFor,
} from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

const T = demoTeacher;
/** The workers' poll interval here: only the delivery job's NOTIFY can bring a mail sooner. */
const POLL_SECONDS = 30;
/** Well under the poll interval, well over a delivery's few milliseconds on a loaded machine. */
const SOON_MS = 10_000;

/**
 * The insert of a delivery job sends a NOTIFY at its transaction's commit, and every process with
 * mail workers listens for it (ADR 0019): mail leaves when the change that caused it commits, in
 * this process or another one, not at the workers' next poll.
 */
describe('mail leaves when its transaction commits, not at the next poll', () => {
  let api: MailTestApi;
  /** A second process on the same database without workers: an API process behind a balancer. */
  let webOnly: INestApplication;

  beforeAll(
    async () => {
      api = await startMailTestApi({ env: { WORKER_POLL_SECONDS: String(POLL_SECONDS) } });
      webOnly = await startSecondApi(api, { WORKER_ENABLED: 'false' });
      // One mail through, so every fetch loop has made its first fetch and now waits out the poll.
      await api.appDb.transaction((m) => api.outbox.enqueue(m, testDraft('W:first', T(0))));
      await waitFor(
        async () => byKey(api.smtp.received).has('W:first'),
        'the first mail',
        2 * POLL_SECONDS * 1000,
      );
      await settled(api.appDb);
    },
    3 * POLL_SECONDS * 1000,
  );
  afterAll(async () => {
    await webOnly?.close();
    await api?.close();
  });

  /** Enqueues through `app`'s own outbox and returns how long the mail took to reach the server. */
  async function timeToServer(app: INestApplication, key: string, recipientId: string): Promise<number> {
    const outbox = app.get(OutboxService);
    const started = Date.now();
    await app.get(DataSource).transaction((m) => outbox.enqueue(m, testDraft(key, recipientId)));
    await waitFor(async () => byKey(api.smtp.received).has(key), key, 2 * POLL_SECONDS * 1000);
    return Date.now() - started;
  }

  it('delivers mail enqueued by a process without workers at once', async () => {
    expect(await timeToServer(webOnly, 'W:other-process', T(1))).toBeLessThan(SOON_MS);
    await settled(api.appDb);
  });

  it('delivers mail enqueued in the worker’s own process at once', async () => {
    expect(await timeToServer(api.app, 'W:same-process', T(2))).toBeLessThan(SOON_MS);
    await settled(api.appDb);
  });

  it('sends each of them once', () => {
    const keys = byKey(api.smtp.received);
    for (const key of ['W:first', 'W:other-process', 'W:same-process']) expect(keys.get(key)).toHaveLength(1);
  });
});
