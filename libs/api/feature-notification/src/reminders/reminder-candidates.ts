// Raw SQL: one statement per reminder kind over all due cohorts (LATERAL joins, date windows); typed rows, covered by notification-reminders.int-spec.ts.
import type { EntityManager } from 'typeorm';
import { nameBook } from '@stl/api/feature-auth';
import { MailKind } from '@stl/mail/util-templates';
import type { MeetingTomorrowData, ReviewTask } from '@stl/mail/util-templates';
import type { QuietHours } from '@stl/api/util-config';
import type { NotificationDraft } from '../outbox/notification-draft';
import { feedbackStage, meetingTomorrow, submissionStage } from './due-rules';
import type { ReminderSettings } from './due-rules';

/** An open cohort as the tick sees it. */
export interface TickCohort {
  id: string;
  name: string;
  organisationId: string;
  settings: ReminderSettings;
  /** Active course leaders. */
  leaderIds: string[];
}

interface OpenAssignmentRow {
  id: string;
  kind: 'PEER' | 'LEADER';
  reviewer_id: string;
  reviewer_school: string | null;
  cohort_id: string;
  round_id: string;
  round_number: number;
  round_title: string;
  feedback_deadline: Date;
  analysis_id: string;
  author_id: string;
}

/**
 * Feedback reminders, one per reviewer and round (a reviewer with two open reviews in a round gets
 * one mail listing both): due in 48 h, due today, overdue n, then a notice to the cohort's other
 * leaders instead.
 */
