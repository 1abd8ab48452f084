/**
 * A participant's way to completion (rule 6) in plain lines: what is done against what is needed,
 * and what is still missing, in the reader's own words ("Du behöver …").
 */
export interface ProgressFacts {
  publishedCount: number;
  minPublished: number;
  completeCount: number;
  completed: boolean;
  tasksDone: number;
  tasksTotal: number;
  meetingsAttended: number;
  meetingsHeld: number;
  meetingsPlanned: number;
  meetingsRequired: number;
  attendanceMet: boolean;
  missing: readonly {
    code: string;
    roundNumber?: number | null;
    required?: number | null;
    actual?: number | null;
  }[];
}

export interface ProgressLine {
  id: 'published' | 'complete' | 'tasks' | 'meetings';
  /** Translation key under review.progress.lines. */
  key: string;
  params: Record<string, number>;
  met: boolean;
}

export function progressLines(p: ProgressFacts): ProgressLine[] {
  return [
    {
      id: 'published',
      key: 'review.progress.lines.published',
      params: { count: p.publishedCount, min: p.minPublished },
      met: p.publishedCount >= p.minPublished,
    },
    {
      id: 'complete',
      key: 'review.progress.lines.complete',
      params: { count: p.completeCount, min: p.minPublished },
      met: p.completeCount >= p.minPublished,
    },
    {
      id: 'tasks',
      key: 'review.progress.lines.tasks',
      params: { done: p.tasksDone, total: p.tasksTotal },
      met: p.tasksDone >= p.tasksTotal,
    },
    {
      id: 'meetings',
      key: 'review.progress.lines.meetings',
      params: { attended: p.meetingsAttended, planned: p.meetingsPlanned, required: p.meetingsRequired },
      met: p.attendanceMet,
    },
  ];
}

export interface MissingLine {
  key: string;
  params: Record<string, number | string>;
}

const MISSING_CODES = [
  'TOO_FEW_PUBLISHED',
  'LEADER_FEEDBACK_MISSING',
  'PEER_FEEDBACK_MISSING',
  'REVIEW_TASKS_OPEN',
  'ATTENDANCE_TOO_LOW',
] as const;

/**
 * What stands between the participant and completion, one sentence each. Feedback missing on
 * several analyses is said once per kind, listing the rounds.
 */
export function missingLines(p: ProgressFacts): MissingLine[] {
  const lines: MissingLine[] = [];
  for (const code of MISSING_CODES) {
    const items = p.missing.filter((m) => m.code === code);
    if (!items.length) continue;
    const first = items[0];
    const params: Record<string, number | string> = {
      required: first.required ?? 0,
      actual: first.actual ?? 0,
      left: Math.max(0, (first.required ?? 0) - (first.actual ?? 0)),
      count: items.length,
      rounds: items
        .map((m) => m.roundNumber)
        .filter((n): n is number => n != null)
        .join(', '),
    };
    lines.push({ key: `review.progress.missing.${code}`, params });
  }
  return lines;
}
