import type { ExportColumn, ExportSheet, ExportValue, ExportWorkbook } from '../table/export-table';
import { OVERDUE_SV, ROUND_STATE_SV, SUPPORT_LEVEL_SV, supportReasonSv } from './swedish';
import type { OverdueKind, RoundState, SupportReasonFacts } from './swedish';
import type { SupportLevel } from '@stl/shared/domain';

/** The parts of a round the export needs (the cohort's rounds, in number order). */
export interface ExportRound {
  id: string;
  number: number;
  title: string;
  opensAt: Date;
  submissionDeadline: Date;
  feedbackDeadline: Date;
}

/** The parts of `ParticipantProgress` (the API's follow-up rows) the export writes. */
export interface ExportProgressRow {
  person: { fullName: string };
  schoolName: string | null;
  completed: boolean;
  supportLevel: SupportLevel;
  supportReasons: readonly SupportReasonFacts[];
  publishedCount: number;
  minPublished: number;
  completeCount: number;
  tasksDone: number;
  tasksTotal: number;
  meetingsAttended: number;
  meetingsHeld: number;
  meetingsPlanned: number;
  meetingsRequired: number;
  attendanceShare: number;
  rounds: readonly {
    roundId: string;
    analysisStatus: 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';
    published: boolean;
    peerFeedbackCount: number;
    leaderFeedback: boolean;
    tasksDone: number;
    tasksTotal: number;
    submissionOverdue: boolean;
    feedbackOverdue: boolean;
    tasksOverdue: boolean;
  }[];
}

/** As the matrix cell says it: published wins, a round not open yet is NOT_OPEN. */
export function roundState(
  round: ExportRound,
  progress: ExportProgressRow['rounds'][number] | undefined,
  now: Date,
): RoundState {
  if (progress?.published || progress?.analysisStatus === 'PUBLISHED') return 'PUBLISHED';
  if (round.opensAt.getTime() > now.getTime()) return 'NOT_OPEN';
  return progress?.analysisStatus ?? 'NOT_STARTED';
}

const PARTICIPANT_COLUMNS: ExportColumn[] = [
  { header: 'Namn', type: 'text', width: 28 },
  { header: 'Skola', type: 'text', width: 28 },
  { header: 'Fullföljt', type: 'yesNo' },
  { header: 'Stödnivå', type: 'text', width: 14 },
  { header: 'Skäl', type: 'text', width: 48 },
  { header: 'Publicerade analyser', type: 'integer' },
  { header: 'Analyser som krävs', type: 'integer' },
  { header: 'Analyser med all återkoppling', type: 'integer' },
  { header: 'Återkoppling given som kritisk vän', type: 'integer' },
  { header: 'Uppdrag som kritisk vän', type: 'integer' },
  { header: 'Träffar närvarat', type: 'integer' },
  { header: 'Träffar hållna', type: 'integer' },
  { header: 'Träffar planerade', type: 'integer' },
  { header: 'Träffar som krävs', type: 'integer' },
  { header: 'Närvaro av planerade träffar', type: 'share' },
];

function roundColumns(n: number): ExportColumn[] {
  return [
    { header: `Analys ${n}: status`, type: 'text', width: 14 },
    { header: `Analys ${n}: återkoppling från kritiska vänner`, type: 'integer' },
    { header: `Analys ${n}: kursledarens återkoppling`, type: 'yesNo' },
    { header: `Analys ${n}: given återkoppling som kritisk vän`, type: 'integer' },
    { header: `Analys ${n}: uppdrag som kritisk vän`, type: 'integer' },
    { header: `Analys ${n}: försenat`, type: 'text', width: 20 },
  ];
}

function roundCells(
  round: ExportRound,
  p: ExportProgressRow['rounds'][number] | undefined,
  now: Date,
): ExportValue[] {
  const state = roundState(round, p, now);
  if (state === 'NOT_OPEN') return [ROUND_STATE_SV.NOT_OPEN, null, null, null, null, null];
  const published = state === 'PUBLISHED';
  const overdue: OverdueKind[] = [];
  if (p?.submissionOverdue) overdue.push('SUBMISSION');
  if (p?.feedbackOverdue) overdue.push('FEEDBACK');
  if (p?.tasksOverdue) overdue.push('TASKS');
  return [
    ROUND_STATE_SV[state],
    // Feedback received exists only on a published analysis; the matrix shows it only then.
    published ? (p?.peerFeedbackCount ?? 0) : null,
    published ? (p?.leaderFeedback ?? false) : null,
    p?.tasksDone ?? 0,
    p?.tasksTotal ?? 0,
    overdue.map((o) => OVERDUE_SV[o]).join(', '),
  ];
}

/**
 * The progress matrix as a table: one row per participant (in the screen's order), the
 * participant's totals and support signal with its reasons, then six columns per round with what
 * the matrix cell says. A second sheet lists the rounds with their dates.
 */
export function progressWorkbook(
  rows: readonly ExportProgressRow[],
  rounds: readonly ExportRound[],
  now: Date,
): ExportWorkbook {
  const progress: ExportSheet = {
    name: 'Framsteg',
    columns: [...PARTICIPANT_COLUMNS, ...rounds.flatMap((r) => roundColumns(r.number))],
    rows: rows.map((row) => {
      const byRound = new Map(row.rounds.map((r) => [r.roundId, r]));
      return [
        row.person.fullName,
        row.schoolName,
        row.completed,
        SUPPORT_LEVEL_SV[row.supportLevel],
        row.supportReasons.map(supportReasonSv).join('; '),
        row.publishedCount,
        row.minPublished,
        row.completeCount,
        row.tasksDone,
        row.tasksTotal,
        row.meetingsAttended,
        row.meetingsHeld,
        row.meetingsPlanned,
        row.meetingsRequired,
        row.attendanceShare,
        ...rounds.flatMap((round) => roundCells(round, byRound.get(round.id), now)),
      ];
    }),
  };
  const roundSheet: ExportSheet = {
    name: 'Analysomgångar',
    columns: [
      { header: 'Analys', type: 'integer', width: 8 },
      { header: 'Titel', type: 'text', width: 36 },
      { header: 'Öppnar', type: 'datetime' },
      { header: 'Inlämning senast', type: 'datetime' },
      { header: 'Återkoppling senast', type: 'datetime' },
    ],
    rows: rounds.map((r) => [r.number, r.title, r.opensAt, r.submissionDeadline, r.feedbackDeadline]),
  };
  return { sheets: [progress, roundSheet] };
}
