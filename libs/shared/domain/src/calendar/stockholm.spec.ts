import { addDays } from '../rules/iso-date';
import { isoWeek, isoWeekKey, previousMonth, stockholmDate, stockholmInstant, wallClock } from './stockholm';

describe('Stockholm wall clock', () => {
  it('reads winter and summer time', () => {
    expect(wallClock(new Date('2026-11-25T12:00:00Z'))).toMatchObject({
      date: '2026-11-25',
      hour: 13,
      weekday: 3,
    });
    expect(wallClock(new Date('2026-06-01T22:30:00Z'))).toMatchObject({
      date: '2026-06-02',
      hour: 0,
      minute: 30,
    });
  });

  it('turns a wall-clock time into an instant across both clock changes', () => {
    expect(stockholmInstant('2026-11-26', 7 * 60).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(stockholmInstant('2026-07-01', 7 * 60).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    // The night the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(stockholmInstant('2026-03-29', 7 * 60).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(stockholmInstant('2026-10-25', 7 * 60).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(stockholmInstant('2026-03-29', 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('counts days, weeks and months as Swedes do', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Sunday evening in Stockholm is already Monday in no time zone but is still week 48.
    expect(isoWeekKey(new Date('2026-11-29T22:30:00Z'))).toBe('2026-W48');
    expect(isoWeekKey(new Date('2026-11-29T23:30:00Z'))).toBe('2026-W49');
    expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    const m = previousMonth(new Date('2026-12-01T06:30:00Z'));
    expect(m.key).toBe('2026-11');
    expect(m.start.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(m.end.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(previousMonth(new Date('2027-01-15T12:00:00Z')).key).toBe('2026-12');
  });
});

describe('Stockholm calendar day and week', () => {
  it('is already the next day in Stockholm shortly after midnight in summer (UTC+2)', () => {
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('turns the year at midnight Stockholm time in winter (UTC+1)', () => {
    expect(stockholmDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(stockholmDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('numbers weeks as Swedes do, by the Stockholm day and the ISO week-year', () => {
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeek(new Date('2027-01-04T12:00:00Z'))).toEqual({ weekYear: 2027, week: 1 });
    // Sunday 23:30 UTC is already Monday in Stockholm: the next week.
    expect(isoWeek(new Date('2026-11-22T23:30:00Z')).week).toBe(48);
    expect(isoWeek(new Date('2026-11-15T23:30:00Z')).week).toBe(47);
  });
});
