import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { startTestSmtpServer } from '@stl/mail/data-access-transport/testing';
import type {
  ReceivedMail,
  TestSmtpServer,
  TestSmtpServerOptions,
} from '@stl/mail/data-access-transport/testing';
import { NotificationEvents, OutboxService, ReminderPlanner } from '@stl/api/feature-notification';
import type { NotificationDraft } from '@stl/api/feature-notification';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../../src/app/create-app';
import { startTestApi } from './test-api';
import type { TestApi } from './test-api';

export const PUBLIC_WEB_URL = 'https://stl.larkby.test';
export const LINK_SECRET = 'notification-tests-link-secret-0123456789abcdef';

/** Settings for an API whose mail workers deliver to the test's SMTP server, quickly. */
export function mailEnv(smtpPort: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WORKER_ENABLED: 'true',
    REMINDER_CRON: 'off',
    SMTP_PORT: String(smtpPort),
    MAIL_FROM: 'STL-plattformen <no-reply@stl.larkby.test>',
    PUBLIC_WEB_URL,
    MAIL_LINK_SECRET: LINK_SECRET,
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_RETRY_LIMIT: '3',
    WORKER_POLL_SECONDS: '0.5',
    MAIL_BATCH_SIZE: '10',
    // Tests run at any hour; the quiet-hours tests pass their own `now`.
    MAIL_QUIET_HOURS: 'off',
    ...extra,
  };
}

/** The n-th teacher of the seeded cohort (DEMO_IDS.person(100 + n)): participants, not yet published in round 4. */
export const demoTeacher = (n: number): string => DEMO_IDS.person(100 + n);

export interface MailTestApi extends TestApi {
  smtp: TestSmtpServer;
  planner: ReminderPlanner;
  outbox: OutboxService;
  events: NotificationEvents;
  /** The API's own DataSource (the one its services use). */
  appDb: DataSource;
  /** Replaces the SMTP server by a new one on the same port (after `smtp.close()`: an outage). */
  restartSmtp(options?: TestSmtpServerOptions): Promise<TestSmtpServer>;
}

/** A real SMTP server and the real API (workers on) delivering to it, on a fresh seeded database. */
export async function startMailTestApi(
  options: { env?: Record<string, string>; smtp?: TestSmtpServerOptions } = {},
): Promise<MailTestApi> {
  const smtp = await startTestSmtpServer(options.smtp);
  const api = await startTestApi({ env: mailEnv(smtp.port, options.env) });
  const mail: MailTestApi = {
    ...api,
    smtp,
    planner: api.app.get(ReminderPlanner),
    outbox: api.app.get(OutboxService),
    events: api.app.get(NotificationEvents),
    appDb: api.app.get(TypeOrmDataSource),
    restartSmtp: async (opts = {}) => {
      mail.smtp = await startTestSmtpServer({ ...options.smtp, ...opts, port: smtp.port });
      return mail.smtp;
    },
    close: async () => {
      await api.close();
      await mail.smtp.close();
    },
  };
  return mail;
}

/** A second API process on the same database (as behind a load balancer), workers on. */
export async function startSecondApi(
  api: MailTestApi,
  env: Record<string, string> = {},
): Promise<INestApplication> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST_DIR: 'tmp/no-web-app',
    ...mailEnv(api.smtp.port, env),
  });
  const app = await createApp(config, api.databaseUrl);
  await app.init();
  return app;
}

/** Polls until `probe` returns a truthy value; fails with `what` after the deadline. Never a fixed sleep. */
export async function waitFor<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface OutboxRow {
  id: string;
  idempotency_key: string;
  kind: string;
  recipient_id: string;
  to_address: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  not_before: Date | null;
  digest_id: string | null;
}

export function outboxRows(db: DataSource, where = 'true', params: unknown[] = []): Promise<OutboxRow[]> {
  return db.query(
    `SELECT id, idempotency_key, kind, recipient_id, to_address, status, attempts, last_error, message_id, not_before, digest_id
       FROM outbox_message WHERE ${where} ORDER BY created_at, idempotency_key`,
    params,
  );
}

/** Waits until no message that may go out now is still PENDING: everything due has been delivered or settled. */
export function settled(db: DataSource, timeoutMs?: number): Promise<true> {
  return waitFor(
    async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE status = 'PENDING' AND (not_before IS NULL OR not_before <= now())`,
      );
      return n === 0;
    },
    'the outbox to settle',
    timeoutMs,
  ) as Promise<true>;
}

export const keyOf = (mail: ReceivedMail): string =>
  String(mail.parsed.headers.get('x-stl-idempotency-key') ?? '');

/** Received mails grouped by idempotency key. */
export function byKey(mails: readonly ReceivedMail[]): Map<string, ReceivedMail[]> {
  const out = new Map<string, ReceivedMail[]>();
  for (const m of mails) out.set(keyOf(m), [...(out.get(keyOf(m)) ?? []), m]);
  return out;
}

/** The one mail received for a key (fails if none or several). */
export function onlyMail(smtp: TestSmtpServer, key: string): ReceivedMail {
  const found = smtp.received.filter((m) => keyOf(m) === key);
  if (found.length !== 1) throw new Error(`Expected one mail with key ${key}, got ${found.length}`);
  return found[0];
}

export const recipientOf = (mail: ReceivedMail): string => mail.envelope.to.join(',');

/**
 * A small mail for tests of the outbox itself: a "publish your analysis for round 4" reminder to a
 * participant of the seeded cohort, which stays relevant while they have not published.
 */
export function testDraft(key: string, recipientId: string): NotificationDraft {
  return {
    idempotencyKey: key,
    kind: 'SUBMISSION_DUE_48H',
    recipientId,
    refs: { cohortId: DEMO_IDS.cohort, roundId: DEMO_IDS.round(4) },
    data: {
      cohortId: DEMO_IDS.cohort,
      cohortName: 'STL Lärkby 2026/27',
      roundId: DEMO_IDS.round(4),
      roundNumber: 4,
      submissionDueAt: '2026-11-29T12:00:00Z',
      hasDraft: false,
    },
  };
}
