/**
 * Calendar arithmetic on the Stockholm clock, where the course happens: "tomorrow", "07:00",
 * "week 48" and "November" are all Stockholm wall-clock notions, and the offset to UTC changes twice
 * a year. Pure functions over instants; no ambient clock.
 */
export const TIME_ZONE = 'Europe/Stockholm';

const DAY_MS = 86_400_000;

export interface WallClock {
  /** 'YYYY-MM-DD' */
  date: string;
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
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function numericParts(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(at)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Stockholm wall clock at an instant. */
export function wallClock(at: Date): WallClock {
  const p = numericParts(at);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() || 7;
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    minuteOfDay: p.hour * 60 + p.minute,
    weekday,
  };
}

/** Stockholm's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(at: Date): number {
  const p = numericParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant at which Stockholm clocks show `date` and `minuteOfDay`. A time skipped by the spring
 * change (02:30 on the last Sunday of March) gives the instant an hour later.
 */
export function stockholmInstant(date: string, minuteOfDay: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const first = naive - offsetAt(new Date(naive));
  const second = naive - offsetAt(new Date(first));
  return new Date(second);
}

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO week of the Stockholm calendar day, e.g. '2026-W48' (the year is the ISO week-year). */
export function isoWeekKey(at: Date): string {
  const { year, month, day } = wallClock(at);
  const t = new Date(Date.UTC(year, month - 1, day));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const weekYear = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS + 1) / 7);
  return `${weekYear}-W${pad(week)}`;
}

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

export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 3_600_000;
