import type { INestApplication } from '@nestjs/common';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { createOutsider } from './support/review-fixtures';
import {
  byKey,
  demoTeacher,
  keyOf,
  outboxRows,
  recipientOf,
  settled,
  startMailTestApi,
  startSecondApi,
  testDraft,
  waitFor,
} from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

const T = demoTeacher;
const ADMIN = 'admin@larkby.example';
const TEACHER = 'sara.lindqvist@larkby.example';
/** Addresses the test's SMTP server refuses: 550 (permanent) or 451 (try later). */
const refusedForGood = new Set<string>();
const refusedForNow = new Set<string>();

const FAILED_MAIL = `query($organisationId: ID!, $first: Int) {
  failedMail(organisationId: $organisationId, first: $first) {
    totalCount
    nodes { id kind status toAddress recipientId attempts lastError idempotencyKey messageId sentAt }
  }
}`;
const RETRY_MAIL = `mutation($id: ID!) { retryMail(id: $id) { id status attempts lastError } }`;

describe('the outbox: nothing lost, nothing sent twice', () => {
  let api: MailTestApi;

  beforeAll(async () => {
    api = await startMailTestApi({
      smtp: {
        rejectRecipient: (address) =>
          refusedForGood.has(address) ? 550 : refusedForNow.has(address) ? 451 : undefined,
      },
    });
  });
  afterAll(() => api.close());

  const enqueue = (key: string, recipientId: string) =>
    api.appDb.transaction((m) => api.outbox.enqueue(m, testDraft(key, recipientId)));

  it('delivers a committed message once, and a duplicate enqueue of the same key is a no-op', async () => {
    expect((await enqueue('T:once', T(0))).outcome).toBe('QUEUED');
    expect((await enqueue('T:once', T(0))).outcome).toBe('DUPLICATE');
    await settled(api.appDb);
    const mails = byKey(api.smtp.received).get('T:once') ?? [];
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(recipientOf(mail)).toBe('sara.lindqvist@larkby.example');
    expect(mail.parsed.subject).toBe(
      'Påminnelse: publicera din analys i analysomgång 4 senast söndag 29 november',
    );
    const [row] = await outboxRows(api.db, `idempotency_key = 'T:once'`);
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, last_error: null });
    expect(mail.parsed.messageId).toBe(row.message_id);
  });

  it('sends nothing from a transaction that rolls back', async () => {
    await expect(
      api.appDb.transaction(async (m) => {
        await api.outbox.enqueue(m, testDraft('T:rolled-back', T(1)));
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    // A message enqueued afterwards arrives; the rolled-back one, queued before it, never does.
    await enqueue('T:after-rollback', T(1));
    await waitFor(async () => byKey(api.smtp.received).has('T:after-rollback'), 'the later message');
    await settled(api.appDb);
    expect(byKey(api.smtp.received).has('T:rolled-back')).toBe(false);
    expect(await outboxRows(api.db, `idempotency_key = 'T:rolled-back'`)).toEqual([]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-deliver' AND data->>'outboxId' NOT IN (SELECT id::text FROM outbox_message)`,
    );
    expect(n).toBe(0);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(api.outbox.enqueue(api.appDb.manager, testDraft('T:no-tx', T(1)))).rejects.toThrow(
      /transaction/,
    );
  });

  it('loses nothing while the SMTP server is down, and delivers each message once when it is back', async () => {
    const before = api.smtp.received.length;
    await api.smtp.close();
    const keys = ['T:down:1', 'T:down:2', 'T:down:3', 'T:down:4', 'T:down:5'];
    for (const [i, key] of keys.entries()) await enqueue(key, T(2 + i));
    // Every message has tried and failed at least once: the server really was down.
    await waitFor(async () => {
      const rows = await outboxRows(api.db, `idempotency_key = ANY($1)`, [keys]);
      return (
        rows.length === 5 && rows.every((r) => r.attempts >= 1 && r.status === 'PENDING' && r.last_error)
      );
    }, 'a failed first attempt of every message');
    const rows = await outboxRows(api.db, `idempotency_key = ANY($1)`, [keys]);
    expect(rows[0].last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(before).toBeGreaterThan(0);

    const smtp = await api.restartSmtp();
    await smtp.waitFor(5, 20_000);
    await settled(api.appDb);
    const arrived = byKey(smtp.received);
    for (const key of keys) expect(arrived.get(key)).toHaveLength(1);
    expect(smtp.received).toHaveLength(5);
    expect(
      (await outboxRows(api.db, `idempotency_key = ANY($1)`, [keys])).every((r) => r.status === 'SENT'),
    ).toBe(true);
    // No job is left that could send anything again (pg-boss completes a batch just after its handler).
    await waitFor(async () => {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-deliver' AND state < 'completed'`,
      );
      return n === 0;
    }, 'every delivery job completed');
    expect(smtp.received).toHaveLength(5);
  });

  it('sends at most one duplicate, with the same Message-ID and key, when marking as sent fails after sending', async () => {
    // Simulates a crash between the SMTP server's "250 OK" and the UPDATE … SET status = 'SENT':
    // the first two such UPDATEs fail (a sequence is not rolled back with them): the batch's
    // statement and the worker's second try for the row alone. The job is retried.
    await api.db.query(`CREATE SEQUENCE crash_once`);
    await api.db.query(`CREATE FUNCTION crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.idempotency_key = 'T:crash' AND NEW.status = 'SENT' AND nextval('crash_once') <= 2 THEN
          RAISE EXCEPTION 'simulated crash after sending';
        END IF;
        RETURN NEW;
      END $$`);
    await api.db.query(
      `CREATE TRIGGER crash_once BEFORE UPDATE ON outbox_message FOR EACH ROW EXECUTE FUNCTION crash_once()`,
    );
    try {
      await enqueue('T:crash', T(8));
      await waitFor(
        async () => (await outboxRows(api.db, `idempotency_key = 'T:crash'`))[0]?.status === 'SENT',
        'the message to be marked sent on the retry',
      );
    } finally {
      await api.db.query(
        `DROP TRIGGER crash_once ON outbox_message; DROP FUNCTION crash_once(); DROP SEQUENCE crash_once`,
      );
    }
    const copies = byKey(api.smtp.received).get('T:crash') ?? [];
    // The guarantee is at-least-once: here the mail went out twice, and the receiver can tell.
    expect(copies).toHaveLength(2);
    expect(copies[0].parsed.messageId).toBe(copies[1].parsed.messageId);
    expect(copies.map(keyOf)).toEqual(['T:crash', 'T:crash']);
    expect(copies[0].parsed.html).toBe(copies[1].parsed.html);
    const [row] = await outboxRows(api.db, `idempotency_key = 'T:crash'`);
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, message_id: copies[0].parsed.messageId });
  });

  it('marks an address the server refuses as failed with the reason, and other mail still flows', async () => {
    refusedForGood.add('lars.nilsson@larkby.example');
    await enqueue('T:refused', T(3));
    await enqueue('T:fine:1', T(4));
    await enqueue('T:fine:2', T(5));
    await settled(api.appDb);
    const rows = await outboxRows(api.db, `idempotency_key IN ('T:refused', 'T:fine:1', 'T:fine:2')`);
    expect(Object.fromEntries(rows.map((r) => [r.idempotency_key, r.status]))).toEqual({
      'T:refused': 'FAILED',
      'T:fine:1': 'SENT',
      'T:fine:2': 'SENT',
    });
    const refused = rows.find((r) => r.idempotency_key === 'T:refused');
    expect(refused).toMatchObject({ attempts: 1, to_address: 'lars.nilsson@larkby.example' });
    expect(refused?.last_error).toMatch(/550.*lars\.nilsson@larkby\.example refused/);
    expect(byKey(api.smtp.received).has('T:refused')).toBe(false);
  });

  it('gives up after the last retry when a server keeps saying "try later"', async () => {
    refusedForNow.add('lars.nilsson@larkby.example');
    refusedForGood.delete('lars.nilsson@larkby.example');
    await enqueue('T:greylisted', T(3));
    const row = await waitFor(
      async () => (await outboxRows(api.db, `idempotency_key = 'T:greylisted' AND status = 'FAILED'`))[0],
      'the retries to run out',
      40_000,
    );
    // MAIL_RETRY_LIMIT=3: the first attempt and three retries, with exponential backoff.
    expect(row.attempts).toBe(4);
    expect(row.last_error).toMatch(/^Gave up after the last retry: .*451/);
    refusedForNow.delete('lars.nilsson@larkby.example');
  });

  it('shows failed mail to the organisation’s administrators only, who can retry it', async () => {
    const admin = await api.signedIn(ADMIN);
    const { failedMail } = await admin.ok(FAILED_MAIL, { organisationId: DEMO_IDS.organisation });
    expect(failedMail.totalCount).toBe(2);
    const refused = failedMail.nodes.find((n: any) => n.idempotencyKey === 'T:refused');
    expect(refused).toMatchObject({
      kind: 'SUBMISSION_DUE_48H',
      status: 'FAILED',
      toAddress: 'lars.nilsson@larkby.example',
      recipientId: T(3),
      attempts: 1,
      sentAt: null,
    });
    expect(refused.lastError).toMatch(/550/);

    const teacher = await api.signedIn(TEACHER);
    expect(await teacher.code(FAILED_MAIL, { organisationId: DEMO_IDS.organisation })).toBe('FORBIDDEN');
    expect(await teacher.code(RETRY_MAIL, { id: refused.id })).toBe('FORBIDDEN');
    const outsider = await api.signedIn(await createOutsider(api.db));
    expect(await outsider.code(FAILED_MAIL, { organisationId: DEMO_IDS.organisation })).toBe('NOT_FOUND');
    expect(await outsider.code(RETRY_MAIL, { id: refused.id })).toBe('NOT_FOUND');
    expect(await api.client().code(FAILED_MAIL, { organisationId: DEMO_IDS.organisation })).toBe(
      'UNAUTHENTICATED',
    );
    expect(await admin.code(RETRY_MAIL, { id: 'not-an-id' })).toBe('BAD_USER_INPUT');

    // The address works again: the administrator's retry delivers it, once.
    const { retryMail } = await admin.ok(RETRY_MAIL, { id: refused.id });
    expect(retryMail.status).toBe('PENDING');
    await waitFor(async () => byKey(api.smtp.received).has('T:refused'), 'the retried mail');
    await settled(api.appDb);
    expect(byKey(api.smtp.received).get('T:refused')).toHaveLength(1);
    expect((await outboxRows(api.db, `idempotency_key = 'T:refused'`))[0]).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
    expect(await admin.code(RETRY_MAIL, { id: refused.id })).toBe('INVALID_STATE_TRANSITION');
    const after = await admin.ok(FAILED_MAIL, { organisationId: DEMO_IDS.organisation });
    expect(after.failedMail.totalCount).toBe(1);
  });

  describe('with a second API process on the same database', () => {
    let second: INestApplication;
    beforeAll(async () => {
      second = await startSecondApi(api);
    });
    afterAll(() => second.close());

    it('has the two processes’ workers deliver each message exactly once', async () => {
      const keys = Array.from({ length: 40 }, (_, i) => `T:two-workers:${i}`);
      await api.appDb.transaction((m) =>
        api.outbox.enqueueMany(
          m,
          keys.map((k, i) => testDraft(k, T(6 + (i % 10)))),
        ),
      );
      await waitFor(async () => keys.every((k) => byKey(api.smtp.received).has(k)), 'all 40 mails');
      await settled(api.appDb);
      const arrived = byKey(api.smtp.received);
      expect(keys.map((k) => arrived.get(k)?.length)).toEqual(keys.map(() => 1));
    });
  });
});
