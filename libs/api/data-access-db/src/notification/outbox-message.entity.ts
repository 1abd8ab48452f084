import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { MAIL_KINDS, MailKind } from '@stl/mail/util-templates';
import { BaseEntity } from '../shared/base.entity';
import { isoDate } from '../shared/date.transformer';
import { PersonEntity } from '../person/person.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';

registerEnumType(MailKind, {
  name: 'MailKind',
  description: 'Every kind of e-mail the platform sends.',
  valuesMap: {
    REVIEW_ASSIGNED: {
      description:
        'To a critical friend or course leader: you have been asked to give feedback on an analysis.',
    },
    FEEDBACK_RECEIVED: { description: 'To an author: feedback on your analysis has arrived.' },
    ANALYSIS_PUBLISHED: {
      description: 'To a critical friend: the analysis you review has been published or has a new version.',
    },
    FEEDBACK_DUE_48H: {
      description: 'To a reviewer: feedback is due within the cohort\'s "due soon" window.',
    },
    FEEDBACK_DUE_TODAY: { description: 'To a reviewer: feedback is due today.' },
    FEEDBACK_OVERDUE: { description: 'To a reviewer: feedback is past its deadline.' },
    FEEDBACK_OVERDUE_LEADER_NOTICE: {
      description:
        "To the cohort's course leaders: a reviewer's feedback is still overdue after the set number of days.",
    },
    SUBMISSION_DUE_48H: {
      description: 'To a participant: the analysis is due within the cohort\'s "due soon" window.',
    },
    SUBMISSION_OVERDUE: { description: 'To a participant: the analysis is past its deadline.' },
    MEETING_TOMORROW: {
      description: "To the cohort's members: a meeting is tomorrow, with its place or link.",
    },
    WEEKLY_LEADER_SUMMARY: { description: "To course leaders: the cohort's week, with who needs support." },
    SCHOOL_LEADER_SUMMARY: {
      description: "To school leaders: their teachers' progress over the past month.",
    },
    NUDGE: {
      description: "A course leader's personal reminder to one or more participants, replying to the leader.",
    },
    DIGEST: { description: "The daily digest that gathers a person's held notices into one mail." },
    INVITATION: { description: 'An administrator invites a person: a single-use link to choose a password.' },
    PASSWORD_RESET: {
      description: '"Forgot password?": a short-lived single-use link to set a new password.',
    },
    SIGN_IN_LINK: { description: 'A one-time sign-in link instead of a password.' },
    COHORT_WELCOME: {
      description:
        'To a participant when the cohort opens or they join an open one: the course, its meetings and the first deadline, with a calendar file.',
    },
    ACCESSIBILITY_REPORT: {
      description:
        "An accessibility problem reported from the accessibility statement, to the organisation's accessibility contact or else its administrators; Reply-To the reporter. Cannot be turned off.",
    },
  },
});

export enum OutboxStatus {
  /** Waiting for the worker; a queue job exists. */
  PENDING = 'PENDING',
  /** Waiting for the recipient's daily digest; no job of its own. */
  HELD = 'HELD',
  /** Delivered as part of the digest message `digestId`. */
  DIGESTED = 'DIGESTED',
  SENT = 'SENT',
  /** Dead letter: refused by the server, or still failing after every retry. An admin may retry it. */
  FAILED = 'FAILED',
  /** No longer relevant at send time (done, cancelled, left the cohort, opted out). */
  CANCELLED = 'CANCELLED',
  /**
   * Outcome unknown: the whole message reached the SMTP server, which then never replied (a timeout
   * or a dropped connection after the end of data). It may well have been delivered, so it is not
   * sent again by itself; an administrator sees it beside the failed mail and may resend it
   * knowing the recipient may get a copy, or mark it delivered.
   */
  UNCONFIRMED = 'UNCONFIRMED',
}
registerEnumType(OutboxStatus, {
  name: 'MailStatus',
  description: 'Where an e-mail of the outbox stands. Seen by the administrators of its organisation.',
  valuesMap: {
    PENDING: { description: 'Waiting to be sent (a delivery job exists).' },
    HELD: { description: "Waiting for the recipient's daily digest." },
    DIGESTED: { description: 'Sent as part of a digest.' },
    SENT: { description: 'Accepted by the SMTP server.' },
    FAILED: { description: 'Refused by the server or still failing after every retry; may be retried.' },
    CANCELLED: { description: 'No longer relevant when it was due, so not sent.' },
    UNCONFIRMED: {
      description:
        'Outcome unknown: the server received the whole message but never confirmed it (a timeout or a cut connection). It may have been delivered, so it is never retried by itself; an administrator may resend it (the recipient may then get two copies) or mark it delivered.',
    },
  },
});

