/**
 * Types of participant completion (product rule 6). Pure data: no framework, no I/O.
 */

/** One analysis round as seen from one participant. */
export interface CompletionRoundInput {
  readonly roundId: string;
  readonly number: number;
  /** The participant's analysis for this round is published. */
  readonly published: boolean;
  /** Feedback from critical friends (peers) on that analysis, over all its versions. */
  readonly peerFeedbackCount: number;
  /** At least one course leader gave feedback on that analysis. */
  readonly leaderFeedback: boolean;
  /** The participant's own live critical-friend assignments in this round. */
  readonly tasksTotal: number;
  readonly tasksDone: number;
  /** When given together with `now`, overdue flags are computed. */
  readonly submissionDeadline?: Date;
  readonly feedbackDeadline?: Date;
}

export interface CompletionMeetings {
  /** Meetings of the cohort the participant was recorded present at. */
  readonly attended: number;
  /** Meetings of the cohort that have started by `now` (what "so far" means for being on track). */
  readonly held: number;
  /** All meetings the cohort plans (≥ 8 in an open cohort): the base of the required share. */
  readonly planned: number;
}

export interface CompletionInput {
  readonly rounds: readonly CompletionRoundInput[];
  readonly meetings: CompletionMeetings;
  /** The cohort's required share of meetings, 0–1. */
  readonly requiredAttendanceShare: number;
  /** Published analyses with leader and peer feedback needed; default MIN_PUBLISHED_ANALYSES_FOR_COMPLETION. */
  readonly minPublished?: number;
  /** The moment overdue flags refer to; without it no round is ever overdue. */
  readonly now?: Date;
  /** The organisation's thresholds of the support signal; DEFAULT_SUPPORT_THRESHOLDS when absent. */
  readonly supportThresholds?: SupportThresholds;
}

/**
 * The graded support signal (course rule 8), from least to most serious. ON_TRACK: nothing in the
 * participant's own hands is overdue. BEHIND: something is, but not (yet) by much. NEEDS_SUPPORT:
 * an own task is long overdue, several analyses are missing, or attendance of the meetings held is
 * below the cohort's required share.
 */
export type SupportLevel = 'ON_TRACK' | 'BEHIND' | 'NEEDS_SUPPORT';

/** What an organisation may set about the support signal; whole days and rounds, easy to explain. */
export interface SupportThresholds {
  /** An own task (analysis or critical-friend task) this many whole days past its deadline makes the participant BEHIND. */
  readonly behindAfterDays: number;
  /** An own analysis this many whole days past its deadline makes the participant NEEDS_SUPPORT. */
  readonly needsSupportAfterDays: number;
  /** This many rounds with the participant's analysis overdue makes them NEEDS_SUPPORT. */
  readonly needsSupportRoundsMissed: number;
}

export type CompletionMissingCode =
  /** Fewer published analyses than required. */
  | 'TOO_FEW_PUBLISHED'
  /** A published analysis has no feedback from a course leader yet. */
  | 'LEADER_FEEDBACK_MISSING'
  /** A published analysis has no feedback from a critical friend yet. */
  | 'PEER_FEEDBACK_MISSING'
  /** The participant's own critical-friend assignments are not all done. */
  | 'REVIEW_TASKS_OPEN'
  /** Attended fewer meetings than the cohort's required share. */
  | 'ATTENDANCE_TOO_LOW';

/** One thing that stands between the participant and completion: a code for the UI and an English sentence. */
export interface CompletionMissing {
  readonly code: CompletionMissingCode;
  readonly message: string;
  /** The round concerned, for per-round items. */
  readonly roundId?: string;
  readonly roundNumber?: number;
  /** How many are needed in all (published analyses, meetings) or how many are open (tasks). */
  readonly required?: number;
  readonly actual?: number;
}

export interface RoundCompletion {
  readonly roundId: string;
  readonly number: number;
  readonly published: boolean;
  readonly peerFeedbackCount: number;
  readonly leaderFeedback: boolean;
  /** Published, with leader feedback and at least one peer feedback: counts towards completion. */
  readonly complete: boolean;
  readonly tasksTotal: number;
  readonly tasksDone: number;
  /** Not published and the submission deadline has passed. */
  readonly submissionOverdue: boolean;
  /** Published, the feedback deadline has passed and leader or peer feedback is still missing. */
  readonly feedbackOverdue: boolean;
  /** The feedback deadline has passed and some of the participant's own assignments are open. */
  readonly tasksOverdue: boolean;
}

export interface CompletionResult {
  readonly completed: boolean;
  /** In round number order. */
  readonly rounds: readonly RoundCompletion[];
  readonly publishedCount: number;
  /** Rounds that are `complete` (published with leader and peer feedback). */
  readonly completeCount: number;
  readonly minPublished: number;
  readonly tasksTotal: number;
  readonly tasksDone: number;
  readonly meetingsAttended: number;
  readonly meetingsHeld: number;
  readonly meetingsPlanned: number;
  /** Meetings needed: the required share of the planned meetings, rounded up. */
  readonly meetingsRequired: number;
  /** attended / planned (0 when the cohort plans no meetings). */
  readonly attendanceShare: number;
  readonly attendanceMet: boolean;
  /** attended ≥ required share of the meetings held so far. */
  readonly attendanceOnTrack: boolean;
  /**
   * Course rule 8, graded: the most serious level of `supportReasons`, ON_TRACK when there are none.
   * Never raised by what others owe them, such as late feedback on their analysis.
   */
  readonly supportLevel: SupportLevel;
  /** `supportLevel` is NEEDS_SUPPORT (kept for callers of the former yes/no signal). */
  readonly needsSupport: boolean;
  /** Why the participant is behind or needs support, in rule order; empty exactly when ON_TRACK (always after completion). */
  readonly supportReasons: readonly SupportReason[];
  /** Empty exactly when `completed`. */
  readonly missing: readonly CompletionMissing[];
}

/**
 * Why a participant may need closer support (course rule 8), only from what is in their own hands:
 * their own submissions, their own critical-friend tasks, their attendance of the meetings held.
 */
export type SupportReasonCode =
  /** A round's submission deadline has passed and the participant's analysis is not published. */
  | 'ANALYSIS_OVERDUE'
  /** A round's feedback deadline has passed and some of the participant's own critical-friend tasks are open. */
  | 'TASKS_OVERDUE'
  /** The participant attended fewer meetings than the cohort's required share of those held so far. */
  | 'ATTENDANCE_BEHIND';

/**
 * One reason with its numbers and a plain English sentence (the UI words its own from the code and
 * the numbers, e.g. "omgång 3: analysen 6 dagar sen").
 */
export interface SupportReason {
  readonly code: SupportReasonCode;
  /** How serious this reason alone is: BEHIND or NEEDS_SUPPORT. */
  readonly level: Exclude<SupportLevel, 'ON_TRACK'>;
  /** The round concerned ([n]) for analyses and tasks; empty for attendance. */
  readonly roundNumbers: readonly number[];
  /** Whole days past the deadline (analyses and tasks). */
  readonly days?: number;
  /** Attendance: meetings held so far that the participant missed, and how many were held. */
  readonly missed?: number;
  readonly held?: number;
  readonly message: string;
}
