import { DEMO_MAIL_DATA } from '@stl/mail/util-templates';
import { composeMail } from './compose-mail';
import { verifyUnsubscribeToken } from '../preferences/unsubscribe-token';

const ctx = {
  publicWebUrl: 'https://stl.larkby.se',
  linkSecret: 'a-test-secret-that-is-long-enough-for-hmac',
  from: 'STL <no-reply@stl.larkby.se>',
};
const recipient = {
  id: '00000000-0000-4000-8003-000000000064',
  email: 'sara@larkby.example',
  fullName: 'Sara Lindqvist',
  locale: 'sv',
};
const createdAt = new Date('2026-12-08T08:00:00Z');

describe('composeMail', () => {
  it('sets Reply-To from what was stored with the message, and only then', () => {
    const input = {
      idempotencyKey: 'NUDGE:c:p:2026-12-08',
      kind: 'NUDGE' as const,
      data: DEMO_MAIL_DATA.NUDGE,
      createdAt,
      recipient,
    };
    const leader = { name: 'Maria Berg', address: 'maria.berg@larkby.example' };
    const mail = composeMail({ ...input, replyTo: leader }, ctx);
    expect(mail.replyTo).toEqual(leader);
    expect(composeMail({ ...input, replyTo: leader }, ctx)).toEqual(mail);
    expect(composeMail(input, ctx).replyTo).toBeUndefined();
    expect(composeMail({ ...input, replyTo: null }, ctx).replyTo).toBeUndefined();
  });

  it('carries the idempotency key, a Message-ID derived from it and one-click unsubscribe headers', () => {
    const mail = composeMail(
      {
        idempotencyKey: 'FEEDBACK_DUE_48H:r:p',
        kind: 'FEEDBACK_DUE_48H',
        data: DEMO_MAIL_DATA.FEEDBACK_DUE_48H,
        createdAt,
        recipient,
      },
      ctx,
    );
    expect(mail.to).toBe('sara@larkby.example');
    expect(mail.headers?.['X-STL-Idempotency-Key']).toBe('FEEDBACK_DUE_48H:r:p');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@stl\.larkby\.se>$/);
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /<(.+)>/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(verifyUnsubscribeToken(new URL(link).searchParams.get('token'), ctx.linkSecret)).toEqual({
      personId: recipient.id,
      kind: 'FEEDBACK_DUE_48H',
    });
    expect(mail.text).toContain(link);
    expect(mail.subject).toMatch(/^Påminnelse/);
  });

  it('is the same mail when composed again (a resend after a crash)', () => {
    const input = {
      idempotencyKey: 'MEETING_TOMORROW:m:p',
      kind: 'MEETING_TOMORROW' as const,
      data: DEMO_MAIL_DATA.MEETING_TOMORROW,
      createdAt,
      recipient,
    };
    expect(composeMail(input, ctx)).toEqual(composeMail(input, ctx));
  });

  it('attaches the calendar file of a meeting, also inside a digest', () => {
    const meeting = composeMail(
      {
        idempotencyKey: 'MEETING_TOMORROW:m:p',
        kind: 'MEETING_TOMORROW',
        data: DEMO_MAIL_DATA.MEETING_TOMORROW,
        createdAt,
        recipient,
      },
      ctx,
    );
    expect(meeting.attachments).toHaveLength(1);
    expect(String(meeting.attachments?.[0].content)).toContain('BEGIN:VEVENT');
    const digest = composeMail(
      {
        idempotencyKey: 'DIGEST:p:2026-12-08',
        kind: 'DIGEST',
        data: {
          date: createdAt,
          items: [
            { kind: 'MEETING_TOMORROW', data: DEMO_MAIL_DATA.MEETING_TOMORROW },
            { kind: 'SUBMISSION_DUE_48H', data: DEMO_MAIL_DATA.SUBMISSION_DUE_48H },
          ],
        },
        createdAt,
        recipient: { ...recipient, locale: 'en' },
      },
      ctx,
    );
    expect(digest.attachments?.map((a) => a.filename)).toEqual(['meeting-4.ics']);
    expect(digest.subject).toMatch(/: 2 items$/);
  });
});
