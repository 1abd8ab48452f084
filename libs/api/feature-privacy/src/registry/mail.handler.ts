import { OutboxMessageEntity, OutboxStatus } from '@stl/api/data-access-db';
import { renderMail, toMailLocale } from '@stl/mail/util-templates';
import type { MailDataByKind, MailKind } from '@stl/mail/util-templates';
import { In, Not } from 'typeorm';
import { changedRows } from './changed-rows';
import { ProcessingCategory } from '../record/record-of-processing';
import type { PersonDataHandler } from './person-data';

/** Mail that has reached its end: sent, digested, cancelled. The rest was never sent and goes. */
const DONE = [OutboxStatus.SENT, OutboxStatus.DIGESTED, OutboxStatus.CANCELLED];

/** The subject the mail had (rendered again from its template data), or null if it cannot be. */
function subjectOf(
  kind: string,
  payload: Record<string, unknown>,
  locale: string,
  name: string,
): string | null {
  try {
    return renderMail(kind as MailKind, payload as unknown as MailDataByKind[MailKind], {
      locale: toMailLocale(locale),
      // Only the subject is kept; links in the body are not.
      baseUrl: 'https://stl.invalid',
      recipientName: name,
      unsubscribeUrl: 'https://stl.invalid/unsubscribe',
    }).subject;
  } catch {
    return null;
  }
}

/**
 * Mail to the person: what was sent when, and its subject (never the body's links or tokens).
 * Erasure deletes mail not yet sent, and of the mail log keeps only kind, status and dates (the
 * template data and address are blanked); the mail log's retention then deletes those rows. The
 * person's name in the template data of mail to others (e.g. "Sara published an analysis") is
 * replaced by the placeholder's, and a Reply-To naming them is dropped.
 */
export const outbox: PersonDataHandler = {
  categories: [ProcessingCategory.MAIL_LOG],
  entity: OutboxMessageEntity,
  personColumns: ['recipient_id'],
  exported: 'Each mail to them: kind, status, created, sent, subject (re-rendered; no body, no links).',
  erased:
    'Unsent mail deleted; sent mail keeps kind, status and dates only; their name in mail to others becomes the placeholder.',
  async export({ m, person }) {
    const rows = await m.find(OutboxMessageEntity, {
      where: { recipientId: person.id },
      order: { createdAt: 'ASC' },
    });
    return {
      mail: rows.map((o) => ({
        kind: o.kind,
        status: o.status,
        createdAt: o.createdAt,
        sentAt: o.sentAt,
        subject: subjectOf(o.kind, o.payload, o.locale, person.fullName),
      })),
    };
  },
  async erase({ m, person, placeholder }) {
    const unsent = await m.delete(OutboxMessageEntity, { recipientId: person.id, status: Not(In(DONE)) });
    const kept = await changedRows(
      m,
      `UPDATE outbox_message SET payload = '{}'::jsonb, refs = '{}'::jsonb, reply_to = NULL, last_error = NULL,
              to_address = $2
        WHERE recipient_id = $1 AND (payload <> '{}'::jsonb OR to_address <> $2) RETURNING id`,
      [person.id, placeholder.email],
    );
    // Their name inside others' template data, as a JSON string (quotes and escapes included), so
    // only whole values and whole words inside values change, never a key.
    const asJson = (s: string) => JSON.stringify(s).slice(1, -1);
    const others = await changedRows(
      m,
      `UPDATE outbox_message
          SET payload = replace(replace(payload::text, $2, $3), $4, $5)::jsonb,
              reply_to = CASE WHEN reply_to->>'address' = $4 THEN NULL ELSE reply_to END
        WHERE recipient_id <> $1
          AND (strpos(payload::text, $2) > 0 OR strpos(payload::text, $4) > 0 OR reply_to->>'address' = $4)
        RETURNING id`,
      [
        person.id,
        asJson(person.fullName),
        asJson(placeholder.fullName),
        asJson(person.email),
        asJson(placeholder.email),
      ],
    );
    return {
      unsentMail: unsent.affected ?? 0,
      mailLogBlanked: kept.length,
      mailToOthersScrubbed: others.length,
    };
  },
};
