/**
 * Who seems to need support, as the school leader's view shows it. The rule, in the order the
 * reasons are listed:
 *
 * 1. ANALYSIS_OVERDUE: an analysis round's submission deadline has passed without a published
 *    analysis;
 * 2. TASKS_OVERDUE: critical-friend feedback the teacher should have given is past its deadline;
 * 3. ATTENDANCE_BEHIND: the teacher has attended less than the cohort's required share of the
 *    meetings held so far.
 *
 * A teacher who has completed the course, or who has left the cohort, needs no support here. Late
 * feedback *on* the teacher's analyses is not a reason: that is for the course leader to fix, not
 * the teacher (the API's own needsSupport flag counts it, so this view stays with the teacher's
 * own part). Facts only: nothing here reads analysis or feedback text.
 */
export type SupportReasonCode = 'ANALYSIS_OVERDUE' | 'TASKS_OVERDUE' | 'ATTENDANCE_BEHIND';

export interface SupportFacts {
  completed: boolean;
  leftAt?: string | null;
  attendanceOnTrack: boolean;
  meetingsAttended: number;
  meetingsHeld: number;
  meetingsRequired: number;
  rounds: readonly {
    number: number;
    published: boolean;
    submissionOverdue: boolean;
    tasksOverdue: boolean;
  }[];
}

export interface SupportReason {
  code: SupportReasonCode;
  /** Round numbers concerned, for the overdue reasons. */
  rounds: number[];
}

export function supportReasons(p: SupportFacts): SupportReason[] {
  if (p.completed || p.leftAt) return [];
  const reasons: SupportReason[] = [];
  const overdue = p.rounds.filter((r) => r.submissionOverdue && !r.published).map((r) => r.number);
  if (overdue.length) reasons.push({ code: 'ANALYSIS_OVERDUE', rounds: overdue });
  const tasks = p.rounds.filter((r) => r.tasksOverdue).map((r) => r.number);
  if (tasks.length) reasons.push({ code: 'TASKS_OVERDUE', rounds: tasks });
  if (!p.attendanceOnTrack) reasons.push({ code: 'ATTENDANCE_BEHIND', rounds: [] });
  return reasons;
}

export function needsSupport(p: SupportFacts): boolean {
  return supportReasons(p).length > 0;
}

/** Rounds whose analysis or critical-friend tasks are overdue: the "overdue" column. */
export function overdueCount(p: SupportFacts): number {
  return p.rounds.filter((r) => (r.submissionOverdue && !r.published) || r.tasksOverdue).length;
}

export interface SchoolGroup<T> {
  schoolId: string | null;
  schoolName: string;
  people: T[];
}

/** Participants by school (by name), then by name; those needing support stay in that order too. */
export function bySchool<
  T extends { schoolId?: string | null; schoolName?: string | null; person: { fullName: string } },
>(rows: readonly T[]): SchoolGroup<T>[] {
  const groups = new Map<string, SchoolGroup<T>>();
  for (const row of rows) {
    const id = row.schoolId ?? '';
    let group = groups.get(id);
    if (!group) {
      group = { schoolId: row.schoolId ?? null, schoolName: row.schoolName ?? '', people: [] };
      groups.set(id, group);
    }
    group.people.push(row);
  }
  const collator = new Intl.Collator('sv');
  return [...groups.values()]
    .map((g) => ({
      ...g,
      people: [...g.people].sort((a, b) => collator.compare(a.person.fullName, b.person.fullName)),
    }))
    .sort((a, b) => collator.compare(a.schoolName, b.schoolName));
}
