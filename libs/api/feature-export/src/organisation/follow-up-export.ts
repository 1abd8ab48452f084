import type { DashboardFiguresModel, OrganisationDashboardModel } from '@stl/api/feature-review';
import type { ExportColumn, ExportSheet, ExportValue, ExportWorkbook } from '../table/export-table';

/** The words for a group without a name of its own. */
export const ALL_SV = 'Alla';
export const NO_SCHOOL_SV = 'Ingen skola';

/** The figures of one group, in the order of `FIGURE_COLUMNS`. */
const FIGURE_COLUMNS: ExportColumn[] = [
  { header: 'Deltagare', type: 'integer' },
  { header: 'Fullföljt', type: 'integer' },
  { header: 'Andel fullföljt', type: 'share' },
  { header: 'Enligt plan', type: 'integer' },
  { header: 'Efter', type: 'integer' },
  { header: 'Behöver stöd', type: 'integer' },
  { header: 'Publicerade analyser', type: 'integer' },
  { header: 'Försenade analyser', type: 'integer' },
  { header: 'Försenad återkoppling', type: 'integer' },
  { header: 'Försenade uppdrag som kritisk vän', type: 'integer' },
  { header: 'Träffar hållna (per deltagare)', type: 'integer' },
  { header: 'Träffar närvarat', type: 'integer' },
  { header: 'Närvaro', type: 'share' },
  { header: 'Kritisk vän: analyser med återkoppling', type: 'integer' },
  { header: 'Kritisk vän: analyser som väntar', type: 'integer' },
  { header: 'Kritisk vän: median (timmar)', type: 'decimal' },
  { header: 'Kritisk vän: 90:e percentilen (timmar)', type: 'decimal' },
  { header: 'Kursledare: analyser med återkoppling', type: 'integer' },
  { header: 'Kursledare: analyser som väntar', type: 'integer' },
  { header: 'Kursledare: median (timmar)', type: 'decimal' },
  { header: 'Kursledare: 90:e percentilen (timmar)', type: 'decimal' },
];

/** Hours to one decimal, as the dashboard shows them. */
const hours = (h: number | null): number | null => (h === null ? null : Math.round(h * 10) / 10);

function figureCells(f: DashboardFiguresModel): ExportValue[] {
  return [
    f.participants,
    f.completed,
    f.completionRate,
    f.onTrack,
    f.behind,
    f.needsSupport,
    f.publishedAnalyses,
    f.overdueAnalyses,
    f.overdueFeedback,
    f.overdueReviewTasks,
    f.meetingsHeld,
    f.meetingsAttended,
    f.attendanceRate,
    f.peerTurnaround.received,
    f.peerTurnaround.waiting,
    hours(f.peerTurnaround.medianHours),
    hours(f.peerTurnaround.p90Hours),
    f.leaderTurnaround.received,
    f.leaderTurnaround.waiting,
    hours(f.leaderTurnaround.medianHours),
    hours(f.leaderTurnaround.p90Hours),
  ];
}

/**
 * The organisation's follow-up as a table (issue 14), with exactly the dashboard's figures: the
 * first sheet (the CSV) has the whole selection, then one row per school; further sheets (XLSX)
 * hold the cohorts with their dates, the school years side by side, and the analyses per round.
 */
export function followUpWorkbook(d: OrganisationDashboardModel, organisationName: string): ExportWorkbook {
  const year = d.schoolYear ?? '';
  const schools: ExportSheet = {
    name: 'Uppföljning',
    columns: [
      { header: 'Organisation', type: 'text', width: 24 },
      { header: 'Läsår', type: 'text', width: 9 },
      { header: 'Skola', type: 'text', width: 28 },
      ...FIGURE_COLUMNS,
    ],
    rows: [
      [organisationName, year, ALL_SV, ...figureCells(d.total)],
      ...d.bySchool.map((s) => [organisationName, year, s.id ? s.label : NO_SCHOOL_SV, ...figureCells(s)]),
    ],
  };
  const cohortDates = new Map(d.cohorts.map((c) => [c.id, c]));
  const day = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T12:00:00Z`) : null);
  const cohorts: ExportSheet = {
    name: 'Kohorter',
    columns: [
      { header: 'Kohort', type: 'text', width: 28 },
      { header: 'Läsår', type: 'text', width: 9 },
      { header: 'Startar', type: 'date' },
      { header: 'Slutar', type: 'date' },
      ...FIGURE_COLUMNS,
    ],
    rows: d.byCohort.map((c) => [
      c.label,
      year,
      day(cohortDates.get(c.id ?? '')?.startsOn),
      day(cohortDates.get(c.id ?? '')?.endsOn),
      ...figureCells(c),
    ]),
  };
  const years: ExportSheet = {
    name: 'Läsår',
    columns: [{ header: 'Läsår', type: 'text', width: 9 }, ...FIGURE_COLUMNS],
    rows: d.bySchoolYear.map((y) => [y.label, ...figureCells(y)]),
  };
  const rounds: ExportSheet = {
    name: 'Analysomgångar',
    columns: [
      { header: 'Analys', type: 'integer', width: 8 },
      { header: 'Deltagare', type: 'integer' },
      { header: 'Publicerade', type: 'integer' },
      { header: 'Andel publicerade', type: 'share' },
    ],
    rows: d.rounds.map((r) => [
      r.number,
      r.participants,
      r.published,
      r.participants ? r.published / r.participants : null,
    ]),
  };
  return { sheets: [schools, cohorts, years, rounds] };
}
