import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortRole, CohortStatus, OutboxStatus } from '@stl/api/data-access-db';
import type { OutboxMessageEntity, OutboxRefs } from '@stl/api/data-access-db';
import { MailKind, isMandatoryKind } from '@stl/mail/util-templates';
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

interface PersonRow {
  id: string;
  email: string;
  full_name: string;
  locale: string;
  active: boolean;
  disabled_kinds: string[] | null;
}

/** The kinds whose check asks whether the recipient's analysis of the round is published. */
const SUBMISSION_KINDS: readonly string[] = [MailKind.SUBMISSION_DUE_48H, MailKind.SUBMISSION_OVERDUE];

/** A PENDING outbox row with the facts of its send-time check (SendTimeCheck.readPending). */
interface PendingRow {
  id: string;
  idempotency_key: string;
  kind: MailKind;
  recipient_id: string;
  payload: Record<string, unknown>;
  refs: OutboxRefs;
  created_at: Date;
  reply_to: OutboxMessageEntity['replyTo'];
  person_id: string | null;
  email: string | null;
  full_name: string | null;
  locale: string | null;
  active: boolean | null;
  disabled_kinds: string[] | null;
  /** Null when the message names no cohort. */
  memberships: { role: CohortRole; status: CohortStatus }[] | null;
  /** Null when the kind does not ask. */
  published: boolean | null;
  /** Null when the message names no assignments: the live ones among those it names. */
  assignments: { id: string; done: boolean }[] | null;
}

/**
 * Facts read once for a batch. `checked…` says what was asked: a key asked and not found is a
 * negative answer, a key not asked is read on its own (digest items, single checks).
 */
interface Facts {
  persons: Map<string, PersonRow>;
  members: Map<string, { role: CohortRole; status: CohortStatus }[]>;
  checkedMembers: Set<string>;
  published: Set<string>;
  checkedPublished: Set<string>;
  /** Live (not cancelled) assignments: id → done. */
  assignments: Map<string, boolean>;
  checkedAssignments: Set<string>;
}

/** Facts of nothing asked yet: every fact is then read on its own. */
const noFacts = (): Facts => ({
  persons: new Map(),
  members: new Map(),
  checkedMembers: new Set(),
  published: new Set(),
  checkedPublished: new Set(),
  assignments: new Map(),
  checkedAssignments: new Set(),
});

const NO_FACTS: Facts = noFacts();

/**
 * Reminders stop by themselves: right before sending, the worker asks the database whether the
 * message still makes sense — the task not done, nothing cancelled, the person still in the
 * cohort, the kind still wanted. A list (several reviews due) keeps only the items still open.
 */
