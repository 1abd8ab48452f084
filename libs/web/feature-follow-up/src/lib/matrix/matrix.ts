/**
 * The progress matrix as pure data: what each cell (participant × round) says, and which rows a
 * filter keeps. No Angular here, so the rules are unit-tested.
 */
import type { SupportReasonFacts } from '@stl/web/util-i18n';

/** One participant's round, as the API reports it (facts and flags, never text). */
export interface RoundProgressLike {
  roundId: string;
  analysisStatus: 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';
  published: boolean;
  complete: boolean;
  leaderFeedback: boolean;
  peerFeedbackCount: number;
  submissionOverdue: boolean;
  feedbackOverdue: boolean;
  tasksDone: number;
  tasksTotal: number;
  tasksOverdue: boolean;
}

export interface RoundLike {
  id: string;
  number: number;
  opensAt: string;
}

export interface ProgressRowLike {
  person: { id: string; fullName: string };
  schoolId?: string | null;
  schoolName?: string | null;
  /** The API's graded signal (course rule 8), the same as its filter and the school leader's page. */
  supportLevel: SupportLevelLike;
  supportReasons: readonly SupportReasonFacts[];
  completed: boolean;
  rounds: readonly RoundProgressLike[];
}

export type SupportLevelLike = 'ON_TRACK' | 'BEHIND' | 'NEEDS_SUPPORT';

export interface AnalysisRefLike {
  id: string;
  authorId: string;
  roundId: string;
}

/** Where the participant's analysis of a round stands; NOT_OPEN before the round opens. */
export type AnalysisState = 'NOT_OPEN' | 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';

/** What is late: the analysis itself, the feedback on it, or their own critical-friend tasks. */
export type OverdueKind = 'SUBMISSION' | 'FEEDBACK' | 'TASKS';

export interface MatrixCell {
  roundId: string;
  roundNumber: number;
  state: AnalysisState;
  /** Published, to link to for leader feedback; null when not published (or not known). */
  analysisId: string | null;
  /** Feedback given to them by critical friends, and how many are expected (k). */
  peerFeedback: number;
  peersExpected: number;
  leaderFeedback: boolean;
  /** Feedback given by them, as a critical friend, in this round. */
  tasksDone: number;
  tasksTotal: number;
  overdue: OverdueKind[];
  /** Published with leader feedback and at least one peer feedback. */
  complete: boolean;
}

export interface MatrixRow {
  personId: string;
  fullName: string;
  schoolId: string | null;
  schoolName: string | null;
  supportLevel: SupportLevelLike;
  supportReasons: readonly SupportReasonFacts[];
  completed: boolean;
  cells: MatrixCell[];
}

export function deriveCell(
  round: RoundLike,
  progress: RoundProgressLike | undefined,
  peersExpected: number,
  now: number,
  analysisId: string | null = null,
): MatrixCell {
  const opened = new Date(round.opensAt).getTime() <= now;
  const status = progress?.analysisStatus ?? 'NOT_STARTED';
  const state: AnalysisState =
    status === 'PUBLISHED' || progress?.published ? 'PUBLISHED' : !opened ? 'NOT_OPEN' : status;
  const overdue: OverdueKind[] = [];
  if (progress?.submissionOverdue) overdue.push('SUBMISSION');
  if (progress?.feedbackOverdue) overdue.push('FEEDBACK');
  if (progress?.tasksOverdue) overdue.push('TASKS');
  return {
    roundId: round.id,
    roundNumber: round.number,
    state,
    analysisId: state === 'PUBLISHED' ? analysisId : null,
    peerFeedback: progress?.peerFeedbackCount ?? 0,
    peersExpected,
    leaderFeedback: progress?.leaderFeedback ?? false,
    tasksDone: progress?.tasksDone ?? 0,
    tasksTotal: progress?.tasksTotal ?? 0,
    overdue,
    complete: progress?.complete ?? false,
  };
}

/** One row per participant, one cell per round of the cohort (in the cohort's round order). */
export function buildMatrix(
  rows: readonly ProgressRowLike[],
  rounds: readonly RoundLike[],
  analyses: readonly AnalysisRefLike[],
  peersExpected: number,
  now: number,
): MatrixRow[] {
  const analysisOf = new Map(analyses.map((a) => [`${a.authorId}:${a.roundId}`, a.id]));
  return rows.map((row) => {
    const byRound = new Map(row.rounds.map((r) => [r.roundId, r]));
    return {
      personId: row.person.id,
      fullName: row.person.fullName,
      schoolId: row.schoolId ?? null,
      schoolName: row.schoolName ?? null,
      supportLevel: row.supportLevel,
      supportReasons: row.supportReasons,
      completed: row.completed,
      cells: rounds.map((round) =>
        deriveCell(
          round,
          byRound.get(round.id),
          peersExpected,
          now,
          analysisOf.get(`${row.person.id}:${round.id}`) ?? null,
        ),
      ),
    };
  });
}

export const STATUS_FILTERS = [
  'ALL',
  'OVERDUE',
  'MISSING_LEADER_FEEDBACK',
  'NOT_PUBLISHED',
  'BEHIND',
  'NEEDS_SUPPORT',
  'COMPLETED',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === 'string' && (STATUS_FILTERS as readonly string[]).includes(value);
}

export interface MatrixFilter {
  /** Only participants enrolled from this school; null for all. */
  schoolId: string | null;
  status: StatusFilter;
  /** Look at this round only for the cell-based statuses; null for any round. */
  roundId: string | null;
}

export function cellMatches(cell: MatrixCell, status: StatusFilter): boolean {
  switch (status) {
    case 'OVERDUE':
      return cell.overdue.length > 0;
    case 'MISSING_LEADER_FEEDBACK':
      return cell.state === 'PUBLISHED' && !cell.leaderFeedback;
    case 'NOT_PUBLISHED':
      return cell.state === 'NOT_STARTED' || cell.state === 'DRAFT';
    default:
      return true;
  }
}

export function rowMatches(row: MatrixRow, filter: MatrixFilter): boolean {
  if (filter.schoolId && row.schoolId !== filter.schoolId) return false;
  switch (filter.status) {
    case 'ALL':
      return true;
    case 'BEHIND':
      return row.supportLevel !== 'ON_TRACK';
    case 'NEEDS_SUPPORT':
      return row.supportLevel === 'NEEDS_SUPPORT';
    case 'COMPLETED':
      return row.completed;
    default: {
      const cells = filter.roundId ? row.cells.filter((c) => c.roundId === filter.roundId) : row.cells;
      return cells.some((c) => cellMatches(c, filter.status));
    }
  }
}

export function filterMatrix(rows: readonly MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  return rows.filter((row) => rowMatches(row, filter));
}

/** The schools the participants come from, by name, for the school filter. */
export function schoolsOf(rows: readonly MatrixRow[]): { id: string; name: string }[] {
  const schools = new Map<string, string>();
  for (const r of rows) if (r.schoolId) schools.set(r.schoolId, r.schoolName ?? r.schoolId);
  return [...schools].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * The quick choice "everyone late in round N": participants whose own work in that round is late
 * (their analysis, or their critical-friend tasks). Late feedback *on* their analysis is someone
 * else's task, so it does not count.
 */
export function overdueIn(rows: readonly MatrixRow[], roundId: string): MatrixRow[] {
  return rows.filter((row) =>
    row.cells.some(
      (c) => c.roundId === roundId && (c.overdue.includes('SUBMISSION') || c.overdue.includes('TASKS')),
    ),
  );
}
