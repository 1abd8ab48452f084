import type { Instant } from './format';
import type { DigestibleKind, MailKind } from './mail-kind';
import type { MailLocale } from './locale';

/**
 * What each kind of mail needs to be rendered. Plain JSON-friendly data (dates may be ISO strings),
 * so the same object can be stored as an outbox payload and rendered later by the worker.
 */

export interface MailContext {
  /** Defaults to Swedish. */
  locale?: MailLocale;
  /** Where the web app is served, e.g. `https://stl.larkby.se`; every link in the mail starts here. */
  baseUrl: string;
  recipientName: string;
  /**
   * Signed one-click link that turns this kind of mail off for the recipient (signed elsewhere).
   * Required for every kind but the account kinds, which cannot be turned off.
   */
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface CohortRef {
  cohortId: string;
  cohortName: string;
}

export interface RoundRef extends CohortRef {
  roundId: string;
  roundNumber: number;
}

/** One analysis a critical friend is to give feedback on. */
export interface ReviewTask {
  assignmentId: string;
  analysisId: string;
  authorName: string;
  analysisTitle: string;
}

export interface ReviewAssignedData extends RoundRef, ReviewTask {
  feedbackDueAt: Instant;
}

export interface FeedbackReceivedData extends RoundRef {
  analysisId: string;
  analysisTitle: string;
  reviewerName: string;
  reviewerRole: 'peer' | 'leader';
}

export interface AnalysisPublishedData extends RoundRef {
  analysisId: string;
  analysisTitle: string;
  authorName: string;
  feedbackDueAt: Instant;
  /** The published text's first answered section (sanitised HTML); the mail shows its start as plain text. */
  excerptHtml?: string;
}

/** Feedback due in 48 hours or today: every review of the round still open for this reviewer. */
export interface FeedbackDueData extends RoundRef {
  feedbackDueAt: Instant;
  reviews: ReviewTask[];
}

export interface FeedbackOverdueData extends FeedbackDueData {
  /** 1 for the first overdue reminder, 2 for the second… */
  reminderNumber: number;
}

/** To the course leader once a reviewer has had all their overdue reminders. */
export interface FeedbackOverdueLeaderNoticeData extends RoundRef {
  reviewerName: string;
  reviewerSchoolName?: string;
  remindersSent: number;
  feedbackDueAt: Instant;
  reviews: ReviewTask[];
}

export interface SubmissionDueData extends RoundRef {
  submissionDueAt: Instant;
  /** Whether the participant has an unpublished draft for the round. */
  hasDraft: boolean;
}

export type SubmissionOverdueData = SubmissionDueData;

export interface MeetingMaterial {
  title: string;
  url: string;
}

/** A meeting happens at a place, over video, or both. */
export type MeetingWhere = { place: string; videoUrl?: string } | { place?: string; videoUrl: string };

export type MeetingTomorrowData = CohortRef &
  MeetingWhere & {
    meetingId: string;
    meetingNumber: number;
    title: string;
    startsAt: Instant;
    endsAt: Instant;
    /** What to do before the meeting; line breaks are kept. */
    preparation?: string;
    materials: MeetingMaterial[];
    discussionQuestions: string[];
  };

/** Something a participant has not done yet, as the weekly summary lists it. */
export type MissingItem =
  | { type: 'analysis'; roundNumber: number; dueAt: Instant }
  | { type: 'peerFeedback'; roundNumber: number; authorName: string; dueAt: Instant }
  | { type: 'leaderFeedback'; roundNumber: number }
  | { type: 'absence'; meetingNumber: number; meetingDate: Instant };

export interface PersonMissing {
  name: string;
  schoolName: string;
  missing: MissingItem[];
}

export interface WeeklyLeaderSummaryData {
  /** Any moment in the week summarised; gives the week number. */
  weekOf: Instant;
  cohorts: (CohortRef & { people: PersonMissing[] })[];
}

/** The graded support signal of course rule 8 (`supportLevel` in libs/shared/domain). */
export type SupportLevel = 'ON_TRACK' | 'BEHIND' | 'NEEDS_SUPPORT';

/**
 * One reason of the support signal, as the screens get it (`SupportReason` in libs/shared/domain):
 * a code and its numbers, never free text.
 */
export interface SupportReasonData {
  code: 'ANALYSIS_OVERDUE' | 'TASKS_OVERDUE' | 'ATTENDANCE_BEHIND';
  /** The round concerned, for analyses and tasks. */
  roundNumbers: number[];
  /** Whole days past the deadline (analyses and tasks). */
  days?: number;
  /** Attendance: meetings held so far that were missed, of how many. */
  missed?: number;
  held?: number;
}

/** What the monthly report said before it used the screens' rule (issue 19); read from old payloads only. */
export type LegacySupportSignal = 'analysesBehind' | 'feedbackOverdue' | 'lowAttendance';

/** Progress only: school leaders never see what teachers wrote. */
export interface TeacherProgress {
  name: string;
  analysesPublished: number;
  /** Published analyses the course asks for (the screens' "3 av 6"). */
  analysesRequired: number;
  feedbackGiven: number;
  feedbackAssigned: number;
  meetingsAttended: number;
  meetingsHeld: number;
  /** Done with the course: nothing is flagged any more. */
  completed?: boolean;
  /** The same signal and reasons the school leader's page shows (course rule 8). */
  supportLevel?: SupportLevel;
  supportReasons?: SupportReasonData[];
  /** Only in reports queued by an earlier release. */
  supportSignals?: LegacySupportSignal[];
}

export interface SchoolLeaderSummaryData {
  schoolId: string;
  schoolName: string;
  periodStart: Instant;
  /** The first moment after the period (exclusive): 1 December 00:00 for November. */
  periodEnd: Instant;
  cohorts: (CohortRef & { teachers: TeacherProgress[] })[];
}

export type DigestItem = {
  [K in DigestibleKind]: {
    kind: K;
    data: MailDataByKind[K];
    /** Lets the reader turn this kind off from inside the digest. */
    unsubscribeUrl?: string;
  };
}[DigestibleKind];

/** A course leader's personal reminder to one participant, with what is still missing. */
/**
 * The overdue task a nudge's button opens: the participant's own analysis of a round (the editor),
 * or a critical-friend task (the feedback form for an analysis).
 */
export type NudgeTask = { type: 'analysis'; roundId: string } | { type: 'review'; analysisId: string };

export interface NudgeData extends CohortRef {
  leaderName: string;
  /** The leader's own words, if any (plain text). */
  message: string | null;
  /** What the participant has not done by its deadline (their own tasks). */
  missing: MissingItem[];
  /** The oldest overdue task, which the button opens; absent (older messages) or null: the cohort. */
  task?: NudgeTask | null;
}

export interface DigestData {
  date: Instant;
  items: DigestItem[];
}

/**
 * A mail with a single-use account link. The outbox stores only the token's row id; the token is
 * derived from it when the mail is sent (`token` is filled in then), so no stored payload holds a
 * usable link (ADR 0013).
 */
export interface AccountLinkData {
  tokenId: string;
  /** Filled in at send time only; never stored. */
  token?: string;
  expiresAt: Instant;
}

export interface InvitationData extends AccountLinkData {
  organisationName: string;
  /** Who invited them; null when the platform did (an organisation's first administrator). */
  inviterName: string | null;
}

export type PasswordResetData = AccountLinkData;
export type SignInLinkData = AccountLinkData;

/** One meeting as the welcome mail lists it (and its calendar file holds it). */
export type WelcomeMeeting = MeetingWhere & {
  meetingId: string;
  meetingNumber: number;
  title: string;
  startsAt: Instant;
  endsAt: Instant;
};

/** To a participant when the cohort opens or when they join an open one. */
export interface CohortWelcomeData extends CohortRef {
  /** The cohort's first and last day (plain dates, `2026-08-17`). */
  startsOn: string;
  endsOn: string;
  leaderNames: string[];
  /** Every meeting, in order; all of them are in the attached calendar file. */
  meetings: WelcomeMeeting[];
  /** The first analysis round, when one is planned. */
  firstRound: { roundId: string; roundNumber: number; title: string; submissionDueAt: Instant } | null;
}

/**
 * An accessibility problem reported from the accessibility statement (issue 12), as the reporter
 * wrote it. The reporter's name and e-mail are there only when they gave them (the mail's Reply-To
 * is then their address).
 */
export interface AccessibilityReportData {
  organisationName: string;
  description: string;
  /** The page or function the problem is on, in the reporter's words or as an address. */
  where?: string | null;
  reporterName?: string | null;
  reporterEmail?: string | null;
  /** Whether the reporter was signed in to the platform when reporting. */
  signedIn: boolean;
  reportedAt: string;
}

export interface MailDataByKind {
  REVIEW_ASSIGNED: ReviewAssignedData;
  FEEDBACK_RECEIVED: FeedbackReceivedData;
  ANALYSIS_PUBLISHED: AnalysisPublishedData;
  FEEDBACK_DUE_48H: FeedbackDueData;
  FEEDBACK_DUE_TODAY: FeedbackDueData;
  FEEDBACK_OVERDUE: FeedbackOverdueData;
  FEEDBACK_OVERDUE_LEADER_NOTICE: FeedbackOverdueLeaderNoticeData;
  SUBMISSION_DUE_48H: SubmissionDueData;
  SUBMISSION_OVERDUE: SubmissionOverdueData;
  MEETING_TOMORROW: MeetingTomorrowData;
  WEEKLY_LEADER_SUMMARY: WeeklyLeaderSummaryData;
  SCHOOL_LEADER_SUMMARY: SchoolLeaderSummaryData;
  NUDGE: NudgeData;
  DIGEST: DigestData;
  INVITATION: InvitationData;
  PASSWORD_RESET: PasswordResetData;
  SIGN_IN_LINK: SignInLinkData;
  COHORT_WELCOME: CohortWelcomeData;
  ACCESSIBILITY_REPORT: AccessibilityReportData;
}

/** Compile-time check that every kind has data and nothing else does. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
type _EveryKindHasData = AssertTrue<Exact<keyof MailDataByKind, MailKind>>;
