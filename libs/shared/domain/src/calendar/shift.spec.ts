import { shiftStockholmDays, wallClock, weekAlignedOffsetDays } from './stockholm';

describe('moving a plan to another year', () => {
  it('rounds the offset between start dates to whole weeks, keeping weekdays', () => {
    expect(weekAlignedOffsetDays('2026-08-17', '2027-08-16')).toBe(364);
    expect(weekAlignedOffsetDays('2026-08-17', '2027-08-18')).toBe(364);
    expect(weekAlignedOffsetDays('2026-08-17', '2027-08-20')).toBe(371);
    expect(weekAlignedOffsetDays('2026-08-17', '2026-08-17')).toBe(0);
  });

  it('keeps the Stockholm clock time across a daylight-saving change', () => {
    // Monday 19 October 2026 13.00 summer time → 364 days later, Monday 18 October 2027 13.00.
    const at = new Date('2026-10-19T11:00:00Z');
    const moved = shiftStockholmDays(at, 364);
    expect(wallClock(moved)).toMatchObject({ date: '2027-10-18', hour: 13, minute: 0, weekday: 1 });
    // Monday 2 November 2026 13.00 (winter time) + 22 weeks → Monday 5 April 2027 13.00 (summer time).
    const winter = shiftStockholmDays(new Date('2026-11-02T12:00:00Z'), 7 * 22);
    expect(wallClock(winter)).toMatchObject({ hour: 13, minute: 0, weekday: 1 });
    // Crossing into summer time: 16 March 2027 13.00 (winter) + 14 days → 30 March 13.00 (summer).
    const spring = shiftStockholmDays(new Date('2027-03-16T12:00:00Z'), 14);
    expect(spring.toISOString()).toBe('2027-03-30T11:00:00.000Z');
  });
});
