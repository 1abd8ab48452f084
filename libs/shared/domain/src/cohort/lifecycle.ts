import type { CohortStatus } from '../rules/cohort-status';

/**
 * Every kind of change made inside a cohort. The API's cohort command boundary names one of these
 * for each command and refuses it here before anything is written (ADR 0012).
 */
export const CohortChangeKind = {
  /** Name, k, attendance share, feedback length, same-school support, reminder offsets. */
  Settings: 'SETTINGS',
  /** School year and start/end dates. */
  Dates: 'DATES',
  /** Open, complete, archive: which transition is allowed is `canTransitionCohort`'s rule. */
  Lifecycle: 'LIFECYCLE',
  /** Adding or removing course leaders (administrators). */
  Leaders: 'LEADERS',
  /** Enrolling and withdrawing participants, their same-school wish. */
  Membership: 'MEMBERSHIP',
  /** Meetings and analysis rounds: create, move, delete. */
  Schedule: 'SCHEDULE',
  /** Recording or correcting who attended a meeting. */
  Attendance: 'ATTENDANCE',
  /** Saving drafts and publishing analyses. */
  Analysis: 'ANALYSIS',
  /** Applying, repairing and locking a round's critical-friend allocation. */
  Allocation: 'ALLOCATION',
  /** A course leader's hand changes to assignments: add, remove, swap a critical friend. */
  Assignments: 'ASSIGNMENTS',
  /** Giving feedback, leader notes, the author's replies and "helpful" marks. */
  Feedback: 'FEEDBACK',
  /** A course leader's reminder mail to one participant. */
  Nudge: 'NUDGE',
  /** Issuing and revoking certificates of completion (ADR 0032): once the year is over. */
  Certificates: 'CERTIFICATES',
} as const;
export type CohortChangeKind = (typeof CohortChangeKind)[keyof typeof CohortChangeKind];

/**
 * How a refusal reaches the client: CONFLICT for a cohort whose status forbids the change, and
 * ROUND_NOT_OPEN for writing analyses outside an open cohort (the code participants got before).
 */
export type CohortChangeRefusalCode = 'CONFLICT' | 'ROUND_NOT_OPEN';

export interface CohortChangeRefusal {
  code: CohortChangeRefusalCode;
  message: string;
}

type Rule = true | CohortChangeRefusal;

const conflict = (message: string): CohortChangeRefusal => ({ code: 'CONFLICT', message });

const NOT_STARTED = conflict(
  'The cohort has not opened yet: allocation, feedback and reminders start when it opens.',
);
const ANALYSIS_NOT_OPEN: CohortChangeRefusal = {
  code: 'ROUND_NOT_OPEN',
  message: 'The cohort is not open: analyses can be written only while it runs.',
};
const DATES_FIXED = conflict(
  "The cohort's school year and dates can only be changed while it is being planned.",
);
const NOT_COMPLETED = conflict(
  'Certificates of completion are issued once the cohort has been marked completed.',
);
const COMPLETED = conflict('A completed cohort can only have its attendance corrected or be archived.');
const ARCHIVED = conflict('An archived cohort cannot be changed.');

/**
 * What each status allows, per kind of change. `true` allows it; otherwise the refusal.
 *
 * - PLANNING: everything needed to set the cohort up (settings, dates, leaders, participants,
 *   schedule, attendance). Nothing has been written or allocated yet, so analyses, allocation,
 *   assignments, feedback and nudges wait until it opens.
 * - OPEN: everything but the dates (rounds, certificates and reminders hang on them) and
 *   certificates, which wait for the year to be over.
 * - COMPLETED: the course is over and certificates are issued (and revoked) from what is recorded.
 *   Only attendance may still be corrected (the last meeting's register is often entered
 *   afterwards) and the cohort archived; everything else is final.
 * - ARCHIVED: read-only; no change of any kind (there is no transition out of ARCHIVED either).
 *
 * LIFECYCLE is allowed in every status here; `canTransitionCohort` decides which move is legal
 * (INVALID_STATE_TRANSITION otherwise), so the two rules never disagree.
 */
export const COHORT_LIFECYCLE: Readonly<Record<CohortStatus, Readonly<Record<CohortChangeKind, Rule>>>> =
  Object.freeze({
    PLANNING: Object.freeze({
      SETTINGS: true,
      DATES: true,
      LIFECYCLE: true,
      LEADERS: true,
      MEMBERSHIP: true,
      SCHEDULE: true,
      ATTENDANCE: true,
      ANALYSIS: ANALYSIS_NOT_OPEN,
      ALLOCATION: NOT_STARTED,
      ASSIGNMENTS: NOT_STARTED,
      FEEDBACK: NOT_STARTED,
      NUDGE: NOT_STARTED,
      CERTIFICATES: NOT_COMPLETED,
    }),
    OPEN: Object.freeze({
      SETTINGS: true,
      DATES: DATES_FIXED,
      LIFECYCLE: true,
      LEADERS: true,
      MEMBERSHIP: true,
      SCHEDULE: true,
      ATTENDANCE: true,
      ANALYSIS: true,
      ALLOCATION: true,
      ASSIGNMENTS: true,
      FEEDBACK: true,
      NUDGE: true,
      CERTIFICATES: NOT_COMPLETED,
    }),
    COMPLETED: Object.freeze({
      SETTINGS: COMPLETED,
      DATES: DATES_FIXED,
      LIFECYCLE: true,
      LEADERS: COMPLETED,
      MEMBERSHIP: COMPLETED,
      SCHEDULE: COMPLETED,
      ATTENDANCE: true,
      ANALYSIS: ANALYSIS_NOT_OPEN,
      ALLOCATION: COMPLETED,
      ASSIGNMENTS: COMPLETED,
      FEEDBACK: COMPLETED,
      NUDGE: COMPLETED,
      CERTIFICATES: true,
    }),
    ARCHIVED: Object.freeze({
      SETTINGS: ARCHIVED,
      DATES: ARCHIVED,
      LIFECYCLE: true,
      LEADERS: ARCHIVED,
      MEMBERSHIP: ARCHIVED,
      SCHEDULE: ARCHIVED,
      ATTENDANCE: ARCHIVED,
      ANALYSIS: ARCHIVED,
      ALLOCATION: ARCHIVED,
      ASSIGNMENTS: ARCHIVED,
      FEEDBACK: ARCHIVED,
      NUDGE: ARCHIVED,
      CERTIFICATES: ARCHIVED,
    }),
  });

const KINDS: readonly string[] = Object.values(CohortChangeKind);

/**
 * Why the cohort's status refuses this kind of change, or null when it is allowed. An unknown
 * status or kind (a value read from outside that is not in the table) is refused, never allowed.
 */
export function cohortChangeRefusal(
  status: CohortStatus,
  kind: CohortChangeKind,
): CohortChangeRefusal | null {
  const row = (COHORT_LIFECYCLE as Record<string, Record<string, Rule> | undefined>)[status];
  if (!row || !KINDS.includes(kind)) return conflict(`Unknown cohort status or change: ${status}, ${kind}.`);
  const rule = row[kind];
  return rule === true ? null : rule;
}

/** The kinds of change a cohort in this status still takes, e.g. to decide which actions to show. */
export function allowedCohortChanges(status: CohortStatus): CohortChangeKind[] {
  return (Object.values(CohortChangeKind) as CohortChangeKind[]).filter(
    (kind) => cohortChangeRefusal(status, kind) === null,
  );
}
