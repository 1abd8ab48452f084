import { isQuiet, quietUntil } from './quiet-hours';

const NIGHT = { startMinute: 21 * 60, endMinute: 7 * 60 };

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
