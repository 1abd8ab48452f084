/**
 * The school leader's view of who needs support shows the API's own reasons (course rule 8 in
 * `@stl/shared/domain`, one rule for the filter, the matrix, the home card and this page). What is
 * left here is presentation: the "overdue" column and the grouping by school.
 */

/** The facts the "overdue" column counts. */
export interface OverdueFacts {
  rounds: readonly { published: boolean; submissionOverdue: boolean; tasksOverdue: boolean }[];
}

/** Rounds whose analysis or critical-friend tasks are overdue: the "overdue" column. */
export function overdueCount(p: OverdueFacts): number {
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
