import type { QuietHours } from '../time/quiet-hours';
import { isQuiet } from '../time/quiet-hours';
import { addDays, hoursBetween, isoWeekKey, previousMonth, wallClock } from '@stl/shared/domain';
import type { CalendarMonth } from '@stl/shared/domain';

/**
 * When each reminder is due, as pure functions of the moment of the tick. The tick runs every 15
 * minutes and may run late or twice; each rule answers "what is due now" and the idempotency key
 * (not these rules) makes sure each reminder is created once.
 */
export interface ReminderSettings {
  feedbackDueSoonHours: number;
  submissionDueSoonHours: number;
  submissionOverdueAfterHours: number;
  overdueReminderDays: readonly number[];
  leaderNoticeAfterDays: number;
  weeklySummaryWeekday: number;
}

/**
 * A reminder about a deadline long past is not sent: after the platform was down for a while, or
 * when it is first started on a running course, nobody should get a pile of stale reminders.
 */
export const CATCH_UP_HOURS = 7 * 24;

/** Summaries go out in the morning at the earliest. */
export const MORNING_MINUTE = 7 * 60;

export type FeedbackStage =
  | { kind: 'FEEDBACK_DUE_48H' }
  | { kind: 'FEEDBACK_DUE_TODAY' }
  | { kind: 'FEEDBACK_OVERDUE'; reminderNumber: number }
  | { kind: 'FEEDBACK_OVERDUE_LEADER_NOTICE' };

/** The reminder due now for open feedback with this deadline, if any. */
export function feedbackStage(now: Date, deadline: Date, s: ReminderSettings): FeedbackStage | null {
  const left = hoursBetween(now, deadline);
  if (left > 0) {
    if (wallClock(now).date === wallClock(deadline).date) return { kind: 'FEEDBACK_DUE_TODAY' };
    return left <= s.feedbackDueSoonHours ? { kind: 'FEEDBACK_DUE_48H' } : null;
  }
  const late = -left;
  const noticeAt = s.leaderNoticeAfterDays * 24;
  if (late >= noticeAt) {
    return late < noticeAt + CATCH_UP_HOURS ? { kind: 'FEEDBACK_OVERDUE_LEADER_NOTICE' } : null;
  }
  const days = [...s.overdueReminderDays].sort((a, b) => a - b);
  // Only the latest reminder reached: after an outage the reviewer gets one mail, not three.
  let reached = 0;
  days.forEach((d, i) => {
    if (late >= d * 24) reached = i + 1;
  });
  if (reached === 0) return null;
  return late < days[reached - 1] * 24 + CATCH_UP_HOURS
    ? { kind: 'FEEDBACK_OVERDUE', reminderNumber: reached }
    : null;
}

export type SubmissionStage = 'SUBMISSION_DUE_48H' | 'SUBMISSION_OVERDUE';

/** The reminder due now for an analysis not yet published in a round, if any. */
export function submissionStage(
  now: Date,
  round: { opensAt: Date; submissionDeadline: Date },
  s: ReminderSettings,
): SubmissionStage | null {
  if (now < round.opensAt) return null;
  const left = hoursBetween(now, round.submissionDeadline);
  if (left > 0) return left <= s.submissionDueSoonHours ? 'SUBMISSION_DUE_48H' : null;
  const late = -left;
  return late >= s.submissionOverdueAfterHours && late < s.submissionOverdueAfterHours + CATCH_UP_HOURS
    ? 'SUBMISSION_OVERDUE'
    : null;
}

/**
 * "The day before": the meeting is on tomorrow's Stockholm date, and it is daytime now, so the
 * reminder neither goes out at night nor waits for the morning of the meeting itself.
 */
export function meetingTomorrow(now: Date, startsAt: Date, quiet: QuietHours | null): boolean {
  const today = wallClock(now);
  if (wallClock(startsAt).date !== addDays(today.date, 1)) return false;
  return quiet ? !isQuiet(now, quiet) : true;
}

/** The ISO week whose leader summary is due now: from the chosen weekday at 07:00 until the week ends. */
export function weeklySummaryWeek(now: Date, weekday: number): string | null {
  const c = wallClock(now);
  const due = c.weekday > weekday || (c.weekday === weekday && c.minuteOfDay >= MORNING_MINUTE);
  return due ? isoWeekKey(now) : null;
}

/** The month the school-leader summary reports on: the previous month, from 07:00 on the 1st. */
export function schoolSummaryPeriod(now: Date): CalendarMonth | null {
  const c = wallClock(now);
  if (c.day === 1 && c.minuteOfDay < MORNING_MINUTE) return null;
  return previousMonth(now);
}

/**
 * The digest day a held message belongs to: today's digest if it is made before the morning,
 * else tomorrow's.
 */
export function digestDay(now: Date): string {
  const c = wallClock(now);
  return c.minuteOfDay < MORNING_MINUTE ? c.date : addDays(c.date, 1);
}

/** Digests are put together in the daytime, so one never waits in the queue across a night. */
export function digestDue(now: Date, quiet: QuietHours | null): string | null {
  const c = wallClock(now);
  if (c.minuteOfDay < MORNING_MINUTE || isQuiet(now, quiet)) return null;
  return c.date;
}
