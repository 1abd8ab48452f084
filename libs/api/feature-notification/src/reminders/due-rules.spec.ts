import { DEFAULT_REMINDER_SETTINGS } from '@stl/api/data-access-db';
import {
  digestDay,
  digestDue,
  feedbackStage,
  meetingTomorrow,
  schoolSummaryPeriod,
  submissionStage,
  weeklySummaryWeek,
} from './due-rules';

const S = DEFAULT_REMINDER_SETTINGS;
const NIGHT = { startMinute: 21 * 60, endMinute: 7 * 60 };
/** Feedback deadline: Monday 7 December 2026, 13:00 Stockholm. */
const D = new Date('2026-12-07T12:00:00Z');
const at = (iso: string) => new Date(iso);
const hours = (h: number) => new Date(D.getTime() + h * 3_600_000);

describe('feedbackStage', () => {
  it('reminds 48 hours before, then on the day, then after the deadline', () => {
    expect(feedbackStage(hours(-49), D, S)).toBeNull();
    expect(feedbackStage(hours(-47), D, S)).toEqual({ kind: 'FEEDBACK_DUE_48H' });
    expect(feedbackStage(at('2026-12-06T22:59:00Z'), D, S)).toEqual({ kind: 'FEEDBACK_DUE_48H' });
    expect(feedbackStage(at('2026-12-06T23:00:00Z'), D, S)).toEqual({ kind: 'FEEDBACK_DUE_TODAY' });
    expect(feedbackStage(hours(-0.5), D, S)).toEqual({ kind: 'FEEDBACK_DUE_TODAY' });
    expect(feedbackStage(hours(1), D, S)).toBeNull();
  });

  it('reminds after 1, 3 and 7 days, then tells the leaders after 10', () => {
    expect(feedbackStage(hours(24), D, S)).toEqual({ kind: 'FEEDBACK_OVERDUE', reminderNumber: 1 });
    expect(feedbackStage(hours(71), D, S)).toEqual({ kind: 'FEEDBACK_OVERDUE', reminderNumber: 1 });
    expect(feedbackStage(hours(72), D, S)).toEqual({ kind: 'FEEDBACK_OVERDUE', reminderNumber: 2 });
    expect(feedbackStage(hours(7 * 24), D, S)).toEqual({ kind: 'FEEDBACK_OVERDUE', reminderNumber: 3 });
    expect(feedbackStage(hours(10 * 24), D, S)).toEqual({ kind: 'FEEDBACK_OVERDUE_LEADER_NOTICE' });
  });

  it('sends nothing about deadlines long past', () => {
    expect(feedbackStage(hours(17 * 24), D, S)).toBeNull();
    expect(
      feedbackStage(hours(9 * 24), D, { ...S, overdueReminderDays: [1], leaderNoticeAfterDays: 30 }),
    ).toBeNull();
  });

  it('follows the cohort settings', () => {
    const s = { ...S, feedbackDueSoonHours: 72, overdueReminderDays: [2], leaderNoticeAfterDays: 4 };
    expect(feedbackStage(hours(-70), D, s)).toEqual({ kind: 'FEEDBACK_DUE_48H' });
    expect(feedbackStage(hours(24), D, s)).toBeNull();
    expect(feedbackStage(hours(48), D, s)).toEqual({ kind: 'FEEDBACK_OVERDUE', reminderNumber: 1 });
    expect(feedbackStage(hours(96), D, s)).toEqual({ kind: 'FEEDBACK_OVERDUE_LEADER_NOTICE' });
  });
});

describe('submissionStage', () => {
  const round = { opensAt: at('2026-11-11T15:00:00Z'), submissionDeadline: D };
  it('reminds 48 hours before and a day after the deadline, once the round is open', () => {
    expect(submissionStage(hours(-47), round, S)).toBe('SUBMISSION_DUE_48H');
    expect(submissionStage(hours(-49), round, S)).toBeNull();
    expect(submissionStage(hours(2), round, S)).toBeNull();
    expect(submissionStage(hours(25), round, S)).toBe('SUBMISSION_OVERDUE');
    expect(submissionStage(hours(24 + 7 * 24), round, S)).toBeNull();
    expect(submissionStage(hours(-47), { ...round, opensAt: hours(-40) }, S)).toBeNull();
  });
});

describe('meetingTomorrow', () => {
  const meeting = at('2026-12-09T12:00:00Z');
  it('is the day before, in the daytime', () => {
    expect(meetingTomorrow(at('2026-12-08T08:00:00Z'), meeting, NIGHT)).toBe(true);
    expect(meetingTomorrow(at('2026-12-08T21:00:00Z'), meeting, NIGHT)).toBe(false);
    expect(meetingTomorrow(at('2026-12-07T23:30:00Z'), meeting, NIGHT)).toBe(false);
    expect(meetingTomorrow(at('2026-12-07T23:30:00Z'), meeting, null)).toBe(true);
    expect(meetingTomorrow(at('2026-12-09T08:00:00Z'), meeting, NIGHT)).toBe(false);
  });
});

describe('summaries and digests', () => {
  it('makes the weekly summary due from Monday 07:00 for the rest of the week', () => {
    expect(weeklySummaryWeek(at('2026-11-30T05:59:00Z'), 1)).toBeNull();
    expect(weeklySummaryWeek(at('2026-11-30T06:00:00Z'), 1)).toBe('2026-W49');
    expect(weeklySummaryWeek(at('2026-12-03T12:00:00Z'), 1)).toBe('2026-W49');
    expect(weeklySummaryWeek(at('2026-12-01T12:00:00Z'), 5)).toBeNull();
  });

  it('reports the previous month to school leaders from the 1st at 07:00', () => {
    expect(schoolSummaryPeriod(at('2026-11-30T23:30:00Z'))).toBeNull();
    expect(schoolSummaryPeriod(at('2026-12-01T06:00:00Z'))?.key).toBe('2026-11');
    expect(schoolSummaryPeriod(at('2026-12-17T12:00:00Z'))?.key).toBe('2026-11');
  });

  it('collects held mail for the next morning digest', () => {
    expect(digestDay(at('2026-12-08T04:00:00Z'))).toBe('2026-12-08');
    expect(digestDay(at('2026-12-08T10:00:00Z'))).toBe('2026-12-09');
    expect(digestDue(at('2026-12-08T05:00:00Z'), NIGHT)).toBeNull();
    expect(digestDue(at('2026-12-08T06:15:00Z'), NIGHT)).toBe('2026-12-08');
    expect(digestDue(at('2026-12-08T20:30:00Z'), NIGHT)).toBeNull();
  });
});
