/**
 * A reviewer's critical-friend tasks, grouped by analysis round, each done, overdue or still to do.
 * Pure, so what "overdue" means is tested: not done and past the round's feedback deadline.
 */
export type TaskState = 'done' | 'overdue' | 'open';

export interface TaskLike {
  id: string;
  done: boolean;
  dueAt?: string | null;
  roundId: string;
  round?: { id: string; number: number; title: string; feedbackDeadline: string } | null;
}

export interface TaskInRound<T extends TaskLike> {
  task: T;
  state: TaskState;
}

export interface RoundOfTasks<T extends TaskLike> {
  roundId: string;
  number: number;
  title: string;
  feedbackDeadline: string | null;
  tasks: TaskInRound<T>[];
  done: number;
  overdue: number;
}

export function taskState(task: Pick<TaskLike, 'done' | 'dueAt'>, now: number): TaskState {
  if (task.done) return 'done';
  return task.dueAt && new Date(task.dueAt).getTime() < now ? 'overdue' : 'open';
}

/** Rounds by number; within a round, what is left to do first (overdue, open), then done. */
export function tasksByRound<T extends TaskLike>(tasks: readonly T[], now: number): RoundOfTasks<T>[] {
  const rounds = new Map<string, RoundOfTasks<T>>();
  for (const task of tasks) {
    let round = rounds.get(task.roundId);
    if (!round) {
      round = {
        roundId: task.roundId,
        number: task.round?.number ?? 0,
        title: task.round?.title ?? '',
        feedbackDeadline: task.round?.feedbackDeadline ?? task.dueAt ?? null,
        tasks: [],
        done: 0,
        overdue: 0,
      };
      rounds.set(task.roundId, round);
    }
    const state = taskState(task, now);
    round.tasks.push({ task, state });
    if (state === 'done') round.done++;
    if (state === 'overdue') round.overdue++;
  }
  const order: Record<TaskState, number> = { overdue: 0, open: 1, done: 2 };
  return [...rounds.values()]
    .map((r) => ({ ...r, tasks: [...r.tasks].sort((a, b) => order[a.state] - order[b.state]) }))
    .sort((a, b) => a.number - b.number);
}

/** Open and overdue tasks in all rounds: what the home page lists. */
export function openTaskCount(tasks: readonly Pick<TaskLike, 'done'>[]): number {
  return tasks.filter((t) => !t.done).length;
}
