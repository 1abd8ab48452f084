/**
 * Form fields hold a calendar date ("2027-09-08") and a clock time ("13:00") as people in Sweden
 * mean them; the API wants instants. The course runs in Swedish time whatever the browser's own
 * time zone, so the conversion goes through the shared Stockholm calendar. Pure: no Angular.
 */
import { isIsoDate, stockholmInstant, wallClock } from '@stl/shared/domain';

const TIME_RE = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a clock time "13:00" (or the Swedish "13.00"). */
export function isClockTime(value: string): boolean {
  return TIME_RE.test(value.trim());
}

/**
 * The instant (ISO string) of a Swedish date and time, or null when either is not valid. Daylight
 * saving is handled by the shared calendar, which asks the time zone database for the offset.
 */
export function toInstant(date: string, time: string): string | null {
  const t = TIME_RE.exec(time.trim());
  if (!isIsoDate(date) || !t) return null;
  return stockholmInstant(date, Number(t[1]) * 60 + Number(t[2])).toISOString();
}

/** The Swedish calendar date and clock time of an instant, for form fields. */
export function toLocalParts(instant: string | Date): { date: string; time: string } {
  const w = wallClock(new Date(instant));
  return { date: w.date, time: `${pad(w.hour)}:${pad(w.minute)}` };
}
