import { stockholmInstant } from '../calendar/stockholm';
import type { IsoDate } from '../rules/iso-date';

/** At the start of the cohort (BEFORE) or at its end (AFTER). */
export type SelfAssessmentPhase = 'BEFORE' | 'AFTER';

/** What decides when a cohort's self-assessments are open. */
export interface SelfAssessmentCohortFacts {
  status: 'PLANNING' | 'OPEN' | 'COMPLETED' | 'ARCHIVED';
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The earliest submission deadline of the cohort's rounds; null without rounds. */
  firstSubmissionDeadline: Date | null;
  /** When the cohort's last meeting starts; null without meetings. */
  lastMeetingStartsAt: Date | null;
}

export interface SelfAssessmentWindow {
  phase: SelfAssessmentPhase;
  opensAt: Date;
  closesAt: Date;
}

/** Without rounds, "the start" lasts six weeks from the first day. */
const BEFORE_DAYS_WITHOUT_ROUNDS = 42;
/** The end-of-year questionnaire stays open four weeks after the last day (summer marking). */
const AFTER_DAYS_PAST_END = 28;
/** Without meetings, "the end" starts four weeks before the last day. */
const AFTER_DAYS_BEFORE_END = 28;

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The two windows of a cohort (issue 14, ADR 0034), on the Stockholm clock: BEFORE from the
 * cohort's first day until the first analysis is due (before anyone has written one), AFTER from
 * the start of the last meeting until four weeks after the last day. A cohort being planned or
 * archived has none.
 */
export function selfAssessmentWindows(c: SelfAssessmentCohortFacts): SelfAssessmentWindow[] {
  if (c.status === 'PLANNING' || c.status === 'ARCHIVED') return [];
  const start = stockholmInstant(c.startsOn, 0);
  const beforeCloses =
    c.firstSubmissionDeadline ?? stockholmInstant(addDays(c.startsOn, BEFORE_DAYS_WITHOUT_ROUNDS), 0);
  const afterOpens = c.lastMeetingStartsAt ?? stockholmInstant(addDays(c.endsOn, -AFTER_DAYS_BEFORE_END), 0);
  const afterCloses = stockholmInstant(addDays(c.endsOn, AFTER_DAYS_PAST_END + 1), 0);
  const windows: SelfAssessmentWindow[] = [];
  if (beforeCloses > start) windows.push({ phase: 'BEFORE', opensAt: start, closesAt: beforeCloses });
  // The end starts after the start has closed, so one questionnaire is open at a time.
  const afterStart = afterOpens > beforeCloses ? afterOpens : beforeCloses;
  if (afterCloses > afterStart) windows.push({ phase: 'AFTER', opensAt: afterStart, closesAt: afterCloses });
  return windows;
}

/** The window open at `now`, or null. */
export function openSelfAssessmentWindow(
  c: SelfAssessmentCohortFacts,
  now: Date,
): SelfAssessmentWindow | null {
  return selfAssessmentWindows(c).find((w) => w.opensAt <= now && now < w.closesAt) ?? null;
}
