import type { DatePeriod } from './iso-date';

/** A Swedish school year (läsår), e.g. `{ startYear: 2026, label: '2026/27' }`. */
export interface SchoolYear {
  readonly startYear: number;
  readonly label: string;
}

// Four-digit years only: labels are stored in varchar(7), and year 9999 would end in year 10000.
const SCHOOL_YEAR = /^([1-9]\d{3})\/(\d{2})$/;
const JULY = 6;

const schoolYear = (startYear: number): SchoolYear => ({
  startYear,
  label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
});

/**
 * Reads a label written exactly as Swedes do, '2026/27'. Anything else ('2026/2027', '2026-27',
 * ' 2026/27', '2026/28') is null, so one school year has one spelling in the database.
 */
export function parseSchoolYear(value: string): SchoolYear | null {
  const match = SCHOOL_YEAR.exec(value);
  if (!match) return null;
  const startYear = Number(match[1]);
  if (startYear > 9998 || Number(match[2]) !== (startYear + 1) % 100) return null;
  return schoolYear(startYear);
}

/**
 * The school year a date belongs to. The year turns on 1 July, so planning done over the summer
 * already counts towards the coming year. Uses the UTC calendar date: a day's difference around
 * midnight on 30 June does not matter for picking a default.
 */
export function schoolYearOf(date: Date): SchoolYear {
  if (Number.isNaN(date.getTime())) throw new RangeError('schoolYearOf needs a valid date.');
  const year = date.getUTCFullYear();
  return schoolYear(date.getUTCMonth() >= JULY ? year : year - 1);
}

/**
 * The teaching dates of a school year: 1 August to 30 June. July is summer break, so a cohort's
 * default dates start after it even though the year itself turns on 1 July. Null for a bad label.
 */
export function schoolYearBounds(label: string): DatePeriod | null {
  const parsed = parseSchoolYear(label);
  if (!parsed) return null;
  return { startsOn: `${parsed.startYear}-08-01`, endsOn: `${parsed.startYear + 1}-06-30` };
}
