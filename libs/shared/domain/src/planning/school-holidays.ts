import { addDays } from '../rules/iso-date';
import type { DatePeriod, IsoDate } from '../rules/iso-date';
import { parseSchoolYear } from '../rules/school-year';

/** The Swedish school holidays (lov) a course avoids when meetings are suggested. */
export type SchoolHolidayKind = 'HOSTLOV' | 'JULLOV' | 'SPORTLOV' | 'PASKLOV';

export interface SchoolHoliday extends DatePeriod {
  kind: SchoolHolidayKind;
}

const MS_PER_DAY = 86_400_000;

/** The Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): IsoDate {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * MS_PER_DAY;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Sensible default school holidays of a school year ("2026/27"), as most Swedish municipalities
 * place them; each organisation's own dates differ a little, and they are defaults until it can
 * set its own. Höstlov: ISO week 44 (Monday–Sunday). Jullov: 21 December to 7 January. Sportlov:
 * ISO week 9, the most common (Stockholm's; the country spreads it over weeks 7–10). Påsklov: the
 * week after Easter Sunday, Monday (annandag påsk) to Sunday. Empty for a label that is not a
 * school year.
 */
export function defaultSchoolHolidays(schoolYear: string): SchoolHoliday[] {
  const parsed = parseSchoolYear(schoolYear);
  if (!parsed) return [];
  const autumn = parsed.startYear;
  const spring = autumn + 1;
  const week = (year: number, n: number): DatePeriod => {
    const startsOn = isoWeekMonday(year, n);
    return { startsOn, endsOn: addDays(startsOn, 6) };
  };
  const easterMonday = addDays(easterSunday(spring), 1);
  return [
    { kind: 'HOSTLOV', ...week(autumn, 44) },
    { kind: 'JULLOV', startsOn: `${autumn}-12-21`, endsOn: `${spring}-01-07` },
    { kind: 'SPORTLOV', ...week(spring, 9) },
    { kind: 'PASKLOV', startsOn: easterMonday, endsOn: addDays(easterMonday, 6) },
  ];
}

/** The holiday a date falls in, if any. */
export function holidayOn(date: IsoDate, holidays: readonly SchoolHoliday[]): SchoolHoliday | null {
  return holidays.find((h) => date >= h.startsOn && date <= h.endsOn) ?? null;
}

/**
 * A suggested meeting date moved out of the school holidays: a week at a time, so it keeps its
 * weekday, until it falls on a school day. (Jullov spans three weeks; no holiday is longer.)
 */
export function avoidSchoolHolidays(date: IsoDate, holidays: readonly SchoolHoliday[]): IsoDate {
  let next = date;
  for (let i = 0; i < 8 && holidayOn(next, holidays); i++) next = addDays(next, 7);
  return next;
}

/** The most holidays an organisation may list for one school year. */
export const MAX_SCHOOL_HOLIDAYS = 12;

/** One holiday as an organisation names it ("Jullov", "Studiedagar v. 45"). */
export interface NamedHoliday extends DatePeriod {
  name: string;
}

export interface HolidayProblem {
  /** `holidays`, or `holidays.<index>.<field>`. */
  field: string;
  code:
    | 'REQUIRED'
    | 'TOO_LONG'
    | 'ENDS_BEFORE_START'
    | 'OUTSIDE_SCHOOL_YEAR'
    | 'HOLIDAYS_OVERLAP'
    | 'TOO_MANY_HOLIDAYS';
  message: string;
}

/** The Swedish name of each built-in holiday, for an organisation's list made from the defaults. */
export const SCHOOL_HOLIDAY_NAMES: Readonly<Record<SchoolHolidayKind, string>> = {
  HOSTLOV: 'Höstlov',
  JULLOV: 'Jullov',
  SPORTLOV: 'Sportlov',
  PASKLOV: 'Påsklov',
};

/**
 * What is wrong with an organisation's holidays of a school year: a name (1–60 characters), an end
 * on or after the start, dates within the school year (1 July – 30 June), no two overlapping, at
 * most MAX_SCHOOL_HOLIDAYS. Every problem is listed, each naming its row.
 */
export function schoolHolidayProblems(
  schoolYear: string,
  holidays: readonly NamedHoliday[],
): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  const year = parseSchoolYear(schoolYear);
  if (holidays.length > MAX_SCHOOL_HOLIDAYS)
    problems.push({
      field: 'holidays',
      code: 'TOO_MANY_HOLIDAYS',
      message: `A school year holds at most ${MAX_SCHOOL_HOLIDAYS} holidays; ${holidays.length} were given.`,
    });
  holidays.forEach((h, i) => {
    const at = (f: string) => `holidays.${i}.${f}`;
    const name = h.name.trim();
    if (!name) problems.push({ field: at('name'), code: 'REQUIRED', message: 'Give the holiday a name.' });
    else if (name.length > 60)
      problems.push({ field: at('name'), code: 'TOO_LONG', message: 'A name has at most 60 characters.' });
    if (h.endsOn < h.startsOn)
      problems.push({
        field: at('endsOn'),
        code: 'ENDS_BEFORE_START',
        message: `${name || 'The holiday'} ends before it starts.`,
      });
    else if (year && (h.startsOn < `${year.startYear}-07-01` || h.endsOn > `${year.startYear + 1}-06-30`))
      problems.push({
        field: at('startsOn'),
        code: 'OUTSIDE_SCHOOL_YEAR',
        message: `${name || 'The holiday'} is not within the school year ${schoolYear}.`,
      });
  });
  const ordered = holidays
    .map((h, i) => ({ ...h, i }))
    .filter((h) => h.endsOn >= h.startsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.i - b.i));
  // The one reaching furthest so far: a long holiday may overlap several that start after it.
  let furthest = ordered[0];
  for (const h of ordered.slice(1)) {
    if (h.startsOn <= furthest.endsOn)
      problems.push({
        field: `holidays.${h.i}.startsOn`,
        code: 'HOLIDAYS_OVERLAP',
        message: `${h.name.trim() || 'A holiday'} overlaps ${furthest.name.trim() || 'another holiday'}.`,
      });
    if (h.endsOn > furthest.endsOn) furthest = h;
  }
  return problems;
}
