import type { OutboxRefs } from '@stl/api/data-access-db';
import type { MailDataByKind, MailKind } from '@stl/mail/util-templates';

/** One e-mail to put in the outbox. */
export type NotificationDraft = {
  [K in MailKind]: {
    /** Names the event or reminder, e.g. `SUBMISSION_DUE_48H:<roundId>:<personId>`: at most one message per key, ever. */
    idempotencyKey: string;
    kind: K;
    recipientId: string;
    /** Template data (JSON): what the mail says. */
    data: MailDataByKind[K];
    /** What the worker re-checks before sending. */
    refs: OutboxRefs;
    /** `Reply-To` of the mail (e.g. the course leader of a nudge); stored with the message. */
    replyTo?: { name: string; address: string } | null;
  };
}[MailKind];

export type EnqueueOutcome =
  /** Written with a delivery job. */
  | 'QUEUED'
  /** Written, waiting for the recipient's daily digest. */
  | 'HELD'
  /** A message with this key exists already: nothing written. */
  | 'DUPLICATE'
  /** The recipient turned this kind off: nothing written. */
  | 'OPTED_OUT'
  /** No such person, or the account is closed: nothing written. */
  | 'NO_RECIPIENT';

export interface EnqueueResult {
  idempotencyKey: string;
  outcome: EnqueueOutcome;
  id?: string;
  /** QUEUED: held by quiet hours until this moment; null when it may go at once. */
  notBefore?: Date | null;
}
