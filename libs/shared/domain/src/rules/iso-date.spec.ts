import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  isDatePeriod,
  isIsoDate,
  isoDateEndMs,
  isoDateStartMs,
  toIsoDate,
} from './iso-date';

const instant = fc.date({
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

/**
 * The date as a machine east of UTC sees it: local getters run ahead, UTC getters are untouched.
 * CI runs in UTC, where local and UTC getters agree and could not tell a wrong one apart.
 */
const onMachineAhead = (iso: string, hoursAhead: number): Date => {
  const date = new Date(iso);
  const local = new Date(date.getTime() + hoursAhead * 3_600_000);
  return Object.assign(date, {
    getFullYear: () => local.getUTCFullYear(),
    getMonth: () => local.getUTCMonth(),
    getDate: () => local.getUTCDate(),
    getHours: () => local.getUTCHours(),
  });
};

describe('isIsoDate', () => {
  it.each(['2026-08-01', '2024-02-29', '2000-02-29', '1999-12-31', '2027-06-30', '0001-01-01'])(
    'accepts %s',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not divisible by 400'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-11-31', 'November has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-01', 'unpadded month'],
    ['26-01-01', 'two-digit year'],
    ['2026-01-01T00:00:00Z', 'a timestamp'],
    [' 2026-01-01', 'leading space'],
    ['2026/01/01', 'wrong separator'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(new Date())).toBe(false);
    expect(isIsoDate(20260801)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('toIsoDate', () => {
  it('ignores the time zone of the machine', () => {
    expect(toIsoDate(onMachineAhead('2026-06-30T23:30:00Z', 2))).toBe('2026-06-30');
    expect(toIsoDate(onMachineAhead('2026-12-31T23:30:00Z', 2))).toBe('2026-12-31');
  });

  it('uses the UTC calendar date, whatever the local time zone', () => {
    expect(toIsoDate(new Date('2026-06-30T23:59:59.999Z'))).toBe('2026-06-30');
    expect(toIsoDate(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
    // 00:30 in Stockholm is still the previous day in UTC.
    expect(toIsoDate(new Date('2026-07-01T00:30:00+02:00'))).toBe('2026-06-30');
  });

  it('pads years below 1000', () => {
    const d = new Date(0);
    d.setUTCFullYear(45, 0, 5);
    expect(toIsoDate(d)).toBe('0045-01-05');
  });

  it('throws on an invalid date instead of writing "NaN-NaN-NaN"', () => {
    expect(() => toIsoDate(new Date('nope'))).toThrow(RangeError);
  });

  it('always produces a valid IsoDate that starts the same UTC day', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const iso = toIsoDate(d);
        expect(isIsoDate(iso)).toBe(true);
        expect(isoDateStartMs(iso)).toBeLessThanOrEqual(d.getTime());
        expect(isoDateEndMs(iso)).toBeGreaterThanOrEqual(d.getTime());
      }),
    );
  });

  it('orders as strings exactly as the instants order by day', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [x, y] = [toIsoDate(a), toIsoDate(b)];
        const dayA = Math.floor(a.getTime() / 86_400_000);
        const dayB = Math.floor(b.getTime() / 86_400_000);
        expect(x < y ? -1 : x > y ? 1 : 0).toBe(Math.sign(dayA - dayB));
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-03-01', '2023-02-01')).toBe(-28);
  });

  it('daysBetween undoes addDays', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const from = toIsoDate(d);
        fc.pre(from > '0010-01-01' && from < '9990-01-01');
        expect(daysBetween(from, addDays(from, n))).toBe(n);
      }),
    );
  });

  it('a day lasts from 00:00:00.000 to 23:59:59.999 UTC', () => {
    expect(new Date(isoDateStartMs('2026-08-01')).toISOString()).toBe('2026-08-01T00:00:00.000Z');
    expect(new Date(isoDateEndMs('2027-06-30')).toISOString()).toBe('2027-06-30T23:59:59.999Z');
    expect(new Date(isoDateStartMs('0050-03-01')).toISOString()).toBe('0050-03-01T00:00:00.000Z');
  });
});

describe('isDatePeriod', () => {
  it('accepts a one-day period and rejects reversed or malformed ones', () => {
    expect(isDatePeriod({ startsOn: '2026-08-01', endsOn: '2026-08-01' })).toBe(true);
    expect(isDatePeriod({ startsOn: '2026-08-02', endsOn: '2026-08-01' })).toBe(false);
    expect(isDatePeriod({ startsOn: '2026-08-01', endsOn: '2027-02-29' })).toBe(false);
  });
});
