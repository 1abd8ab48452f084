import { MAX_MEETING_HOURS } from './constants';
import type { DatePeriod, IsoDate } from './iso-date';
import { isDatePeriod, isoDateEndMs, isoDateStartMs } from './iso-date';

export interface RoundSchedule {
  readonly opensAt: Date;
  readonly submissionDeadline: Date;
  readonly feedbackDeadline: Date;
}

export interface MeetingSchedule {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export type RoundScheduleField = keyof RoundSchedule;
export type MeetingScheduleField = keyof MeetingSchedule;

/** Shared by rounds and meetings; `field` says which input to highlight in a form. */
export type InvalidDateProblem<F extends string> = {
  readonly code: 'INVALID_DATE';
  readonly field: F;
  readonly message: string;
};

/** The period is repeated so a translated message can name the dates without another lookup. */
export type OutsideCohortPeriodProblem<F extends string> = {
  readonly code: 'OUTSIDE_COHORT_PERIOD';
  readonly field: F;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly message: string;
};

export type RoundScheduleProblem =
  | InvalidDateProblem<RoundScheduleField>
  | {
      readonly code: 'SUBMISSION_BEFORE_OPENING';
      readonly field: 'submissionDeadline';
      readonly message: string;
    }
  | {
      readonly code: 'FEEDBACK_BEFORE_SUBMISSION';
      readonly field: 'feedbackDeadline';
      readonly message: string;
    }
  | OutsideCohortPeriodProblem<RoundScheduleField>;

export type MeetingScheduleProblem =
  | InvalidDateProblem<MeetingScheduleField>
  | { readonly code: 'MEETING_ENDS_BEFORE_START'; readonly field: 'endsAt'; readonly message: string }
  | {
      readonly code: 'MEETING_TOO_LONG';
      readonly field: 'endsAt';
      readonly maxHours: number;
      readonly message: string;
    }
  | OutsideCohortPeriodProblem<MeetingScheduleField>;

export type ScheduleProblem = RoundScheduleProblem | MeetingScheduleProblem;
export type ScheduleProblemCode = ScheduleProblem['code'];

const ROUND_LABELS: Readonly<Record<RoundScheduleField, string>> = {
  opensAt: 'opening time',
  submissionDeadline: 'submission deadline',
  feedbackDeadline: 'feedback deadline',
};

const MEETING_LABELS: Readonly<Record<MeetingScheduleField, string>> = {
  startsAt: 'start time',
  endsAt: 'end time',
};

const MS_PER_HOUR = 3_600_000;

/** Epoch milliseconds, or null for an Invalid Date (which would otherwise pass every comparison). */
const timeOf = (value: Date): number | null => {
  const ms = value instanceof Date ? value.getTime() : NaN;
  return Number.isNaN(ms) ? null : ms;
};

const periodMs = (period: DatePeriod): { start: number; end: number } => {
  // The cohort's own dates are validated when it is saved; getting here with bad ones is a bug.
  if (!isDatePeriod(period)) {
    throw new RangeError(`Not a valid cohort period: ${period.startsOn} to ${period.endsOn}.`);
  }
  return { start: isoDateStartMs(period.startsOn), end: isoDateEndMs(period.endsOn) };
};

/** Invalid-date and outside-period problems, in field order; returns the valid times for the caller. */
function checkTimes<F extends string>(
  values: Readonly<Record<F, Date>>,
  fields: readonly F[],
  labels: Readonly<Record<F, string>>,
  subject: string,
  cohortPeriod: DatePeriod | undefined,
): {
  times: Partial<Record<F, number>>;
  problems: (InvalidDateProblem<F> | OutsideCohortPeriodProblem<F>)[];
} {
  const bounds = cohortPeriod ? periodMs(cohortPeriod) : null;
  const times: Partial<Record<F, number>> = {};
  const problems: (InvalidDateProblem<F> | OutsideCohortPeriodProblem<F>)[] = [];
  for (const field of fields) {
    const ms = timeOf(values[field]);
    if (ms === null) {
      problems.push({
        code: 'INVALID_DATE',
        field,
        message: `The ${subject}'s ${labels[field]} is not a valid date.`,
      });
      continue;
    }
    times[field] = ms;
    if (cohortPeriod && bounds && (ms < bounds.start || ms > bounds.end)) {
      problems.push({
        code: 'OUTSIDE_COHORT_PERIOD',
        field,
        startsOn: cohortPeriod.startsOn,
        endsOn: cohortPeriod.endsOn,
        message: `The ${subject}'s ${labels[field]} must fall within the cohort's dates, ${cohortPeriod.startsOn} to ${cohortPeriod.endsOn}.`,
      });
    }
  }
  return { times, problems };
}

/**
 * Rule 2: a round opens, then closes for submissions, then closes for feedback, each strictly after
 * the previous (equal instants would leave no time to submit or to give feedback), and all within
 * the cohort's dates when given (first day 00:00 UTC to last day 23:59:59.999 UTC).
 * Empty list = the schedule is fine. Throws RangeError if `cohortPeriod` itself is malformed.
 */
export function roundScheduleProblems(
  round: RoundSchedule,
  cohortPeriod?: DatePeriod,
): RoundScheduleProblem[] {
  const fields: readonly RoundScheduleField[] = ['opensAt', 'submissionDeadline', 'feedbackDeadline'];
  const { times, problems } = checkTimes(round, fields, ROUND_LABELS, 'round', cohortPeriod);
  const ordering: RoundScheduleProblem[] = [];
  const { opensAt, submissionDeadline, feedbackDeadline } = times;
  if (opensAt !== undefined && submissionDeadline !== undefined && submissionDeadline <= opensAt) {
    ordering.push({
      code: 'SUBMISSION_BEFORE_OPENING',
      field: 'submissionDeadline',
      message: 'The submission deadline must be after the round opens.',
    });
  }
  if (
    submissionDeadline !== undefined &&
    feedbackDeadline !== undefined &&
    feedbackDeadline <= submissionDeadline
  ) {
    ordering.push({
      code: 'FEEDBACK_BEFORE_SUBMISSION',
      field: 'feedbackDeadline',
      message: 'The feedback deadline must be after the submission deadline.',
    });
  }
  // Ordering first: fixing the order often moves a date back inside the period as well.
  return [...ordering, ...problems];
}

/**
 * A meeting ends after it starts, lasts at most 12 hours, and lies within the cohort's dates when
 * given. Empty list = fine. Throws RangeError if `cohortPeriod` itself is malformed.
 */
export function meetingScheduleProblems(
  meeting: MeetingSchedule,
  cohortPeriod?: DatePeriod,
): MeetingScheduleProblem[] {
  const fields: readonly MeetingScheduleField[] = ['startsAt', 'endsAt'];
  const { times, problems } = checkTimes(meeting, fields, MEETING_LABELS, 'meeting', cohortPeriod);
  const ordering: MeetingScheduleProblem[] = [];
  const { startsAt, endsAt } = times;
  if (startsAt !== undefined && endsAt !== undefined) {
    if (endsAt <= startsAt) {
      ordering.push({
        code: 'MEETING_ENDS_BEFORE_START',
        field: 'endsAt',
        message: 'The meeting must end after it starts.',
      });
    } else if (endsAt - startsAt > MAX_MEETING_HOURS * MS_PER_HOUR) {
      ordering.push({
        code: 'MEETING_TOO_LONG',
        field: 'endsAt',
        maxHours: MAX_MEETING_HOURS,
        message: `A meeting can last at most ${MAX_MEETING_HOURS} hours; check the end date and time.`,
      });
    }
  }
  return [...ordering, ...problems];
}
