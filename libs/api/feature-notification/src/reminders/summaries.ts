// Raw SQL: read-only aggregates over a whole cohort (joins, GROUP BY, date windows) for summaries; typed rows, covered by notification-reminders.int-spec.ts.
import type { EntityManager } from 'typeorm';
import { MailKind } from '@stl/mail/util-templates';
import type {
  MissingItem,
  PersonMissing,
  SupportReasonData,
  TeacherProgress,
} from '@stl/mail/util-templates';
import { cohortCompletions } from '@stl/api/data-access-db';
import { nameBook } from '@stl/api/feature-auth';
import type { NotificationDraft } from '../outbox/notification-draft';
import { schoolSummaryPeriod, weeklySummaryWeek } from './due-rules';
import type { TickCohort } from './reminder-candidates';

const collator = new Intl.Collator('sv');

/** Keys already in the outbox, so expensive summaries are only computed when they will be new. */
export type KeyFilter = (keys: string[]) => Promise<Set<string>>;

/** Each course leader, once a week: what is missing in their cohort, person by person. */
export async function weeklyLeaderSummaries(
  m: EntityManager,
  now: Date,
  cohorts: Map<string, TickCohort>,
  existing: KeyFilter,
): Promise<NotificationDraft[]> {
  const drafts: NotificationDraft[] = [];
  for (const cohort of cohorts.values()) {
    const week = weeklySummaryWeek(now, cohort.settings.weeklySummaryWeekday);
    if (!week || cohort.leaderIds.length === 0) continue;
    const keyOf = (leaderId: string) => `WEEKLY_LEADER_SUMMARY:${cohort.id}:${leaderId}:${week}`;
    const done = await existing(cohort.leaderIds.map(keyOf));
    const leaders = cohort.leaderIds.filter((id) => !done.has(keyOf(id)));
    if (leaders.length === 0) continue;
    for (const leaderId of leaders) {
      // Named as this leader may see them (ADR 0031).
      const people = await missingByPerson(m, cohort.id, now, () => leaderId);
      drafts.push({
        idempotencyKey: keyOf(leaderId),
        kind: MailKind.WEEKLY_LEADER_SUMMARY,
        recipientId: leaderId,
        refs: { cohortId: cohort.id },
        data: {
          weekOf: now.toISOString(),
          cohorts: [
            {
              cohortId: cohort.id,
              cohortName: cohort.name,
              people: people.map(({ name, schoolName, missing }) => ({ name, schoolName, missing })),
            },
          ],
        },
      });
    }
  }
  return drafts;
}

/**
 * What each active participant has not done by its deadline. `readerOf(personId)` says who will
 * read that participant's list (the participant, or a leader), so every name in it is the one that
 * reader may see (ADR 0031).
 */
