/** A calendar date written 'YYYY-MM-DD'. Plain strings so values survive JSON and GraphQL unchanged. */
export type IsoDate = string;

/** An inclusive range of calendar days, e.g. a cohort's or a school year's dates. */
export interface DatePeriod {
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * True for a real calendar date in exactly the form 'YYYY-MM-DD' ('2027-02-29' is rejected).
 * Because the form is fixed-width, valid dates compare correctly as strings.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The UTC calendar date of an instant, so the result never depends on the machine's time zone. */
export function toIsoDate(date: Date): IsoDate {
  const time = date.getTime();
  const year = date.getUTCFullYear();
  if (Number.isNaN(time) || year < 0 || year > 9999) {
    throw new RangeError(`Cannot write ${String(date)} as a YYYY-MM-DD date.`);
  }
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** A period is usable only if both ends are real dates and it contains at least one day. */
export function isDatePeriod(period: DatePeriod): boolean {
  return isIsoDate(period.startsOn) && isIsoDate(period.endsOn) && period.startsOn <= period.endsOn;
}

/** Milliseconds since the epoch at 00:00 UTC of the date. Callers must pass a valid IsoDate. */
export function isoDateStartMs(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Last millisecond of the date in UTC, so an instant on the period's last day is still inside it. */
export function isoDateEndMs(date: IsoDate): number {
  return isoDateStartMs(date) + MS_PER_DAY - 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Callers must pass valid IsoDates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoDateStartMs(to) - isoDateStartMs(from)) / MS_PER_DAY);
}

/** The calendar day `days` after `date`. Callers must pass a valid IsoDate. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(isoDateStartMs(date) + days * MS_PER_DAY));
}
