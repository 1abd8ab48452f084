import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';
import {
  DEMO_BASE_URL,
  DEMO_MAIL_DATA,
  demoMailContext,
  listUnsubscribeHeaders,
  meetingIcsAttachment,
  renderMeetingTomorrow,
} from '@stl/mail/util-templates';
import { MailDeliveryError, classifySmtpError } from './classify-smtp-error';
import type { SmtpMailConfig } from './mail-config';
import { IDEMPOTENCY_HEADER } from './mail-transport';
import type { OutgoingMail } from './mail-transport';
import { SmtpMailTransport, messageIdFor } from './smtp-mail-transport';
import { startTestSmtpServer } from './testing';
import type { TestSmtpServer } from './testing';

const FROM = 'STL-plattformen <no-reply@stl.localhost>';

function configFor(port: number, extra: Partial<SmtpMailConfig> = {}): SmtpMailConfig {
  return { host: '127.0.0.1', port, secure: false, from: FROM, ...extra };
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: 'sara.lindqvist@larkby.se',
    subject: 'Hej från testet',
    html: '<p>Hej <strong>Sara</strong></p>',
    text: 'Hej Sara',
    ...overrides,
  };
}

async function caught(promise: Promise<unknown>): Promise<MailDeliveryError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof MailDeliveryError) return err;
    throw err;
  }
  throw new Error('expected the send to fail');
}