export async function missingByPerson(
  m: EntityManager,
  cohortId: string,
  now: Date,
  readerOf: (personId: string) => string,
): Promise<(PersonMissing & { id: string })[]> {
  const people: { id: string; name: string; school: string | null }[] = await m.query(
    `SELECT p.id, p.full_name AS name, s.name AS school
       FROM cohort_membership mem JOIN person p ON p.id = mem.person_id
       LEFT JOIN school s ON s.id = mem.school_id
      WHERE mem.cohort_id = $1 AND mem.role = 'PARTICIPANT' AND mem.left_at IS NULL
      ORDER BY p.full_name, p.id`,
    [cohortId],
  );
  const missing = new Map<string, MissingItem[]>(people.map((p) => [p.id, []]));
  const add = (personId: string, item: MissingItem) => missing.get(personId)?.push(item);

  const analyses: { person_id: string; number: number; due: Date }[] = await m.query(
    `SELECT mem.person_id, r.number, r.submission_deadline AS due
       FROM analysis_round r
       JOIN cohort_membership mem ON mem.cohort_id = r.cohort_id AND mem.role = 'PARTICIPANT' AND mem.left_at IS NULL
      WHERE r.cohort_id = $1 AND r.submission_deadline < $2
        AND NOT EXISTS (SELECT 1 FROM analysis a WHERE a.round_id = r.id AND a.author_id = mem.person_id AND a.status = 'PUBLISHED')
      ORDER BY r.number`,
    [cohortId, now],
  );
  for (const a of analyses)
    add(a.person_id, { type: 'analysis', roundNumber: a.number, dueAt: a.due.toISOString() });

  const peer: { reviewer_id: string; number: number; author_id: string; due: Date }[] = await m.query(
    `SELECT ra.reviewer_id, r.number, a.author_id, r.feedback_deadline AS due
       FROM review_assignment ra
       JOIN analysis_round r ON r.id = ra.round_id
       JOIN analysis a ON a.id = ra.analysis_id
       JOIN person author ON author.id = a.author_id
      WHERE ra.cohort_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
        AND r.feedback_deadline < $2
      ORDER BY r.number, author.full_name`,
    [cohortId, now],
  );
  const names = await nameBook(
    m,
    people.map((p) => readerOf(p.id)),
    [...people.map((p) => p.id), ...peer.map((p) => p.author_id)],
  );
  for (const p of peer) {
    add(p.reviewer_id, {
      type: 'peerFeedback',
      roundNumber: p.number,
      authorName: names(readerOf(p.reviewer_id), p.author_id),
      dueAt: p.due.toISOString(),
    });
  }

  const leader: { author_id: string; number: number }[] = await m.query(
    `SELECT a.author_id, r.number
       FROM analysis a JOIN analysis_round r ON r.id = a.round_id
      WHERE a.cohort_id = $1 AND a.status = 'PUBLISHED' AND r.feedback_deadline < $2
        AND NOT EXISTS (SELECT 1 FROM review_assignment ra WHERE ra.analysis_id = a.id AND ra.kind = 'LEADER'
                          AND ra.cancelled_at IS NULL AND ra.completed_at IS NOT NULL)
      ORDER BY r.number`,
    [cohortId, now],
  );
  for (const l of leader) add(l.author_id, { type: 'leaderFeedback', roundNumber: l.number });

  const absences: { person_id: string; number: number; starts_at: Date }[] = await m.query(
    `SELECT at.person_id, mt.number, mt.starts_at
       FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id
      WHERE mt.cohort_id = $1 AND at.status = 'ABSENT' AND mt.starts_at < $2
      ORDER BY mt.number`,
    [cohortId, now],
  );
  for (const a of absences) {
    add(a.person_id, { type: 'absence', meetingNumber: a.number, meetingDate: a.starts_at.toISOString() });
  }

  return people.map((p) => ({
    id: p.id,
    name: names(readerOf(p.id), p.id),
    schoolName: p.school ?? '',
    missing: missing.get(p.id) ?? [],
  }));
}

/**
 * Each school leader, monthly: progress of their own school's teachers in the running cohorts and
 * who needs support, by the same rule and reasons as the school leader's page. Counts only: nothing
 * a teacher wrote reaches a school leader.
 */
