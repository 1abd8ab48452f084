import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortRole, CohortStatus, OutboxStatus } from '@stl/api/data-access-db';
import type { OutboxMessageEntity, OutboxRefs } from '@stl/api/data-access-db';
import { MailKind, isAccountKind } from '@stl/mail/util-templates';
import type { DigestItem, FeedbackDueData, MailDataByKind } from '@stl/mail/util-templates';

export interface RecipientNow {
  id: string;
  email: string;
  fullName: string;
  locale: string;
}

export type Verdict =
  { send: true; recipient: RecipientNow; data: MailDataByKind[MailKind] } | { send: false; reason: string };

type Relevance = { ok: true; data: MailDataByKind[MailKind] } | { ok: false; reason: string };

const no = (reason: string): Relevance => ({ ok: false, reason });

/**
 * Reminders stop by themselves: right before sending, the worker asks the database whether the
 * message still makes sense — the task not done, nothing cancelled, the person still in the
 * cohort, the kind still wanted. A list (several reviews due) keeps only the items still open.
 */
@Injectable()
export class SendTimeCheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(msg: OutboxMessageEntity): Promise<Verdict> {
    const [person]: {
      id: string;
      email: string;
      full_name: string;
      locale: string;
      active: boolean;
      disabled_kinds: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.email, p.full_name, p.locale, p.active, np.disabled_kinds
         FROM person p LEFT JOIN notification_preference np ON np.person_id = p.id WHERE p.id = $1`,
      [msg.recipientId],
    );
    if (!person?.active) return { send: false, reason: 'The recipient has no active account.' };
    const disabled = new Set(person.disabled_kinds ?? []);
    if (msg.kind !== MailKind.DIGEST && !isAccountKind(msg.kind) && disabled.has(msg.kind)) {
      return { send: false, reason: 'The recipient turned this kind of mail off.' };
    }
    const relevance =
      msg.kind === MailKind.DIGEST
        ? await this.digest(msg, disabled)
        : await this.relevant(msg.kind, msg.payload as never, msg.refs, msg.recipientId);
    if (!relevance.ok) return { send: false, reason: relevance.reason };
    return {
      send: true,
      recipient: { id: person.id, email: person.email, fullName: person.full_name, locale: person.locale },
      data: relevance.data,
    };
  }

  private async relevant<K extends MailKind>(
    kind: K,
    data: MailDataByKind[K],
    refs: OutboxRefs,
    personId: string,
  ): Promise<Relevance> {
    switch (kind) {
      case MailKind.REVIEW_ASSIGNED: {
        const open = await this.openAssignments(refs.assignmentIds, true);
        if (open.size === 0) return no('The assignment was completed or cancelled.');
        return this.ifMember(refs.cohortId, personId, null, data);
      }
      case MailKind.ANALYSIS_PUBLISHED: {
        const live = await this.openAssignments(refs.assignmentIds, false);
        if (live.size === 0) return no('The assignment was cancelled.');
        return this.ifMember(refs.cohortId, personId, null, data);
      }
      case MailKind.FEEDBACK_RECEIVED: {
        const [found] = await this.dataSource.query(`SELECT 1 FROM feedback WHERE id = $1`, [
          refs.feedbackId,
        ]);
        return found ? { ok: true, data } : no('The feedback no longer exists.');
      }
      case MailKind.FEEDBACK_DUE_48H:
      case MailKind.FEEDBACK_DUE_TODAY:
      case MailKind.FEEDBACK_OVERDUE:
      case MailKind.FEEDBACK_OVERDUE_LEADER_NOTICE: {
        const open = await this.openAssignments(refs.assignmentIds, true);
        const due = data as FeedbackDueData;
        const reviews = due.reviews.filter((r) => open.has(r.assignmentId));
        if (reviews.length === 0) return no('The feedback was given or the assignments were cancelled.');
        const role = kind === MailKind.FEEDBACK_OVERDUE_LEADER_NOTICE ? CohortRole.LEADER : null;
        return this.ifMember(refs.cohortId, personId, role, { ...due, reviews } as MailDataByKind[K]);
      }
      case MailKind.SUBMISSION_DUE_48H:
      case MailKind.SUBMISSION_OVERDUE: {
        const [published] = await this.dataSource.query(
          `SELECT 1 FROM analysis WHERE round_id = $1 AND author_id = $2 AND status = 'PUBLISHED'`,
          [refs.roundId, personId],
        );
        if (published) return no('The analysis has been published.');
        return this.ifMember(refs.cohortId, personId, CohortRole.PARTICIPANT, data);
      }
      case MailKind.MEETING_TOMORROW: {
        const [meeting] = await this.dataSource.query(`SELECT 1 FROM meeting WHERE id = $1`, [
          refs.meetingId,
        ]);
        if (!meeting) return no('The meeting was removed.');
        return this.ifMember(refs.cohortId, personId, null, data);
      }
      case MailKind.WEEKLY_LEADER_SUMMARY:
        return this.ifMember(refs.cohortId, personId, CohortRole.LEADER, data);
      case MailKind.SCHOOL_LEADER_SUMMARY: {
        const [grant] = await this.dataSource.query(
          `SELECT 1 FROM role_grant WHERE person_id = $1 AND role = 'SCHOOL_LEADER' AND school_id = $2`,
          [personId, refs.schoolId],
        );
        return grant ? { ok: true, data } : no('The recipient no longer leads this school.');
      }
      case MailKind.NUDGE:
        return this.ifMember(refs.cohortId, personId, CohortRole.PARTICIPANT, data);
      case MailKind.DIGEST:
        return no('A digest inside a digest is not sent.');
      case MailKind.INVITATION:
      case MailKind.PASSWORD_RESET:
      case MailKind.SIGN_IN_LINK: {
        // A link used, replaced by a newer one, or expired while the mail waited is not sent.
        const [live] = await this.dataSource.query(
          `SELECT 1 FROM account_token WHERE id = $1 AND person_id = $2 AND used_at IS NULL AND expires_at > now()`,
          [refs.accountTokenId ?? null, personId],
        );
        return live ? { ok: true, data } : no('The link was used, replaced by a newer one, or has expired.');
      }
      default: {
        const unknownKind: never = kind as never;
        return no(`Unknown kind ${String(unknownKind)}.`);
      }
    }
  }

  /** A digest sends what is still relevant of the messages it gathered, in the order they came. */
  private async digest(msg: OutboxMessageEntity, disabled: Set<string>): Promise<Relevance> {
    const rows: { kind: MailKind; payload: unknown; refs: OutboxRefs }[] = await this.dataSource.query(
      `SELECT kind, payload, refs FROM outbox_message
        WHERE id = ANY($1::uuid[]) AND status = $2 ORDER BY created_at, id`,
      [msg.refs.itemIds ?? [], OutboxStatus.DIGESTED],
    );
    const items: DigestItem[] = [];
    for (const row of rows) {
      if (disabled.has(row.kind)) continue;
      const r = await this.relevant(row.kind, row.payload as never, row.refs, msg.recipientId);
      if (r.ok) items.push({ kind: row.kind, data: r.data } as DigestItem);
    }
    if (items.length === 0) return no('Nothing in the digest is relevant any more.');
    const data = msg.payload as { date: string };
    return { ok: true, data: { date: data.date, items } };
  }

  /** Ids among `ids` still live (not cancelled) and, with `openOnly`, not yet done. */
  private async openAssignments(ids: string[] | undefined, openOnly: boolean): Promise<Set<string>> {
    if (!ids?.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM review_assignment
        WHERE id = ANY($1::uuid[]) AND cancelled_at IS NULL AND ($2 = false OR completed_at IS NULL)`,
      [ids, openOnly],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The data, if the person is still in the (open) cohort, in the given role when one is named. */
  private async ifMember<D>(
    cohortId: string | undefined,
    personId: string,
    role: CohortRole | null,
    data: D,
  ): Promise<Relevance> {
    const rows: { role: CohortRole; status: CohortStatus }[] = await this.dataSource.query(
      `SELECT m.role, c.status FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
        WHERE m.cohort_id = $1 AND m.person_id = $2 AND m.left_at IS NULL`,
      [cohortId, personId],
    );
    const member = rows.filter((r) => role === null || r.role === role);
    if (member.length === 0) return no('The recipient is no longer in the cohort.');
    if (member[0].status !== CohortStatus.OPEN) return no('The cohort is no longer running.');
    return { ok: true, data: data as MailDataByKind[MailKind] };
  }
}
