/**
 * Form fields hold a calendar date ("2027-09-08") and a clock time ("13:00") as people in Sweden
 * mean them; the API wants instants. The course runs in Swedish time whatever the browser's own
 * time zone, so the conversion goes through Europe/Stockholm explicitly. Pure: no Angular.
 */
export const COURSE_TIME_ZONE = 'Europe/Stockholm';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: COURSE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const parts = partsFormatter.formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far Swedish wall-clock time is ahead of UTC at that instant, in ms (1 h or 2 h). */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a real calendar date written YYYY-MM-DD (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** True for a clock time "13:00" (or the Swedish "13.00"). */
export function isClockTime(value: string): boolean {
  return TIME_RE.test(value.trim());
}

/**
 * The instant (ISO string) of a Swedish date and time, or null when either is not valid. Daylight
 * saving is handled by asking the time zone database for the offset on that day.
 */
export function toInstant(date: string, time: string): string | null {
  const t = TIME_RE.exec(time.trim());
  if (!isCalendarDate(date) || !t) return null;
  const [y, mo, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, mo - 1, d, Number(t[1]), Number(t[2]));
  // Two passes settle the offset also right after a daylight-saving switch.
  let ms = naive - offsetAt(naive);
  ms = naive - offsetAt(ms);
  return new Date(ms).toISOString();
}

/** The Swedish calendar date and clock time of an instant, for form fields. */
export function toLocalParts(instant: string | Date): { date: string; time: string } {
  const w = wallClock(new Date(instant).getTime());
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** A calendar date moved by whole days ("2027-01-31" + 1 = "2027-02-01"). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, mo - 1, d + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
