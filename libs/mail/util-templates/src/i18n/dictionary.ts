import type { MailKind } from '../mail-kind';
import type { LegacySupportSignal, SupportLevel, SupportReasonData } from '../mail-data';

/**
 * Every word a mail contains, per language. Both dictionaries are typed with this interface, so a
 * key missing or extra in either language is a compile error. Values that take data receive it
 * already formatted (dates as strings); escaping happens later, in the layout.
 */
export interface MailDictionary {
  common: {
    brand: string;
    greeting: (name: string) => string;
    signOff: string;
    actionFallback: string;
    unsubscribe: (kindName: string) => string;
    unsubscribeHint: string;
    settings: string;
    cohort: string;
    round: string;
    analysis: string;
    author: string;
    feedbackDue: string;
    submissionDue: string;
    /** "1 sak", "3 saker" */
    items: (count: number) => string;
    /** "Sara Lindqvist: ”Titel”" */
    /** title is null when it only repeats the round's number. */
    reviewTask: (p: { authorName: string; title: string | null }) => string;
  };
  /** What the reader turns off with the unsubscribe link: "Stäng av mejl om …". */
  kindNames: Record<MailKind, string>;
  accessibilityReport: {
    subject: (p: { organisation: string }) => string;
    heading: string;
    intro: (p: { organisation: string }) => string;
    descriptionHeading: string;
    reportedAt: string;
    where: string;
    reporter: string;
    anonymous: string;
    email: string;
    noEmail: string;
    signedIn: string;
    yes: string;
    no: string;
    replyHint: string;
    noReplyHint: string;
    action: string;
    reason: (p: { organisation: string }) => string;
  };
  reviewAssigned: {
    subject: (p: { authorName: string; round: number }) => string;
    heading: string;
    intro: (p: { authorName: string; round: number; cohort: string }) => string;
    advice: string;
    action: string;
    reason: (p: { cohort: string }) => string;
  };
  feedbackReceived: {
    subject: (p: { round: number }) => string;
    heading: string;
    /** title is null when it only repeats the round's number. */
    intro: (p: {
      reviewerName: string;
      role: 'peer' | 'leader';
      title: string | null;
      round: number;
    }) => string;
    respond: string;
    action: string;
    reason: (p: { cohort: string }) => string;
  };
  analysisPublished: {
    subject: (p: { authorName: string; round: number }) => string;
    heading: string;
    /** title is null when it only repeats the round's number. */
    intro: (p: { authorName: string; title: string | null; round: number; cohort: string }) => string;
    /** Before the start of the analysis's text. */
    excerptIntro: string;
    action: string;
    reason: (p: { round: number; cohort: string }) => string;
  };
  feedbackDue: {
    subject48h: (p: { round: number; due: string }) => string;
    subjectToday: (p: { round: number }) => string;
    subjectOverdue: (p: { round: number }) => string;
    heading48h: string;
    headingToday: string;
    headingOverdue: string;
    intro48h: (p: { due: string }) => string;
    introToday: (p: { due: string }) => string;
    introOverdue: (p: { due: string }) => string;
    listIntro: (count: number) => string;
    reminderNumber: (n: number) => string;
    needMoreTime: string;
    actionOne: string;
    actionMany: string;
    reason: (p: { round: number; cohort: string }) => string;
  };
  leaderNotice: {
    subject: (p: { reviewerName: string; round: number }) => string;
    heading: string;
    intro: (p: {
      reviewerName: string;
      round: number;
      cohort: string;
      due: string;
      reminders: number;
    }) => string;
    reviewer: string;
    school: string;
    listIntro: string;
    suggestion: string;
    action: string;
    reason: (p: { cohort: string }) => string;
  };
  welcome: {
    subject: (p: { cohort: string }) => string;
    heading: (p: { cohort: string }) => string;
    intro: (p: { cohort: string; starts: string; ends: string }) => string;
    /** What the course is, in two or three sentences. */
    about: string;
    leaders: (names: string[]) => string;
    meetingsHeading: string;
    meetingsCaption: (p: { cohort: string }) => string;
    meetingColumn: string;
    timeColumn: string;
    placeColumn: string;
    digital: string;
    noMeetings: string;
    timeZone: string;
    calendarAttached: string;
    firstRoundHeading: string;
    firstRound: (p: { round: number; title: string; due: string }) => string;
    signInHeading: string;
    signIn: string;
    signInAddress: string;
    action: string;
    reason: (p: { cohort: string }) => string;
    /** The calendar file's name in calendar programs. */
    icsCalendarName: (p: { cohort: string }) => string;
  };
  nudge: {
    subject: (p: { leaderName: string; cohort: string }) => string;
    heading: string;
    intro: (p: { leaderName: string; cohort: string }) => string;
    messageFrom: (p: { leaderName: string }) => string;
    missingIntro: string;
    nothingMissing: string;
    action: string;
    reason: (p: { cohort: string }) => string;
  };
  submission: {
    subject48h: (p: { round: number; due: string }) => string;
    subjectOverdue: (p: { round: number }) => string;
    heading48h: string;
    headingOverdue: string;
    intro48h: (p: { round: number; cohort: string; due: string }) => string;
    introOverdue: (p: { round: number; cohort: string; due: string }) => string;
    hasDraft: string;
    noDraft: string;
    needMoreTime: string;
    action: string;
    reason: (p: { cohort: string }) => string;
  };
  meeting: {
    subject: (p: { number: number; title: string }) => string;
    heading: (p: { number: number; title: string }) => string;
    intro: (p: { cohort: string }) => string;
    time: string;
    place: string;
    video: string;
    preparation: string;
    materials: string;
    questions: string;
    calendarAttached: string;
    action: string;
    reason: (p: { cohort: string }) => string;
    /** Calendar event texts. */
    icsSummary: (p: { number: number; title: string; cohort: string }) => string;
    icsMeetingPage: string;
  };
  /** A person's subscribed calendar (issue 14, ADR 0034). */
  calendarFeed: {
    calendarName: string;
    submissionSummary: (p: { title: string; cohort: string }) => string;
    feedbackSummary: (p: { title: string; cohort: string }) => string;
    submissionDescription: string;
    feedbackDescription: string;
    cohortPage: string;
  };
  weeklySummary: {
    subject: (p: { week: number }) => string;
    heading: (p: { week: number }) => string;
    intro: string;
    nothingMissing: string;
    cohortNothingMissing: string;
    person: (p: { name: string; school: string }) => string;
    missingAnalysis: (p: { round: number; due: string }) => string;
    missingPeerFeedback: (p: { round: number; authorName: string; due: string }) => string;
    missingLeaderFeedback: (p: { round: number }) => string;
    absence: (p: { number: number; date: string }) => string;
    cohortAction: (p: { cohort: string }) => string;
    action: string;
    reason: string;
  };
  schoolSummary: {
    subject: (p: { school: string }) => string;
    heading: (p: { school: string }) => string;
    intro: (p: { from: string; to: string }) => string;
    supportHeading: string;
    supportIntro: string;
    noneNeedSupport: string;
    /** Reports queued by an earlier release. */
    signals: Record<LegacySupportSignal, string>;
    legacyLine: (p: { name: string; signals: string[] }) => string;
    /** The words of the screens (support.reason in the web's dictionary). */
    reasonText: (r: SupportReasonData) => string;
    supportLine: (p: { name: string; reasons: string[] }) => string;
    levels: Record<SupportLevel, string>;
    completed: string;
    caption: (p: { cohort: string }) => string;
    columns: [teacher: string, analyses: string, feedback: string, attendance: string, support: string];
    outOf: (p: { done: number; total: number }) => string;
    action: string;
    reason: (p: { school: string }) => string;
  };
  /** Mails with a single-use account link (ADR 0013). */
  account: {
    /** "Giltig till" */
    validUntil: string;
    singleUse: string;
    notYou: string;
    invitation: {
      subject: (p: { organisation: string }) => string;
      heading: string;
      intro: (p: { inviter: string | null; organisation: string }) => string;
      action: string;
      reason: (p: { organisation: string }) => string;
    };
    passwordReset: {
      subject: string;
      heading: string;
      intro: string;
      action: string;
      reason: string;
    };
    signInLink: {
      subject: string;
      heading: string;
      intro: string;
      action: string;
      reason: string;
    };
  };
  digest: {
    subject: (p: { count: number; date: string }) => string;
    heading: (p: { date: string }) => string;
    intro: string;
    reason: string;
  };
}