/**
 * What the worker re-checks at send time, so a reminder stops by itself when its task is done,
 * cancelled or its recipient has left. Which fields are set depends on the kind.
 */
export interface OutboxRefs {
  cohortId?: string;
  roundId?: string;
  meetingId?: string;
  schoolId?: string;
  feedbackId?: string;
  assignmentIds?: string[];
  /** DIGEST: the HELD messages it gathers. */
  itemIds?: string[];
  /** INVITATION, PASSWORD_RESET, SIGN_IN_LINK: the link's token row; not sent once used, replaced or expired. */
  accountTokenId?: string;
}

/**
 * The transactional outbox: one row per e-mail, written in the same transaction as the business
 * change that causes it, delivered by a worker. `payload` is the template data of `kind`
 * (`MailDataByKind` of @stl/mail/util-templates); the mail is rendered at send time, in the
 * recipient's current language. `idempotencyKey` makes the same reminder impossible to create twice.
 */
@ObjectType('MailMessage', { description: 'An e-mail in the outbox, as an administrator sees it.' })
@Entity('outbox_message')
@Index(['organisationId', 'status', 'createdAt'])
@Index(['recipientId', 'status'])
// Named by hand: TypeORM 1.x derives partial indexes' names differently from 0.3.
@Index('IDX_outbox_message_digest_id', ['digestId'], { where: '"digest_id" IS NOT NULL' })
@Check(
  'outbox_status_known',
  `"status" IN ('PENDING', 'HELD', 'DIGESTED', 'SENT', 'FAILED', 'CANCELLED', 'UNCONFIRMED')`,
)
@Check('outbox_kind_known', `"kind" IN (${MAIL_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('outbox_attempts_positive', '"attempts" >= 0')
export class OutboxMessageEntity extends BaseEntity {
  /** E.g. `FEEDBACK_DUE_48H:<roundId>:<personId>`; also the X-STL-Idempotency-Key header and Message-ID seed. */
  @Field({
    description:
      'Unique key of the notice, e.g. FEEDBACK_DUE_48H:<roundId>:<personId>; the same notice is never queued twice. Sent as the X-STL-Idempotency-Key header.',
  })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 300 })
  idempotencyKey!: string;

  @Field(() => MailKind, { description: 'What kind of mail this is.' })
  @Column({ type: 'varchar', length: 40 })
  kind!: MailKind;

  /** The recipient's organisation, so its administrators see (and may retry) failed mail. */
  @Field(() => ID, {
    description: "The recipient's organisation, whose administrators see and may retry it.",
  })
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field(() => ID, { description: 'The person the mail is for.' })
  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Relation<PersonEntity>;

  /** The address the mail went (or goes) to; refreshed from the person at send time. */
  @Field({
    description:
      'The address the mail went or goes to (refreshed from the person at send time). Administrators only.',
  })
  @Column({ type: 'varchar', length: 320 })
  toAddress!: string;

  @Field({ description: 'The language the mail is written in (sv or en).' })
  @Column({ type: 'varchar', length: 5 })
  locale!: string;

  /** Template data for `kind` (JSON). Never shown through the API: it may quote people's work. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  refs!: OutboxRefs;

  /**
   * `Reply-To` of the mail (name and address), e.g. the course leader who sent a nudge; fixed when
   * the message is written, so a resend is byte-identical (ADR 0019). Null: answers go to the sender.
   */
  @Column({ type: 'jsonb', nullable: true })
  replyTo!: { name: string; address: string } | null;

  @Field(() => OutboxStatus, { description: 'Where the mail is in its delivery.' })
  @Column({ type: 'varchar', length: 16 })
  status!: OutboxStatus;

  /** Delivery attempts so far (each SMTP conversation counts). */
  @Field(() => Int, { description: 'SMTP conversations attempted so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Why the last attempt failed, or why the message was cancelled. */
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed or why the mail was cancelled; null when none failed.',
  })
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The Message-ID the mail carries; derived from the idempotency key, so a resend has the same one. */
  @Field(() => String, {
    nullable: true,
    description:
      'The Message-ID the mail carries; derived from the idempotency key, so a resend has the same one.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  /** Quiet hours: not delivered before this moment. */
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Quiet hours: not delivered before this moment (UTC); null to send at once.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  notBefore!: Date | null;

  /** HELD: the Stockholm calendar day of the digest this message waits for. */
  @Column({ type: 'date', nullable: true, transformer: isoDate })
  digestOn!: string | null;

  /** DIGESTED: the digest message that carried it. */
  @Column({ type: 'uuid', nullable: true })
  digestId!: string | null;

  @ManyToOne(() => OutboxMessageEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'digest_id' })
  digest?: Relation<OutboxMessageEntity> | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the SMTP server accepted the mail (UTC); null until then.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
