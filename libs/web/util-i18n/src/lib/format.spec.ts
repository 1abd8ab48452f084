import { formatSavedAt } from './saved-at';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  formatWeek,
  isoWeek,
} from './format';

describe('when text was last saved', () => {
  const now = new Date('2026-12-03T15:00:00Z'); // Thursday 3 Dec 2026, 16.00 in Stockholm
  it('gives the time alone today, in Stockholm', () => {
    expect(formatSavedAt('2026-12-03T08:00:00Z', 'sv', now)).toBe('09.00');
    // 23.30 UTC on 2 Dec is already 3 Dec in Stockholm.
    expect(formatSavedAt('2026-12-02T23:30:00Z', 'sv', now)).toBe('00.30');
  });

  it('adds the date on other days', () => {
    expect(formatSavedAt('2026-12-01T15:00:00Z', 'sv', now)).toBe('1 dec. kl. 16.00');
    expect(formatSavedAt('2026-12-01T15:00:00Z', 'en', now)).toBe('1 Dec, 16:00');
    expect(formatSavedAt('2025-12-01T15:00:00Z', 'sv', now)).toMatch(/2025 kl\. 16\.00$/);
  });
});

describe('Swedish dates, times and weeks', () => {
  // 13.00 in Stockholm on a winter day (UTC+1) and a summer day (UTC+2).
  const winter = '2026-11-11T12:00:00.000Z';
  const summer = '2026-09-02T11:00:00.000Z';

  it('writes date and time as Swedes do, in Swedish time', () => {
    expect(formatDateTime(winter, 'sv')).toBe('onsdag 11 nov. 2026 kl. 13.00');
    expect(formatDateTime(summer, 'sv')).toBe('onsdag 2 sep. 2026 kl. 13.00');
    expect(formatDate(winter, 'sv')).toBe('onsdag 11 nov. 2026');
    expect(formatTime('2026-11-22T12:02:00Z', 'sv')).toBe('13.02');
    expect(formatShortDate(winter, 'sv')).toBe('11 nov.');
  });

  it('writes English in British order with a colon in the time', () => {
    expect(formatDateTime(winter, 'en')).toBe('Wednesday 11 Nov 2026, 13:00');
    expect(formatTime('2026-11-22T12:02:00Z', 'en')).toBe('13:02');
  });

  it('uses the Swedish calendar day around midnight', () => {
    // 23.30 UTC on Sunday is already Monday 00.30 in Stockholm.
    expect(formatDate('2026-11-22T23:30:00Z', 'sv')).toBe('måndag 23 nov. 2026');
    expect(formatTime('2026-11-22T23:30:00Z', 'sv')).toBe('00.30');
  });

  it('keeps calendar dates on their day whatever the time zone', () => {
    expect(formatCalendarDate('2026-08-17', 'sv')).toBe('måndag 17 aug. 2026');
    expect(formatCalendarDate('2027-06-11', 'en')).toBe('Friday 11 Jun 2027');
  });

  it('numbers weeks by ISO 8601, as Swedish calendars do', () => {
    expect(isoWeek(winter)).toBe(46);
    expect(formatWeek(winter, 'sv')).toBe('v. 46');
    expect(formatWeek(winter, 'en')).toBe('week 46');
    // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
    expect(isoWeek('2027-01-01T12:00:00Z')).toBe(53);
    expect(isoWeek('2027-01-04T12:00:00Z')).toBe(1);
    // Sunday evening in UTC is Monday in Stockholm: a new week.
    expect(isoWeek('2026-11-22T23:30:00Z')).toBe(48);
  });
});
