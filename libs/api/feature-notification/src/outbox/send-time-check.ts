import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisStatus,
  CohortMembershipEntity,
  CohortRole,
  CohortStatus,
  FeedbackEntity,
  MeetingEntity,
  NotificationPreferenceEntity,
  OutboxMessageEntity,
  OutboxStatus,
  PersonEntity,
  ReviewAssignmentEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import type { OutboxRefs } from '@stl/api/data-access-db';
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
    const m = this.dataSource.manager;
    const person = await m.findOne(PersonEntity, {
      select: { id: true, email: true, fullName: true, locale: true, active: true },
      where: { id: msg.recipientId },
    });
    if (!person?.active) return { send: false, reason: 'The recipient has no active account.' };
    const preference = await m.findOne(NotificationPreferenceEntity, {
      select: { personId: true, disabledKinds: true },
      where: { personId: person.id },
    });
    const disabled = new Set<string>(preference?.disabledKinds ?? []);
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
      recipient: { id: person.id, email: person.email, fullName: person.fullName, locale: person.locale },
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
        const found = await this.exists(FeedbackEntity, refs.feedbackId && { id: refs.feedbackId });
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
        const published = await this.exists(
          AnalysisEntity,
          refs.roundId && { roundId: refs.roundId, authorId: personId, status: AnalysisStatus.PUBLISHED },
        );
        if (published) return no('The analysis has been published.');
        return this.ifMember(refs.cohortId, personId, CohortRole.PARTICIPANT, data);
      }
      case MailKind.MEETING_TOMORROW: {
        const meeting = await this.exists(MeetingEntity, refs.meetingId && { id: refs.meetingId });
        if (!meeting) return no('The meeting was removed.');
        return this.ifMember(refs.cohortId, personId, null, data);
      }
      case MailKind.WEEKLY_LEADER_SUMMARY:
        return this.ifMember(refs.cohortId, personId, CohortRole.LEADER, data);
      case MailKind.SCHOOL_LEADER_SUMMARY: {
        const grant = await this.exists(
          RoleGrantEntity,
          refs.schoolId && { personId, role: Role.SCHOOL_LEADER, schoolId: refs.schoolId },
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
    const ids = msg.refs.itemIds ?? [];
    const rows = ids.length
      ? await this.dataSource.manager.find(OutboxMessageEntity, {
          select: { id: true, kind: true, payload: true, refs: true, createdAt: true },
          where: { id: In(ids), status: OutboxStatus.DIGESTED },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
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

  /** Whether a row matches; no condition (a reference missing from `refs`) is no row. */
  private exists<E extends object>(
    entity: new () => E,
    where: FindOptionsWhere<E> | undefined | '',
  ): Promise<boolean> {
    return where ? this.dataSource.manager.exists(entity, { where }) : Promise.resolve(false);
  }

  /** Ids among `ids` still live (not cancelled) and, with `openOnly`, not yet done. */
  private async openAssignments(ids: string[] | undefined, openOnly: boolean): Promise<Set<string>> {
    if (!ids?.length) return new Set();
    const rows = await this.dataSource.manager.find(ReviewAssignmentEntity, {
      select: { id: true },
      where: { id: In(ids), cancelledAt: IsNull(), ...(openOnly ? { completedAt: IsNull() } : {}) },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** The data, if the person is still in the (open) cohort, in the given role when one is named. */
  private async ifMember<D>(
    cohortId: string | undefined,
    personId: string,
    role: CohortRole | null,
    data: D,
  ): Promise<Relevance> {
    const member = cohortId
      ? await this.dataSource.manager.findOne(CohortMembershipEntity, {
          relations: { cohort: true },
          where: { cohortId, personId, leftAt: IsNull(), ...(role ? { role } : {}) },
        })
      : null;
    if (!member) return no('The recipient is no longer in the cohort.');
    if (member.cohort?.status !== CohortStatus.OPEN) return no('The cohort is no longer running.');
    return { ok: true, data: data as MailDataByKind[MailKind] };
  }
}
