import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatPlainDate,
  formatTime,
  formatTimeRange,
  isoWeek,
  toDate,
} from './format';
import { MailTemplateError } from './errors';

describe('mail date formatting (Stockholm time)', () => {
  // 12:00 UTC in November is 13:00 in Stockholm (CET, +01).
  const winter = '2026-11-11T12:00:00Z';
  // 11:00 UTC in September is 13:00 in Stockholm (CEST, +02).
  const summer = new Date('2026-09-16T11:00:00Z');

  it('writes date and time as Swedes do', () => {
    expect(formatDateTime(winter, 'sv')).toBe('onsdag 11 november 2026 kl. 13.00');
    expect(formatDateTime(summer, 'sv')).toBe('onsdag 16 september 2026 kl. 13.00');
  });

  it('writes date and time in British English order', () => {
    expect(formatDateTime(winter, 'en')).toBe('Wednesday 11 November 2026, 13:00');
  });

  it('uses the Stockholm calendar day, not the UTC one', () => {
    // 23:30 UTC on 10 November is already 00:30 on 11 November in Stockholm.
    expect(formatDate('2026-11-10T23:30:00Z', 'sv')).toBe('onsdag 11 november 2026');
    expect(formatTime('2026-11-10T23:30:00Z', 'sv')).toBe('00.30');
  });

  it('has short and plain date forms', () => {
    expect(formatDayMonth(winter, 'sv')).toBe('onsdag 11 november');
    expect(formatDayMonth(winter, 'en')).toBe('Wednesday 11 November');
    expect(formatPlainDate(winter, 'sv')).toBe('11 november 2026');
  });

  it('writes a meeting time range', () => {
    expect(formatTimeRange(winter, '2026-11-11T15:00:00Z', 'sv')).toBe(
      'onsdag 11 november 2026 kl. 13.00–16.00',
    );
    expect(formatTimeRange(winter, '2026-11-11T15:00:00Z', 'en')).toBe(
      'Wednesday 11 November 2026, 13:00–16:00',
    );
    expect(formatTimeRange(winter, '2026-11-12T15:00:00Z', 'sv')).toBe(
      'onsdag 11 november 2026 kl. 13.00 – torsdag 12 november 2026 kl. 16.00',
    );
  });

  it('numbers weeks by ISO 8601 on the Stockholm calendar', () => {
    expect(isoWeek(winter)).toBe(46);
    expect(isoWeek('2027-01-01T12:00:00Z')).toBe(53); // Friday 1 Jan 2027 belongs to week 53 of 2026
    expect(isoWeek('2027-01-04T12:00:00Z')).toBe(1);
    // Sunday 23:30 UTC is already Monday in Stockholm: the next week.
    expect(isoWeek('2026-11-15T23:30:00Z')).toBe(47);
  });

  it('rejects an invalid date with a typed error', () => {
    expect(() => toDate('not a date')).toThrow(MailTemplateError);
  });
});