export async function feedbackReminders(
  m: EntityManager,
  now: Date,
  cohorts: Map<string, TickCohort>,
): Promise<NotificationDraft[]> {
  if (cohorts.size === 0) return [];
  const rows: OpenAssignmentRow[] = await m.query(
    `SELECT ra.id, ra.kind, ra.reviewer_id, s.name AS reviewer_school,
            ra.cohort_id, ra.round_id, r.number AS round_number, r.title AS round_title, r.feedback_deadline,
            ra.analysis_id, a.author_id
       FROM review_assignment ra
       JOIN analysis_round r ON r.id = ra.round_id
       JOIN analysis a ON a.id = ra.analysis_id
       JOIN person author ON author.id = a.author_id
       JOIN person reviewer ON reviewer.id = ra.reviewer_id AND reviewer.active
       JOIN LATERAL (
         SELECT m.school_id FROM cohort_membership m
          WHERE m.cohort_id = ra.cohort_id AND m.person_id = ra.reviewer_id AND m.left_at IS NULL
          ORDER BY m.role DESC LIMIT 1
       ) mem ON true
       LEFT JOIN school s ON s.id = COALESCE(mem.school_id, reviewer.school_id)
      WHERE ra.cohort_id = ANY($1::uuid[]) AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
        AND r.feedback_deadline BETWEEN $2::timestamptz - interval '70 days' AND $2::timestamptz + interval '15 days'
      ORDER BY ra.round_id, ra.reviewer_id, author.full_name, ra.id`,
    [[...cohorts.keys()], now],
  );
  // Names as each recipient may see them (ADR 0031): reviewers see authors, leaders reviewers too.
  const names = await nameBook(
    m,
    [...rows.map((r) => r.reviewer_id), ...[...cohorts.values()].flatMap((c) => c.leaderIds)],
    rows.flatMap((r) => [r.author_id, r.reviewer_id]),
  );
  const groups = new Map<string, OpenAssignmentRow[]>();
  for (const row of rows) {
    const key = `${row.round_id}:${row.reviewer_id}:${row.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const drafts: NotificationDraft[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const cohort = cohorts.get(first.cohort_id);
    if (!cohort) continue;
    const stage = feedbackStage(now, first.feedback_deadline, cohort.settings);
    if (!stage) continue;
    const reviewsFor = (recipientId: string): ReviewTask[] =>
      group.map((r) => ({
        assignmentId: r.id,
        analysisId: r.analysis_id,
        authorName: names(recipientId, r.author_id),
        analysisTitle: r.round_title,
      }));
    const reviews = reviewsFor(first.reviewer_id);
    const base = {
      cohortId: cohort.id,
      cohortName: cohort.name,
      roundId: first.round_id,
      roundNumber: first.round_number,
      feedbackDueAt: first.feedback_deadline.toISOString(),
      reviews,
    };
    const refs = { cohortId: cohort.id, roundId: first.round_id, assignmentIds: group.map((r) => r.id) };
    const subject = `${first.round_id}:${first.reviewer_id}`;
    switch (stage.kind) {
      case 'FEEDBACK_DUE_48H':
      case 'FEEDBACK_DUE_TODAY':
        drafts.push({
          idempotencyKey: `${stage.kind}:${subject}`,
          kind: stage.kind,
          recipientId: first.reviewer_id,
          refs,
          data: base,
        });
        break;
      case 'FEEDBACK_OVERDUE':
        drafts.push({
          idempotencyKey: `FEEDBACK_OVERDUE:${subject}:${stage.reminderNumber}`,
          kind: MailKind.FEEDBACK_OVERDUE,
          recipientId: first.reviewer_id,
          refs,
          data: { ...base, reminderNumber: stage.reminderNumber },
        });
        break;
      case 'FEEDBACK_OVERDUE_LEADER_NOTICE':
        // The leaders are told about critical friends; their own leader feedback is theirs to chase.
        if (first.kind === 'LEADER') break;
        for (const leaderId of cohort.leaderIds) {
          if (leaderId === first.reviewer_id) continue;
          drafts.push({
            idempotencyKey: `FEEDBACK_OVERDUE_LEADER_NOTICE:${subject}:${leaderId}`,
            kind: MailKind.FEEDBACK_OVERDUE_LEADER_NOTICE,
            recipientId: leaderId,
            refs,
            data: {
              cohortId: cohort.id,
              cohortName: cohort.name,
              roundId: first.round_id,
              roundNumber: first.round_number,
              reviewerName: names(leaderId, first.reviewer_id),
              ...(first.reviewer_school ? { reviewerSchoolName: first.reviewer_school } : {}),
              remindersSent: cohort.settings.overdueReminderDays.length,
              feedbackDueAt: base.feedbackDueAt,
              reviews: reviewsFor(leaderId),
            },
          });
        }
        break;
    }
  }
  return drafts;
}

/** Analyses not yet published: due in 48 hours, and once overdue. */
export async function submissionReminders(
  m: EntityManager,
  now: Date,
  cohorts: Map<string, TickCohort>,
): Promise<NotificationDraft[]> {
  if (cohorts.size === 0) return [];
  const rows: {
    round_id: string;
    cohort_id: string;
    round_number: number;
    opens_at: Date;
    submission_deadline: Date;
    person_id: string;
    has_draft: boolean;
  }[] = await m.query(
    `SELECT r.id AS round_id, r.cohort_id, r.number AS round_number, r.opens_at, r.submission_deadline,
            mem.person_id, COALESCE(a.draft_revision > 0, false) AS has_draft
       FROM analysis_round r
       JOIN cohort_membership mem ON mem.cohort_id = r.cohort_id AND mem.role = 'PARTICIPANT' AND mem.left_at IS NULL
       JOIN person p ON p.id = mem.person_id AND p.active
       LEFT JOIN analysis a ON a.round_id = r.id AND a.author_id = mem.person_id
      WHERE r.cohort_id = ANY($1::uuid[]) AND r.opens_at <= $2
        AND r.submission_deadline BETWEEN $2::timestamptz - interval '30 days' AND $2::timestamptz + interval '15 days'
        AND (a.id IS NULL OR a.status <> 'PUBLISHED')
      ORDER BY r.id, mem.person_id`,
    [[...cohorts.keys()], now],
  );
  const drafts: NotificationDraft[] = [];
  for (const r of rows) {
    const cohort = cohorts.get(r.cohort_id);
    if (!cohort) continue;
    const stage = submissionStage(
      now,
      { opensAt: r.opens_at, submissionDeadline: r.submission_deadline },
      cohort.settings,
    );
    if (!stage) continue;
    drafts.push({
      idempotencyKey: `${stage}:${r.round_id}:${r.person_id}`,
      kind: stage,
      recipientId: r.person_id,
      refs: { cohortId: cohort.id, roundId: r.round_id },
      data: {
        cohortId: cohort.id,
        cohortName: cohort.name,
        roundId: r.round_id,
        roundNumber: r.round_number,
        submissionDueAt: r.submission_deadline.toISOString(),
        hasDraft: r.has_draft,
      },
    });
  }
  return drafts;
}

/** The day before a meeting, to every active member of its cohort, with the calendar file. */
export async function meetingReminders(
  m: EntityManager,
  now: Date,
  cohorts: Map<string, TickCohort>,
  quiet: QuietHours | null,
): Promise<NotificationDraft[]> {
  if (cohorts.size === 0) return [];
  const meetings: {
    id: string;
    cohort_id: string;
    number: number;
    title: string;
    starts_at: Date;
    ends_at: Date;
    location: string | null;
    video_url: string | null;
    preparation: string;
    discussion_questions: string[];
  }[] = await m.query(
    `SELECT id, cohort_id, number, title, starts_at, ends_at, location, video_url, preparation, discussion_questions
       FROM meeting
      WHERE cohort_id = ANY($1::uuid[]) AND starts_at > $2 AND starts_at < $2::timestamptz + interval '3 days'`,
    [[...cohorts.keys()], now],
  );
  const due = meetings.filter((mt) => meetingTomorrow(now, mt.starts_at, quiet));
  if (due.length === 0) return [];
  const members: { cohort_id: string; person_id: string }[] = await m.query(
    `SELECT DISTINCT mem.cohort_id, mem.person_id
       FROM cohort_membership mem JOIN person p ON p.id = mem.person_id AND p.active
      WHERE mem.cohort_id = ANY($1::uuid[]) AND mem.left_at IS NULL
      ORDER BY mem.cohort_id, mem.person_id`,
    [[...new Set(due.map((mt) => mt.cohort_id))]],
  );
  const drafts: NotificationDraft[] = [];
  for (const mt of due) {
    const cohort = cohorts.get(mt.cohort_id);
    if (!cohort) continue;
    const where: { place: string; videoUrl?: string } | { place?: string; videoUrl: string } = mt.video_url
      ? { ...(mt.location ? { place: mt.location } : {}), videoUrl: mt.video_url }
      : { place: mt.location ?? '' };
    const data: MeetingTomorrowData = {
      cohortId: cohort.id,
      cohortName: cohort.name,
      meetingId: mt.id,
      meetingNumber: mt.number,
      title: mt.title,
      startsAt: mt.starts_at.toISOString(),
      endsAt: mt.ends_at.toISOString(),
      ...where,
      preparation: mt.preparation,
      materials: [],
      discussionQuestions: mt.discussion_questions,
    };
    for (const member of members.filter((x) => x.cohort_id === mt.cohort_id)) {
      drafts.push({
        idempotencyKey: `MEETING_TOMORROW:${mt.id}:${member.person_id}`,
        kind: MailKind.MEETING_TOMORROW,
        recipientId: member.person_id,
        refs: { cohortId: cohort.id, meetingId: mt.id },
        data,
      });
    }
  }
  return drafts;
}
