import { DEMO_IDS } from '@stl/api/data-access-db';
import type { ReceivedMail } from '@stl/mail/data-access-transport/testing';
import {
  byKey,
  demoTeacher,
  outboxRows,
  settled,
  startMailTestApi,
  testDraft,
  waitFor,
} from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

/**
 * Issue 16, defects 3 and 5: a server that takes the whole message and then never replies (slower
 * than the client's timeout, or cutting the connection after the end of data) may have delivered
 * it, so the message is neither sent again nor called failed; and a message sent a second time is
 * byte-identical to the first.
 */
const T = demoTeacher;
const ADMIN = 'admin@larkby.example';
const SMTP_TIMEOUT_SECONDS = 2;

const FAILED_MAIL = `query($organisationId: ID!) {
  failedMail(organisationId: $organisationId, first: 50) { nodes { id idempotencyKey status } }
}`;
const RETRY_MAIL = `mutation($id: ID!) { retryMail(id: $id) { id status } }`;
const RESEND_UNCONFIRMED = `mutation($id: ID!) { resendUnconfirmedMail(id: $id) { id status } }`;
const MARK_DELIVERED = `mutation($id: ID!) { markMailDelivered(id: $id) { id status } }`;

const has = (raw: Buffer, key: string) =>
  raw.toString('latin1').toLowerCase().includes(`x-stl-idempotency-key: ${key.toLowerCase()}\r\n`);
/** The message without trace headers a relay would add (none from the test server, but to be exact). */
const untraced = (mail: ReceivedMail) =>
  mail.raw.toString('latin1').replace(/^(Received|Return-Path|Delivered-To):.*\r\n(?:[ \t].*\r\n)*/gim, '');