@Injectable()
export class SendTimeCheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(msg: OutboxMessageEntity): Promise<Verdict> {
    return (await this.checkMany([msg])).get(msg.id) as Verdict;
  }

  /**
   * The verdicts of a batch of messages, with the facts most kinds need (recipients, memberships,
   * published analyses, assignments) read in one query each for the whole batch (issue 16: six
   * sequential queries per mail held throughput down). Rarer facts are read per message.
   */
  async checkMany(msgs: readonly OutboxMessageEntity[]): Promise<Map<string, Verdict>> {
    const facts = await this.prefetch(msgs);
    const out = new Map<string, Verdict>();
    for (const msg of msgs) out.set(msg.id, await this.checkOne(msg, facts));
    return out;
  }

  /**
   * The PENDING messages among `ids` with their verdicts, read with the facts of their checks in
   * one statement (issue 16: the rows and then the facts were two round trips per batch and up to
   * five statements).
   */
  async readPending(
    ids: readonly string[],
  ): Promise<{ msgs: OutboxMessageEntity[]; verdicts: Map<string, Verdict> }> {
    if (ids.length === 0) return { msgs: [], verdicts: new Map() };
    const rows: PendingRow[] = await this.dataSource.query(
      `SELECT o.id, o.idempotency_key, o.kind, o.recipient_id, o.payload, o.refs, o.created_at, o.reply_to,
              p.id AS person_id, p.email, p.full_name, p.locale, p.active, np.disabled_kinds,
              CASE WHEN o.refs ? 'cohortId' THEN (
                SELECT COALESCE(json_agg(json_build_object('role', m.role, 'status', c.status)), '[]'::json)
                  FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
                 WHERE m.left_at IS NULL AND m.cohort_id = (o.refs->>'cohortId')::uuid
                   AND m.person_id = o.recipient_id) END AS memberships,
              CASE WHEN o.kind = ANY($3::text[]) AND o.refs ? 'roundId' THEN EXISTS (
                SELECT 1 FROM analysis a
                 WHERE a.status = 'PUBLISHED' AND a.round_id = (o.refs->>'roundId')::uuid
                   AND a.author_id = o.recipient_id) END AS published,
              CASE WHEN jsonb_typeof(o.refs->'assignmentIds') = 'array' THEN (
                SELECT COALESCE(json_agg(json_build_object('id', ra.id, 'done', ra.completed_at IS NOT NULL)), '[]'::json)
                  FROM review_assignment ra
                 WHERE ra.cancelled_at IS NULL
                   AND ra.id IN (SELECT x::uuid FROM jsonb_array_elements_text(o.refs->'assignmentIds') AS x)) END AS assignments
         FROM outbox_message o
         LEFT JOIN person p ON p.id = o.recipient_id
         LEFT JOIN notification_preference np ON np.person_id = o.recipient_id
        WHERE o.id = ANY($1::uuid[]) AND o.status = $2`,
      [[...new Set(ids)], OutboxStatus.PENDING, SUBMISSION_KINDS],
    );
    const facts = noFacts();
    const msgs = rows.map((r) => {
      const msg = {
        id: r.id,
        idempotencyKey: r.idempotency_key,
        kind: r.kind,
        recipientId: r.recipient_id,
        payload: r.payload,
        refs: r.refs,
        status: OutboxStatus.PENDING,
        createdAt: r.created_at,
        replyTo: r.reply_to,
      } as OutboxMessageEntity;
      if (r.person_id) {
        facts.persons.set(r.person_id, {
          id: r.person_id,
          email: r.email as string,
          full_name: r.full_name as string,
          locale: r.locale as string,
          active: r.active as boolean,
          disabled_kinds: r.disabled_kinds,
        });
      }
      if (r.memberships) {
        const key = `${msg.refs.cohortId}:${msg.recipientId}`;
        facts.checkedMembers.add(key);
        facts.members.set(key, r.memberships);
      }
      if (r.published !== null) {
        const key = `${msg.refs.roundId}:${msg.recipientId}`;
        facts.checkedPublished.add(key);
        if (r.published) facts.published.add(key);
      }
      if (r.assignments) {
        for (const id of msg.refs.assignmentIds ?? []) facts.checkedAssignments.add(id);
        for (const a of r.assignments) facts.assignments.set(a.id, a.done);
      }
      return msg;
    });
    const verdicts = new Map<string, Verdict>();
    for (const msg of msgs) verdicts.set(msg.id, await this.checkOne(msg, facts));
    return { msgs, verdicts };
  }

  private async prefetch(msgs: readonly OutboxMessageEntity[]): Promise<Facts> {
    const personIds = [...new Set(msgs.map((m) => m.recipientId))];
    // The four reads are independent: run at once, on the pool's connections.
    const personsRead: Promise<PersonRow[]> = personIds.length
      ? this.dataSource.query(
          `SELECT p.id, p.email, p.full_name, p.locale, p.active, np.disabled_kinds
             FROM person p LEFT JOIN notification_preference np ON np.person_id = p.id WHERE p.id = ANY($1::uuid[])`,
          [personIds],
        )
      : Promise.resolve([]);
    const memberPairs = msgs.filter((m) => m.refs.cohortId);
    const membershipsRead: Promise<
      { cohort_id: string; person_id: string; role: CohortRole; status: CohortStatus }[]
    > = memberPairs.length
      ? this.dataSource.query(
          `SELECT m.cohort_id, m.person_id, m.role, c.status
               FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
              WHERE m.left_at IS NULL
                AND (m.cohort_id, m.person_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
          [memberPairs.map((m) => m.refs.cohortId), memberPairs.map((m) => m.recipientId)],
        )
      : Promise.resolve([]);
    const submission = msgs.filter(
      (m) =>
        (m.kind === MailKind.SUBMISSION_DUE_48H || m.kind === MailKind.SUBMISSION_OVERDUE) && m.refs.roundId,
    );
    const publishedRead: Promise<{ round_id: string; author_id: string }[]> = submission.length
      ? this.dataSource.query(
          `SELECT round_id, author_id FROM analysis
            WHERE status = 'PUBLISHED' AND (round_id, author_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
          [submission.map((m) => m.refs.roundId), submission.map((m) => m.recipientId)],
        )
      : Promise.resolve([]);
    const assignmentIds = [...new Set(msgs.flatMap((m) => m.refs.assignmentIds ?? []))];
    const assignmentsRead: Promise<{ id: string; done: boolean }[]> = assignmentIds.length
      ? this.dataSource.query(
          `SELECT id, completed_at IS NOT NULL AS done FROM review_assignment
            WHERE id = ANY($1::uuid[]) AND cancelled_at IS NULL`,
          [assignmentIds],
        )
      : Promise.resolve([]);
    const [persons, memberships, published, assignments] = await Promise.all([
      personsRead,
      membershipsRead,
      publishedRead,
      assignmentsRead,
    ]);
    const members = new Map<string, { role: CohortRole; status: CohortStatus }[]>();
    for (const r of memberships) {
      const key = `${r.cohort_id}:${r.person_id}`;
      members.set(key, [...(members.get(key) ?? []), { role: r.role, status: r.status }]);
    }
    return {
      persons: new Map(persons.map((p) => [p.id, p])),
      members,
      checkedMembers: new Set(memberPairs.map((m) => `${m.refs.cohortId}:${m.recipientId}`)),
      published: new Set(published.map((r) => `${r.round_id}:${r.author_id}`)),
      checkedPublished: new Set(submission.map((m) => `${m.refs.roundId}:${m.recipientId}`)),
      assignments: new Map(assignments.map((a) => [a.id, a.done])),
      checkedAssignments: new Set(assignmentIds),
    };
  }

  private async checkOne(msg: OutboxMessageEntity, facts: Facts): Promise<Verdict> {
    const person = facts.persons.get(msg.recipientId);
    if (!person?.active) return { send: false, reason: 'The recipient has no active account.' };
    const disabled = new Set(person.disabled_kinds ?? []);
    // Account mails (invitation, reset, sign-in link) cannot be turned off.
    if (msg.kind !== MailKind.DIGEST && !isMandatoryKind(msg.kind) && disabled.has(msg.kind)) {
      return { send: false, reason: 'The recipient turned this kind of mail off.' };
    }
    const relevance =
      msg.kind === MailKind.DIGEST
        ? await this.digest(msg, disabled)
        : await this.relevant(msg.kind, msg.payload as never, msg.refs, msg.recipientId, facts);
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
    facts: Facts = NO_FACTS,
  ): Promise<Relevance> {
    const ifMember = <D>(role: CohortRole | null, d: D) =>
      this.ifMember(refs.cohortId, personId, role, d, facts);
    const openAssignments = (openOnly: boolean) => this.openAssignments(refs.assignmentIds, openOnly, facts);
    switch (kind) {
      case MailKind.REVIEW_ASSIGNED: {
        const open = await openAssignments(true);
        if (open.size === 0) return no('The assignment was completed or cancelled.');
        return ifMember(null, data);
      }
      case MailKind.ANALYSIS_PUBLISHED: {
        const live = await openAssignments(false);
        if (live.size === 0) return no('The assignment was cancelled.');
        return ifMember(null, data);
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
        const open = await openAssignments(true);
        const due = data as FeedbackDueData;
        const reviews = due.reviews.filter((r) => open.has(r.assignmentId));
        if (reviews.length === 0) return no('The feedback was given or the assignments were cancelled.');
        const role = kind === MailKind.FEEDBACK_OVERDUE_LEADER_NOTICE ? CohortRole.LEADER : null;
        return ifMember(role, { ...due, reviews } as MailDataByKind[K]);
      }
      case MailKind.SUBMISSION_DUE_48H:
      case MailKind.SUBMISSION_OVERDUE: {
        const key = `${refs.roundId}:${personId}`;
        const published = facts.checkedPublished.has(key)
          ? facts.published.has(key)
          : (
              await this.dataSource.query(
                `SELECT 1 FROM analysis WHERE round_id = $1 AND author_id = $2 AND status = 'PUBLISHED'`,
                [refs.roundId, personId],
              )
            ).length > 0;
        if (published) return no('The analysis has been published.');
        return ifMember(CohortRole.PARTICIPANT, data);
      }
      case MailKind.MEETING_TOMORROW: {
        const [meeting] = await this.dataSource.query(`SELECT 1 FROM meeting WHERE id = $1`, [
          refs.meetingId,
        ]);
        if (!meeting) return no('The meeting was removed.');
        return ifMember(null, data);
      }
      case MailKind.WEEKLY_LEADER_SUMMARY:
        return ifMember(CohortRole.LEADER, data);
      case MailKind.SCHOOL_LEADER_SUMMARY: {
        const [grant] = await this.dataSource.query(
          `SELECT 1 FROM role_grant WHERE person_id = $1 AND role = 'SCHOOL_LEADER' AND school_id = $2`,
          [personId, refs.schoolId],
        );
        return grant ? { ok: true, data } : no('The recipient no longer leads this school.');
      }
      case MailKind.NUDGE:
      case MailKind.COHORT_WELCOME:
        return ifMember(CohortRole.PARTICIPANT, data);
      case MailKind.DIGEST:
        return no('A digest inside a digest is not sent.');
      case MailKind.ACCESSIBILITY_REPORT:
        // Sent as long as the recipient is active (checked for every kind): it is the authority's duty.
        return { ok: true, data };
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
  private async openAssignments(
    ids: string[] | undefined,
    openOnly: boolean,
    facts: Facts = NO_FACTS,
  ): Promise<Set<string>> {
    if (!ids?.length) return new Set();
    if (ids.every((id) => facts.checkedAssignments.has(id))) {
      return new Set(
        ids.filter((id) => facts.assignments.has(id) && (!openOnly || !facts.assignments.get(id))),
      );
    }
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
    facts: Facts = NO_FACTS,
  ): Promise<Relevance> {
    const key = `${cohortId}:${personId}`;
    const rows: { role: CohortRole; status: CohortStatus }[] = facts.checkedMembers.has(key)
      ? (facts.members.get(key) ?? [])
      : await this.dataSource.query(
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
