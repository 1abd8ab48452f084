import type { IsoDate } from '@stl/shared/domain';

/** The organisations are Swedish: "today" for a certificate is the calendar day on the Stockholm clock. */
export const ORGANISATION_TIME_ZONE = 'Europe/Stockholm';

const calendarDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Stockholm calendar day of an instant as 'YYYY-MM-DD'. Between midnight and 01:00/02:00 Swedish
 * time the UTC date is still yesterday, which would show a certificate as valid a day too long.
 */
export function stockholmDate(instant: Date = new Date()): IsoDate {
  const parts = Object.fromEntries(calendarDay.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