export async function schoolLeaderSummaries(
  m: EntityManager,
  now: Date,
  existing: KeyFilter,
): Promise<NotificationDraft[]> {
  const period = schoolSummaryPeriod(now);
  if (!period) return [];
  const leaders: { person_id: string; school_id: string; school_name: string; organisation_id: string }[] =
    await m.query(
      `SELECT g.person_id, g.school_id, s.name AS school_name, g.organisation_id
         FROM role_grant g JOIN person p ON p.id = g.person_id AND p.active
         JOIN school s ON s.id = g.school_id
        WHERE g.role = 'SCHOOL_LEADER'
          AND EXISTS (SELECT 1 FROM cohort_membership mem JOIN cohort c ON c.id = mem.cohort_id
                       WHERE c.status = 'OPEN' AND mem.school_id = g.school_id AND mem.role = 'PARTICIPANT'
                         AND mem.left_at IS NULL)
        ORDER BY g.school_id, g.person_id`,
    );
  const keyOf = (l: { school_id: string; person_id: string }) =>
    `SCHOOL_LEADER_SUMMARY:${l.school_id}:${l.person_id}:${period.key}`;
  const done = await existing(leaders.map(keyOf));
  const todo = leaders.filter((l) => !done.has(keyOf(l)));
  const bySchool = new Map<string, Awaited<ReturnType<typeof schoolProgress>>>();
  const drafts: NotificationDraft[] = [];
  for (const l of todo) {
    let progress = bySchool.get(l.school_id);
    if (!progress) {
      progress = await schoolProgress(m, l.school_id, now);
      bySchool.set(l.school_id, progress);
    }
    // Named as this school leader may see them (ADR 0031).
    const names = await nameBook(
      m,
      [l.person_id],
      progress.flatMap((c) => c.teachers.map((t) => t.id)),
    );
    const cohorts = progress.map((c) => ({
      ...c,
      teachers: c.teachers.map(({ id, ...teacher }) => ({ ...teacher, name: names(l.person_id, id) })),
    }));
    drafts.push({
      idempotencyKey: keyOf(l),
      kind: MailKind.SCHOOL_LEADER_SUMMARY,
      recipientId: l.person_id,
      refs: { schoolId: l.school_id },
      data: {
        schoolId: l.school_id,
        schoolName: l.school_name,
        periodStart: period.start.toISOString(),
        periodEnd: period.end.toISOString(),
        cohorts,
      },
    });
  }
  return drafts;
}

/**
 * The school's teachers in each running cohort, graded by the screens' own reading
 * (`cohortCompletions`: course rule 8 with the organisation's thresholds), so the report and the
 * school leader's page name the same people for the same reasons.
 */
async function schoolProgress(m: EntityManager, schoolId: string, now: Date) {
  const cohorts: { id: string; name: string; organisation_id: string; required_share: string }[] =
    await m.query(
      `SELECT c.id, c.name, c.organisation_id, c.required_attendance_share AS required_share
         FROM cohort c
        WHERE c.status = 'OPEN'
          AND EXISTS (SELECT 1 FROM cohort_membership mem WHERE mem.cohort_id = c.id AND mem.role = 'PARTICIPANT'
                        AND mem.left_at IS NULL AND mem.school_id = $1)
        ORDER BY c.name, c.id`,
      [schoolId],
    );
  const out: { cohortId: string; cohortName: string; teachers: (TeacherProgress & { id: string })[] }[] = [];
  for (const c of cohorts) {
    const rows = await cohortCompletions(
      m,
      { id: c.id, organisationId: c.organisation_id, requiredAttendanceShare: Number(c.required_share) },
      { schoolIds: [schoolId], includeWithdrawn: false },
      now,
    );
    const teachers = rows
      .map(({ member, result }): TeacherProgress & { id: string } => ({
        id: member.personId,
        name: member.person?.fullName ?? '',
        analysesPublished: result.publishedCount,
        analysesRequired: result.minPublished,
        feedbackGiven: result.tasksDone,
        feedbackAssigned: result.tasksTotal,
        meetingsAttended: result.meetingsAttended,
        meetingsHeld: result.meetingsHeld,
        completed: result.completed,
        supportLevel: result.supportLevel,
        supportReasons: result.supportReasons.map((r): SupportReasonData => ({
          code: r.code,
          roundNumbers: [...r.roundNumbers],
          ...(r.days !== undefined ? { days: r.days } : {}),
          ...(r.missed !== undefined ? { missed: r.missed, held: r.held } : {}),
        })),
      }))
      .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    out.push({ cohortId: c.id, cohortName: c.name, teachers });
  }
  return out;
}
