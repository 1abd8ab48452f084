import { MailTemplateError } from './errors';
import type { MailLocale } from './locale';
import { COURSE_TIME_ZONE, isoWeek as stockholmIsoWeek } from '@stl/shared/domain';

/** A point in time: a Date, or an ISO 8601 string as it comes back from a JSON outbox payload. */
export type Instant = Date | string;

/** Every date and time in a mail is shown as it is on the clock in Sweden. */
export const MAIL_TIME_ZONE = COURSE_TIME_ZONE;

const INTL_LOCALE: Record<MailLocale, string> = { sv: 'sv-SE', en: 'en-GB' };

export function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new MailTemplateError(`Not a valid date: ${String(value)}`);
  return date;
}

type Part = 'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute';

const formatters = new Map<MailLocale, Intl.DateTimeFormat>();

function formatterFor(locale: MailLocale): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: MAIL_TIME_ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, f);
  }
  return f;
}

/** The calendar parts of an instant on the Stockholm clock, in the words of the locale. */
function partsOf(value: Instant, locale: MailLocale): Record<Part, string> {
  const out: Record<Part, string> = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of formatterFor(locale).formatToParts(toDate(value))) {
    if (p.type in out) out[p.type as Part] = p.value;
  }
  return out;
}

/** "onsdag 11 november 2026" / "Wednesday 11 November 2026" */
export function formatDate(value: Instant, locale: MailLocale): string {
  const p = partsOf(value, locale);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "onsdag 11 november" / "Wednesday 11 November": short enough for a subject line. */
export function formatDayMonth(value: Instant, locale: MailLocale): string {
  const p = partsOf(value, locale);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "11 november 2026" / "11 November 2026" */
export function formatPlainDate(value: Instant, locale: MailLocale): string {
  const p = partsOf(value, locale);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "13.00" / "13:00": Swedish writes the time with a full stop. */
export function formatTime(value: Instant, locale: MailLocale): string {
  const p = partsOf(value, locale);
  return locale === 'sv' ? `${p.hour}.${p.minute}` : `${p.hour}:${p.minute}`;
}

/** "onsdag 11 november 2026 kl. 13.00" / "Wednesday 11 November 2026, 13:00" */
export function formatDateTime(value: Instant, locale: MailLocale): string {
  return locale === 'sv'
    ? `${formatDate(value, locale)} kl. ${formatTime(value, locale)}`
    : `${formatDate(value, locale)}, ${formatTime(value, locale)}`;
}

/** "onsdag 11 november 2026 kl. 13.00–16.00"; a range over several days names both ends in full. */
export function formatTimeRange(start: Instant, end: Instant, locale: MailLocale): string {
  if (formatDate(start, locale) !== formatDate(end, locale)) {
    return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
  }
  return `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
}

/** ISO 8601 week number of the Stockholm calendar day, the "vecka 46" Swedes plan by. */
export function isoWeek(value: Instant): number {
  return stockholmIsoWeek(toDate(value)).week;
}
