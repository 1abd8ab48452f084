import type { IsoDate } from '../rules/iso-date';

/**
 * The one Stockholm calendar of the platform. The course happens in Sweden: "today", "tomorrow",
 * "07:00", "week 48" and "November" are Stockholm wall-clock notions whatever the server's or the
 * browser's own time zone, and the offset to UTC changes twice a year. API, web and mail all ask
 * this module, so they agree by construction. Pure functions over instants; no ambient clock
 * (callers pass `now`), only the time zone database that every JavaScript runtime ships.
 */
export const COURSE_TIME_ZONE = 'Europe/Stockholm';

const DAY_MS = 86_400_000;

/** The Stockholm wall clock at an instant. */
export interface WallClock {
  /** 'YYYY-MM-DD' */
  date: IsoDate;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COURSE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface NumericParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function numericParts(at: Date): NumericParts {
  const out: NumericParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(at)) {
    if (p.type in out) out[p.type as keyof NumericParts] = Number(p.value);
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Stockholm wall clock at an instant. */
export function wallClock(at: Date): WallClock {
  const p = numericParts(at);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() || 7;
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    minuteOfDay: p.hour * 60 + p.minute,
    weekday,
  };
}

/**
 * The Stockholm calendar day of an instant. Between midnight and 01:00/02:00 Swedish time the UTC
 * date is still yesterday, which would, say, show a certificate as valid a day too long.
 */
export function stockholmDate(at: Date): IsoDate {
  return wallClock(at).date;
}

/** Stockholm's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(at: Date): number {
  const p = numericParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant at which Stockholm clocks show `date` and `minuteOfDay`. Two passes settle the offset
 * also right after a daylight-saving switch; a time skipped by the spring change (02:30 on the last
 * Sunday of March) gives the instant an hour later.
 */
export function stockholmInstant(date: IsoDate, minuteOfDay: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const first = naive - offsetAt(new Date(naive));
  const second = naive - offsetAt(new Date(first));
  return new Date(second);
}

/** The ISO 8601 week of the Stockholm calendar day: the "vecka 46" Swedes plan by. */
export function isoWeek(at: Date): { weekYear: number; week: number } {
  const { year, month, day } = wallClock(at);
  const t = new Date(Date.UTC(year, month - 1, day));
  // The Thursday of this week decides which year the week belongs to.
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const weekYear = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS + 1) / 7);
  return { weekYear, week };
}

/** The ISO week as a key, e.g. '2026-W48' (the year is the ISO week-year). */
export function isoWeekKey(at: Date): string {
  const { weekYear, week } = isoWeek(at);
  return `${weekYear}-W${pad(week)}`;
}

/** A calendar month on the Stockholm clock. */
export interface CalendarMonth {
  /** 'YYYY-MM' */
  key: string;
  /** Stockholm midnight starting the month. */
  start: Date;
  /** Stockholm midnight starting the next month. */
  end: Date;
}

/** The calendar month before the one `at` falls in (Stockholm clock). */
export function previousMonth(at: Date): CalendarMonth {
  const { year, month } = wallClock(at);
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  return {
    key: `${prevYear}-${pad(prevMonth)}`,
    start: stockholmInstant(`${prevYear}-${pad(prevMonth)}-01`, 0),
    end: stockholmInstant(`${year}-${pad(month)}-01`, 0),
  };
}

/** Hours from one instant to another (negative when `to` is earlier). */
export function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 3_600_000;
}

/**
 * The same Stockholm wall-clock time `days` calendar days later: a meeting at 13.00 stays at 13.00
 * across a daylight-saving change (adding milliseconds would move it an hour).
 */
export function shiftStockholmDays(at: Date, days: number): Date {
  const { date, minuteOfDay } = wallClock(at);
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  const iso = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  return stockholmInstant(iso, minuteOfDay);
}

/**
 * How many days to move a cohort's plan when it is copied to start on `toStart` instead of
 * `fromStart`: the difference rounded to whole weeks, so every meeting keeps its weekday (a year
 * later is 52 weeks, 364 days).
 */
export function weekAlignedOffsetDays(fromStart: IsoDate, toStart: IsoDate): number {
  const ms = Date.parse(`${toStart}T00:00:00Z`) - Date.parse(`${fromStart}T00:00:00Z`);
  return Math.round(ms / DAY_MS / 7) * 7;
}
