/**
 * Dates, times and weeks as Swedes write them, always in Swedish time (the course runs in Sweden,
 * whatever the reader's computer says): "onsdag 11 nov. 2026 kl. 13.00", "v. 46". English gets
 * the British order: "Wednesday 11 Nov 2026, 13:00", "week 46". Pure: no Angular, easy to test.
 */
import { COURSE_TIME_ZONE, isoWeek as stockholmIsoWeek } from '@stl/shared/domain/calendar';
import type { Lang } from './lang';
export * from './lang';
/** Dates and times are shown on the Stockholm clock, whatever the browser's own time zone. */
export const TIME_ZONE = COURSE_TIME_ZONE;

type DateInput = Date | string;

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  lang: Lang,
  options: Intl.DateTimeFormatOptions,
  timeZone = TIME_ZONE,
): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date (YYYY-MM-DD) as a Date at noon UTC, so no time zone moves it to another day. */
function calendarDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`);
}

function dateParts(lang: Lang, d: Date, timeZone: string): string {
  const parts = formatter(
    lang,
    { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric' },
    timeZone,
  )
    .formatToParts(d)
    .filter((p) => p.type !== 'literal');
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Built from parts so both languages read "weekday day month year", without a stray comma.
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** "onsdag 11 nov. 2026" / "Wednesday 11 Nov 2026". */
export function formatDate(value: DateInput, lang: Lang): string {
  return dateParts(lang, toDate(value), TIME_ZONE);
}

/** A date without a time (YYYY-MM-DD, e.g. a cohort's first day): "måndag 17 aug. 2026". */
export function formatCalendarDate(iso: string, lang: Lang): string {
  return dateParts(lang, calendarDate(iso), 'UTC');
}

/** "13.00" / "13:00" (Swedish writes a full stop between hours and minutes). */
export function formatTime(value: DateInput, lang: Lang): string {
  const parts = formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    toDate(value),
  );
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return `${hour}${lang === 'sv' ? '.' : ':'}${minute}`;
}

/** "onsdag 11 nov. 2026 kl. 13.00" / "Wednesday 11 Nov 2026, 13:00". */
export function formatDateTime(value: DateInput, lang: Lang): string {
  const d = toDate(value);
  return lang === 'sv'
    ? `${formatDate(d, lang)} kl. ${formatTime(d, lang)}`
    : `${formatDate(d, lang)}, ${formatTime(d, lang)}`;
}

/** "11 nov." / "11 Nov": for dense lists. */
export function formatShortDate(value: DateInput, lang: Lang): string {
  const parts = formatter(lang, { day: 'numeric', month: 'short' }).formatToParts(toDate(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')}`;
}

/** The ISO 8601 week number of the day it is in Sweden at that moment (Swedes count weeks so). */
export function isoWeek(value: DateInput): number {
  return stockholmIsoWeek(toDate(value)).week;
}

/** "v. 46" / "week 46". */
export function formatWeek(value: DateInput, lang: Lang): string {
  return `${lang === 'sv' ? 'v.' : 'week'} ${isoWeek(value)}`;
}
