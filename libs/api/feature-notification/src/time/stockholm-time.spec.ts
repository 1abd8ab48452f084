import { addDays, isoWeekKey, previousMonth, stockholmInstant, wallClock } from './stockholm-time';
import { isQuiet, quietUntil } from './quiet-hours';

const NIGHT = { startMinute: 21 * 60, endMinute: 7 * 60 };

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

describe('quiet hours', () => {
  it('holds mail made at night until 07:00 Stockholm time', () => {
    expect(quietUntil(new Date('2026-11-25T21:30:00Z'), NIGHT)?.toISOString()).toBe(
      '2026-11-26T06:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-11-26T03:00:00Z'), NIGHT)?.toISOString()).toBe(
      '2026-11-26T06:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-06-10T19:15:00Z'), NIGHT)?.toISOString()).toBe(
      '2026-06-11T05:00:00.000Z',
    );
  });

  it('lets daytime mail go at once, and everything when quiet hours are off', () => {
    expect(quietUntil(new Date('2026-11-26T06:00:00Z'), NIGHT)).toBeNull();
    expect(quietUntil(new Date('2026-11-26T19:59:00Z'), NIGHT)).toBeNull();
    expect(isQuiet(new Date('2026-11-26T20:00:00Z'), NIGHT)).toBe(true);
    expect(quietUntil(new Date('2026-11-26T02:00:00Z'), null)).toBeNull();
  });

  it('supports a window within one day', () => {
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(quietUntil(new Date('2026-11-26T11:30:00Z'), lunch)?.toISOString()).toBe(
      '2026-11-26T12:00:00.000Z',
    );
    expect(isQuiet(new Date('2026-11-26T12:30:00Z'), lunch)).toBe(false);
  });
});
