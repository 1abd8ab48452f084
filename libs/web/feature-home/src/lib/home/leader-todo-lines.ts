/*
 * Self-contained (no import of the data-access lib) so it runs in plain jest; `LeaderTaskFacts`
 * matches the API's LeaderTask, and the component passes the generated type in.
 */

/** What of a to-do item the lines are made from (the API's LeaderTask). */
export interface LeaderTaskFacts {
  kind: 'LEADER_FEEDBACK' | 'ROUND_TO_ALLOCATE' | 'LATE_PUBLISHER' | 'ATTENDANCE_TO_REGISTER';
  cohortId: string;
  cohortName: string;
  roundId?: string | null;
  roundNumber?: number | null;
  /** ISO instant: the deadline, or when it became due. */
  dueAt: string;
  /** ISO instant: since when the work has waited. */
  waitingSince: string;
}

/** Kinds that come one per analysis and are done on one page per round: gathered into one line. */
const GROUPED: ReadonlySet<LeaderTaskFacts['kind']> = new Set(['LEADER_FEEDBACK', 'LATE_PUBLISHER']);

export type LeaderToDoLine<T extends LeaderTaskFacts> =
  | { type: 'task'; task: T; dueAt: string }
  | {
      type: 'group';
      kind: T['kind'];
      cohortId: string;
      cohortName: string;
      roundId: string;
      roundNumber: number;
      tasks: T[];
      /** The most urgent deadline in the group. */
      dueAt: string;
      /** How long the oldest of them has waited. */
      oldestSince: string;
    };

const time = (iso: string): number => new Date(iso).getTime();

/**
 * The leader's to-do as lines: analyses of one round awaiting the same work (leader feedback, a
 * critical friend for a late publisher) become one line ("24 analyser, äldsta väntar sedan 3 dec")
 * instead of 24; a single one stays its own line, linking to its own page. Most urgent first (the
 * earliest deadline), then the longest waiting, then by kind.
 */
export function leaderToDoLines<T extends LeaderTaskFacts>(tasks: readonly T[]): LeaderToDoLine<T>[] {
  const groups = new Map<string, T[]>();
  const lines: LeaderToDoLine<T>[] = [];
  for (const task of tasks) {
    if (!GROUPED.has(task.kind) || !task.roundId) {
      lines.push({ type: 'task', task, dueAt: task.dueAt });
      continue;
    }
    const key = `${task.kind}:${task.cohortId}:${task.roundId}`;
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  for (const members of groups.values()) {
    const [first] = members;
    if (members.length === 1) {
      lines.push({ type: 'task', task: first, dueAt: first.dueAt });
      continue;
    }
    const earliest = (pick: (t: T) => string) =>
      members.map(pick).reduce((a, b) => (time(b) < time(a) ? b : a));
    lines.push({
      type: 'group',
      kind: first.kind,
      cohortId: first.cohortId,
      cohortName: first.cohortName,
      roundId: first.roundId as string,
      roundNumber: first.roundNumber ?? 0,
      tasks: members,
      dueAt: earliest((t) => t.dueAt),
      oldestSince: earliest((t) => t.waitingSince),
    });
  }
  const since = (l: LeaderToDoLine<T>) => (l.type === 'group' ? l.oldestSince : l.task.waitingSince);
  const kind = (l: LeaderToDoLine<T>) => (l.type === 'group' ? l.kind : l.task.kind);
  return lines.sort(
    (a, b) =>
      time(a.dueAt) - time(b.dueAt) || time(since(a)) - time(since(b)) || kind(a).localeCompare(kind(b)),
  );
}