describe('mail under faults: an unconfirmed outcome, identical resends', () => {
  let api: MailTestApi;

  beforeAll(async () => {
    api = await startMailTestApi({
      env: { SMTP_TIMEOUT_SECONDS: String(SMTP_TIMEOUT_SECONDS), MAIL_RETRY_LIMIT: '2' },
      smtp: {
        replyDelayMs: (raw) => (has(raw, 'T:slow') ? (SMTP_TIMEOUT_SECONDS + 3) * 1000 : 0),
        dropAfterData: (raw) => has(raw, 'T:cut'),
      },
    });
  });
  afterAll(() => api.close());

  const enqueue = (key: string, recipientId: string) =>
    api.appDb.transaction((m) => api.outbox.enqueue(m, testDraft(key, recipientId)));
  /** No delivery job of these messages is waiting or running any more (nothing can send them again). */
  const noLiveJob = (ids: string[]) =>
    waitFor(async () => {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM pgboss.job
          WHERE name = 'mail-deliver' AND state < 'completed' AND data->>'outboxId' = ANY($1)`,
        [ids],
      );
      return n === 0;
    }, 'no live delivery job');

  it('a server slower than the timeout after DATA: one copy, the row UNCONFIRMED (not FAILED), no blind resend; an explicit resend or a mark as delivered', async () => {
    await enqueue('T:slow', T(0));
    await enqueue('T:cut', T(1));
    await settled(api.appDb, 40_000);
    const rows = await outboxRows(api.db, `idempotency_key IN ('T:slow', 'T:cut')`);
    await noLiveJob(rows.map((r) => r.id));
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'UNCONFIRMED', attempts: 1 });
      expect(row.last_error).toMatch(/^Outcome unknown: the server received the whole message/);
    }
    expect(rows.find((r) => r.idempotency_key === 'T:slow')?.last_error).toMatch(/ETIMEDOUT/);
    // The server has each message once: the retries that sent it three times are gone.
    const arrived = byKey(api.smtp.received);
    expect(arrived.get('T:slow')).toHaveLength(1);
    expect(arrived.get('T:cut')).toHaveLength(1);

    // The administrator's failed-mail page lists them as what they are, and a blind retry is refused.
    const admin = await api.signedIn(ADMIN);
    const { failedMail } = await admin.ok(FAILED_MAIL, { organisationId: DEMO_IDS.organisation });
    const listed = new Map(
      failedMail.nodes.map((n: { idempotencyKey: string; status: string }) => [n.idempotencyKey, n.status]),
    );
    expect(listed.get('T:slow')).toBe('UNCONFIRMED');
    expect(listed.get('T:cut')).toBe('UNCONFIRMED');
    const slow = rows.find((r) => r.idempotency_key === 'T:slow') as { id: string };
    const cut = rows.find((r) => r.idempotency_key === 'T:cut') as { id: string };
    for (const row of rows) {
      const retried = await admin.request(RETRY_MAIL, { id: row.id });
      expect(retried.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    }
    expect(byKey(api.smtp.received).get('T:slow')).toHaveLength(1);

    // The recipient of T:cut confirmed it arrived: marked delivered, it leaves the list, nothing is sent.
    const marked = await admin.ok(MARK_DELIVERED, { id: cut.id });
    expect(marked.markMailDelivered.status).toBe('SENT');
    const [cutRow] = await api.db.query(
      `SELECT status, sent_at, last_error FROM outbox_message WHERE id = $1`,
      [cut.id],
    );
    expect(cutRow.sent_at).not.toBeNull();
    expect(cutRow.last_error).toMatch(/^Marked as delivered by an administrator\. Outcome unknown/);
    const again = await admin.request(MARK_DELIVERED, { id: cut.id });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    // Only unconfirmed mail is resent this way; a SENT one is refused.
    const sentResend = await admin.request(RESEND_UNCONFIRMED, { id: cut.id });
    expect(sentResend.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');

    // T:slow is resent at the administrator's explicit word: exactly one more copy goes out (and
    // this server is slow again, so the row is UNCONFIRMED again, its second transaction counted).
    const resent = await admin.ok(RESEND_UNCONFIRMED, { id: slow.id });
    expect(resent.resendUnconfirmedMail.status).toBe('PENDING');
    await waitFor(async () => (byKey(api.smtp.received).get('T:slow') ?? []).length >= 2, 'the resent copy');
    await waitFor(
      async () => (await outboxRows(api.db, `id = $1`, [slow.id]))[0].status === 'UNCONFIRMED',
      'the resend settled',
      40_000,
    );
    await noLiveJob([slow.id]);
    expect(byKey(api.smtp.received).get('T:slow')).toHaveLength(2);
    expect(byKey(api.smtp.received).get('T:cut')).toHaveLength(1);
    expect((await outboxRows(api.db, `id = $1`, [slow.id]))[0].attempts).toBe(2);
    const after = await admin.ok(FAILED_MAIL, { organisationId: DEMO_IDS.organisation });
    expect(after.failedMail.nodes.map((n: { idempotencyKey: string }) => n.idempotencyKey)).not.toContain(
      'T:cut',
    );
  });

  it('a message sent again is byte-identical to the first copy (Date fixed when it was made)', async () => {
    await enqueue('T:twice', T(2));
    await settled(api.appDb);
    const [row] = await outboxRows(api.db, `idempotency_key = 'T:twice'`);
    expect(row.status).toBe('SENT');
    // The Date header has a resolution of one second: let the clock pass it, so a header set at
    // send time would differ.
    await new Promise((r) => setTimeout(r, 1100));
    // The at-least-once case: the server accepted the mail, but its row was not marked (here made
    // FAILED by hand, as if the worker had died before), and it goes out again.
    await api.db.query(`UPDATE outbox_message SET status = 'FAILED', sent_at = NULL WHERE id = $1`, [row.id]);
    const admin = await api.signedIn(ADMIN);
    await admin.ok(RETRY_MAIL, { id: row.id });
    await waitFor(async () => (byKey(api.smtp.received).get('T:twice') ?? []).length >= 2, 'the second copy');
    const [first, second] = byKey(api.smtp.received).get('T:twice') as ReceivedMail[];
    expect(second.parsed.date?.getTime()).toBe(first.parsed.date?.getTime());
    expect(untraced(second)).toBe(untraced(first));
  });
});
