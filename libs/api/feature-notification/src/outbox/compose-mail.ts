import { IDEMPOTENCY_HEADER, messageIdFor } from '@stl/mail/data-access-transport';
import type { MailAttachment, OutgoingMail } from '@stl/mail/data-access-transport';
import {
  MailKind,
  cohortWelcomeIcsAttachment,
  isAccountKind,
  isMandatoryKind,
  listUnsubscribeHeaders,
  meetingIcsAttachment,
  renderMail,
  toMailLocale,
} from '@stl/mail/util-templates';
import type {
  AccountLinkData,
  CohortWelcomeData,
  DigestData,
  MailDataByKind,
  MeetingTomorrowData,
} from '@stl/mail/util-templates';
import { accountLinkToken } from './account-link-token';
import { unsubscribeUrl } from '../preferences/unsubscribe-token';

export interface ComposeInput {
  idempotencyKey: string;
  kind: MailKind;
  /** Template data of `kind`, ready to render (for a digest: with its items filled in). */
  data: MailDataByKind[MailKind];
  /**
   * When the message was made: its Date header and the DTSTAMP of calendar files, so a resend is
   * byte-identical.
   */
  createdAt: Date;
  recipient: { id: string; email: string; fullName: string; locale: string };
  /** `Reply-To`, as stored with the message at enqueue (ADR 0019: a resend is byte-identical). */
  replyTo?: { name: string; address: string } | null;
}

export interface ComposeContext {
  publicWebUrl: string;
  linkSecret: string;
  from: string;
}

/**
 * The mail for one outbox message: rendered in the recipient's language with their signed
 * unsubscribe link, the idempotency key as a header and as the seed of a fixed Message-ID, and the
 * meeting's calendar file where one belongs. Deterministic: composing again gives the same mail.
 */
export function composeMail(input: ComposeInput, ctx: ComposeContext): OutgoingMail {
  const locale = toMailLocale(input.recipient.locale);
  const account = isAccountKind(input.kind);
  // Account mails (ADR 0013) and accessibility reports cannot be turned off: no unsubscribe link.
  const unsubscribe = isMandatoryKind(input.kind)
    ? undefined
    : unsubscribeUrl(ctx.publicWebUrl, { personId: input.recipient.id, kind: input.kind }, ctx.linkSecret);
  const data = account
    ? withAccountToken(input.data as AccountLinkData, ctx.linkSecret)
    : input.kind === MailKind.DIGEST
      ? {
          ...(input.data as DigestData),
          items: (input.data as DigestData).items.map((item) => ({
            ...item,
            unsubscribeUrl: unsubscribeUrl(
              ctx.publicWebUrl,
              { personId: input.recipient.id, kind: item.kind },
              ctx.linkSecret,
            ),
          })),
        }
      : input.data;
  const rendered = renderMail(input.kind, data, {
    locale,
    baseUrl: ctx.publicWebUrl,
    recipientName: input.recipient.fullName,
    unsubscribeUrl: unsubscribe,
  });
  const ics = (meeting: MeetingTomorrowData): MailAttachment =>
    meetingIcsAttachment(meeting, { baseUrl: ctx.publicWebUrl, locale, now: input.createdAt });
  let attachments: MailAttachment[] = [];
  if (input.kind === MailKind.MEETING_TOMORROW) attachments = [ics(input.data as MeetingTomorrowData)];
  if (input.kind === MailKind.COHORT_WELCOME)
    attachments = cohortWelcomeIcsAttachment(input.data as CohortWelcomeData, {
      baseUrl: ctx.publicWebUrl,
      locale,
      now: input.createdAt,
    });
  if (input.kind === MailKind.DIGEST) {
    attachments = (input.data as DigestData).items.flatMap((item) =>
      item.kind === MailKind.MEETING_TOMORROW ? [ics(item.data)] : [],
    );
  }
  return {
    to: input.recipient.email,
    from: ctx.from,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: {
      [IDEMPOTENCY_HEADER]: input.idempotencyKey,
      ...(unsubscribe ? listUnsubscribeHeaders(unsubscribe) : {}),
    },
    attachments,
    messageId: messageIdFor(input.idempotencyKey, ctx.from),
    date: input.createdAt,
  };
}

/** The stored payload names the token row only; the link's token is derived here, at send time. */
function withAccountToken(data: AccountLinkData, secret: string): AccountLinkData {
  return { ...data, token: accountLinkToken(data.tokenId, secret) };
}