/** A port nothing listens on: bind a free one, then let it go. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ''));

describe('SmtpMailTransport against a real SMTP server', () => {
  let server: TestSmtpServer;
  let transport: SmtpMailTransport;

  beforeEach(async () => {
    server = await startTestSmtpServer({
      rejectRecipient: (address) =>
        address === 'nobody@larkby.se' ? 550 : address === 'busy@larkby.se' ? 451 : undefined,
      rejectMessage: (raw) => (raw.includes('Subject: SPAM') ? 554 : undefined),
    });
    transport = new SmtpMailTransport(configFor(server.port));
  });

  afterEach(async () => {
    transport.close();
    await server.close();
  });

  it('delivers subject, recipient, HTML, text, headers and a calendar attachment', async () => {
    const meeting = DEMO_MAIL_DATA.MEETING_TOMORROW;
    const rendered = renderMeetingTomorrow(meeting, demoMailContext('MEETING_TOMORROW', 'sv'));
    const ics = meetingIcsAttachment(meeting, { baseUrl: DEMO_BASE_URL, now: '2026-11-10T07:00:00Z' });
    const unsubscribe = 'http://localhost:4200/unsubscribe/demo-MEETING_TOMORROW';

    const result = await transport.send({
      to: 'sara.lindqvist@larkby.se',
      ...rendered,
      headers: { [IDEMPOTENCY_HEADER]: 'meeting-tomorrow:m4:sara', ...listUnsubscribeHeaders(unsubscribe) },
      attachments: [ics],
    });

    expect(result.accepted).toEqual(['sara.lindqvist@larkby.se']);
    expect(result.rejected).toEqual([]);
    const [got] = await server.waitFor(1);
    const parsed = got?.parsed;
    expect(got?.envelope).toEqual({ from: 'no-reply@stl.localhost', to: ['sara.lindqvist@larkby.se'] });
    expect(parsed?.subject).toBe('I morgon: träff 4 – Respons som driver lärandet framåt');
    expect(addresses(parsed?.to)).toEqual(['sara.lindqvist@larkby.se']);
    expect(addresses(parsed?.from)).toEqual(['no-reply@stl.localhost']);
    expect(parsed?.html).toContain('<html lang="sv"');
    expect(parsed?.html).toContain('https://meet.larkby.se/stl-traff-4');
    expect(parsed?.text).toContain('onsdag 11 november 2026 kl. 13.00–16.00');
    expect(parsed?.messageId).toBe(result.messageId);
    expect(parsed?.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('meeting-tomorrow:m4:sara');
    const headerLine = (key: string): string | undefined =>
      parsed?.headerLines.find((h) => h.key === key)?.line;
    expect(headerLine('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(headerLine('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const attachment = parsed?.attachments[0];
    expect(parsed?.attachments).toHaveLength(1);
    expect(attachment?.filename).toBe('traff-4.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    const icsText = attachment?.content.toString('utf8') ?? '';
    expect(icsText).toBe(ics.content);
    expect(icsText).toMatch(/^UID:meeting-aee70000-0000-4000-8000-000000000004@stl-plattformen\r$/m);
    expect(icsText).toMatch(/^DTSTART:20261111T120000Z\r$/m);
  });

  it('keeps a fixed Message-ID, so a re-sent message can be recognised', async () => {
    const messageId = messageIdFor('review-assigned:a31', FROM);
    expect(messageId).toMatch(/^<[0-9a-f]{32}@stl\.localhost>$/);
    expect(messageIdFor('review-assigned:a31', FROM)).toBe(messageId);
    await transport.send(mail({ messageId }));
    await transport.send(mail({ messageId }));
    const got = await server.waitFor(2);
    expect(got.map((m) => m.parsed.messageId)).toEqual([messageId, messageId]);
  });

  it('sends many messages over the pool', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transport.send(mail({ to: `larare${i}@larkby.se`, subject: `Nr ${i}` })),
      ),
    );
    expect(results.every((r) => r.accepted.length === 1)).toBe(true);
    const got = await server.waitFor(20);
    expect(new Set(got.map((m) => m.parsed.subject)).size).toBe(20);
  });

  it('verifies the connection', async () => {
    await expect(transport.verify()).resolves.toBeUndefined();
  });

  it('fails permanently for a recipient the server refuses with 550', async () => {
    const err = await caught(transport.send(mail({ to: 'nobody@larkby.se' })));
    expect(err.permanent).toBe(true);
    expect(err.responseCode).toBe(550);
    expect(err.reason).toMatch(/550/);
    expect(classifySmtpError(err)).toEqual({ permanent: true, reason: err.reason });
    expect(server.received).toHaveLength(0);
  });

  it('fails transiently when the server says try later (451)', async () => {
    const err = await caught(transport.send(mail({ to: 'busy@larkby.se' })));
    expect(err.permanent).toBe(false);
    expect(err.responseCode).toBe(451);
    // A refusal is a known outcome, even one after the data.
    expect(err.outcomeUnknown).toBe(false);
  });

  it('fails permanently when the server refuses the message (554)', async () => {
    const err = await caught(transport.send(mail({ subject: 'SPAM' })));
    expect(err.permanent).toBe(true);
    expect(err.responseCode).toBe(554);
  });

  it('reports a refused recipient among accepted ones without failing', async () => {
    const result = await transport.send(mail({ to: ['sara.lindqvist@larkby.se', 'nobody@larkby.se'] }));
    expect(result.accepted).toEqual(['sara.lindqvist@larkby.se']);
    expect(result.rejected).toEqual(['nobody@larkby.se']);
    const [got] = await server.waitFor(1);
    expect(got?.envelope.to).toEqual(['sara.lindqvist@larkby.se']);
  });

  it('says once per message when its data starts going out, not for one refused before that', async () => {
    const started: string[] = [];
    const sends = ['a', 'b', 'c'].map((n) =>
      transport.send(mail({ to: `larare-${n}@larkby.se` }), { onTransmit: () => started.push(n) }),
    );
    await Promise.all(sends);
    expect(started.sort()).toEqual(['a', 'b', 'c']);
    // The only recipient refused: no DATA, so no data went out (the send ends with its outcome).
    await caught(transport.send(mail({ to: 'nobody@larkby.se' }), { onTransmit: () => started.push('x') }));
    expect(started).not.toContain('x');
    // Refused at the end of the data: it went out, so it was said.
    await caught(transport.send(mail({ subject: 'SPAM' }), { onTransmit: () => started.push('spam') }));
    expect(started.filter((n) => n === 'spam')).toEqual(['spam']);
  });

  it('composes the same bytes again for the same message (Date, Message-ID and boundaries fixed)', async () => {
    const meeting = DEMO_MAIL_DATA.MEETING_TOMORROW;
    const rendered = renderMeetingTomorrow(meeting, demoMailContext('MEETING_TOMORROW', 'sv'));
    const ics = meetingIcsAttachment(meeting, { baseUrl: DEMO_BASE_URL, now: '2026-11-10T07:00:00Z' });
    const message: OutgoingMail = {
      to: 'sara.lindqvist@larkby.se',
      replyTo: { name: 'Kursledare Karin', address: 'karin@larkby.se' },
      ...rendered,
      headers: { [IDEMPOTENCY_HEADER]: 'meeting-tomorrow:m4:sara' },
      attachments: [ics],
      messageId: messageIdFor('meeting-tomorrow:m4:sara', FROM),
      date: new Date('2026-11-10T07:00:00Z'),
    };
    await transport.send(message);
    await transport.send(message);
    const [first, second] = await server.waitFor(2);
    expect(first?.raw.toString('utf8')).toBe(second?.raw.toString('utf8'));
    expect(first?.raw.toString('utf8')).toContain('Date: Tue, 10 Nov 2026 07:00:00 +0000');
    expect(first?.parsed.attachments.map((a) => a.filename)).toEqual(['traff-4.ics']);
    expect(first?.parsed.replyTo?.text).toContain('karin@larkby.se');
  });

  it('still delivers after a refused message', async () => {
    await caught(transport.send(mail({ to: 'nobody@larkby.se' })));
    await transport.send(mail());
    expect(await server.waitFor(1)).toHaveLength(1);
  });
});

describe('SmtpMailTransport when the server takes the message and does not answer', () => {
  it('marks the outcome unknown after the data (slow reply, cut connection), not before it', async () => {
    const server = await startTestSmtpServer({
      replyDelayMs: (raw) => (raw.includes('slow') ? 3_000 : 0),
      dropAfterData: (raw) => raw.includes('cut'),
      rejectRecipient: (address) => (address.startsWith('busy') ? 451 : undefined),
    });
    const transport = new SmtpMailTransport(configFor(server.port), { socketTimeoutMs: 1_000 });
    try {
      const slow = await caught(transport.send(mail({ subject: 'slow' })));
      expect(slow).toMatchObject({ outcomeUnknown: true, permanent: false, code: 'ETIMEDOUT' });
      expect(classifySmtpError(slow)).toMatchObject({ outcomeUnknown: true });
      const cut = await caught(transport.send(mail({ subject: 'cut' })));
      expect(cut.outcomeUnknown).toBe(true);
      // Refused before the data: nothing reached the server.
      const refused = await caught(transport.send(mail({ to: 'busy@larkby.se', subject: 'slow' })));
      expect(refused.outcomeUnknown).toBe(false);
      expect(server.received).toHaveLength(2);
    } finally {
      transport.close();
      await server.close();
    }
  });
});

describe('SmtpMailTransport when the server is unreachable', () => {
  it('fails transiently when nothing listens on the port', async () => {
    const transport = new SmtpMailTransport(configFor(await closedPort()));
    try {
      let started = 0;
      const err = await caught(transport.send(mail(), { onTransmit: () => started++ }));
      expect(err.permanent).toBe(false);
      expect(err.outcomeUnknown).toBe(false);
      // No connection, no transaction: nothing to count as an attempt.
      expect(started).toBe(0);
      expect(err.reason).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      const verifyErr = await caught(transport.verify());
      expect(verifyErr.permanent).toBe(false);
    } finally {
      transport.close();
    }
  });

  it('delivers again once the server is back on the same port', async () => {
    const first = await startTestSmtpServer();
    const transport = new SmtpMailTransport(configFor(first.port));
    let second: TestSmtpServer | undefined;
    try {
      await transport.send(mail({ subject: 'före' }));
      await first.close();
      const down = await caught(transport.send(mail({ subject: 'under avbrottet' })));
      expect(down.permanent).toBe(false);
      second = await startTestSmtpServer({ port: first.port });
      await transport.send(mail({ subject: 'efter' }));
      const [got] = await second.waitFor(1);
      expect(got?.parsed.subject).toBe('efter');
    } finally {
      transport.close();
      await second?.close();
    }
  });
});

describe('SmtpMailTransport with login', () => {
  let server: TestSmtpServer;
  beforeAll(async () => {
    server = await startTestSmtpServer({ auth: { user: 'stl', pass: 'rätt-lösen' } });
  });
  afterAll(() => server.close());

  it('logs in and delivers', async () => {
    const transport = new SmtpMailTransport(configFor(server.port, { user: 'stl', pass: 'rätt-lösen' }));
    try {
      await transport.send(mail());
      expect(await server.waitFor(1)).toHaveLength(1);
    } finally {
      transport.close();
    }
  });

  it('treats a failed login as transient: the settings are wrong, not the message', async () => {
    const transport = new SmtpMailTransport(configFor(server.port, { user: 'stl', pass: 'fel' }));
    try {
      const err = await caught(transport.send(mail()));
      expect(err.code).toBe('EAUTH');
      expect(err.permanent).toBe(false);
    } finally {
      transport.close();
    }
  });
});

describe('SmtpMailTransport configuration', () => {
  it('refuses an invalid config', () => {
    expect(() => new SmtpMailTransport({ host: '', port: 0, secure: false, from: 'x' })).toThrow(/host/);
  });
});
