import fc from 'fast-check';
import { isIsoDate } from './iso-date';
import { parseSchoolYear, schoolYearBounds, schoolYearOf } from './school-year';

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

describe('parseSchoolYear', () => {
  it('reads the Swedish form', () => {
    expect(parseSchoolYear('2026/27')).toEqual({ startYear: 2026, label: '2026/27' });
    expect(parseSchoolYear('2099/00')).toEqual({ startYear: 2099, label: '2099/00' });
    expect(parseSchoolYear('2009/10')).toEqual({ startYear: 2009, label: '2009/10' });
    expect(parseSchoolYear('1999/00')).toEqual({ startYear: 1999, label: '1999/00' });
  });

  it.each([
    ['2026/28', 'second year is not the next one'],
    ['2026/26', 'same year'],
    ['2026/2027', 'four-digit second year'],
    ['2026-27', 'dash'],
    ['2026/7', 'one-digit second year'],
    [' 2026/27', 'leading space'],
    ['2026/27 ', 'trailing space'],
    ['26/27', 'two-digit first year'],
    ['0999/00', 'leading zero'],
    ['9999/00', 'would end in year 10000'],
    ['ht2026', 'a term, not a year'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(parseSchoolYear(s)).toBeNull();
  });

  it('round-trips every label it produces', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1001-01-01'), max: new Date('9998-06-30'), noInvalidDate: true }),
        (d) => {
          const year = schoolYearOf(d);
          expect(parseSchoolYear(year.label)).toEqual(year);
        },
      ),
    );
  });
});

describe('schoolYearOf', () => {
  it('ignores the time zone of the machine', () => {
    // Already 1 July in Stockholm, still 30 June in UTC.
    expect(schoolYearOf(onMachineAhead('2026-06-30T23:30:00Z', 2)).label).toBe('2025/26');
    // Already 2027 in Stockholm, still 2026 in UTC.
    expect(schoolYearOf(onMachineAhead('2026-12-31T23:30:00Z', 2)).label).toBe('2026/27');
  });

  it('turns on 1 July (UTC calendar date)', () => {
    expect(schoolYearOf(new Date('2026-06-30T23:59:59.999Z')).label).toBe('2025/26');
    expect(schoolYearOf(new Date('2026-07-01T00:00:00.000Z')).label).toBe('2026/27');
    expect(schoolYearOf(new Date('2026-12-31T12:00:00Z')).label).toBe('2026/27');
    expect(schoolYearOf(new Date('2027-01-01T00:00:00Z')).label).toBe('2026/27');
  });

  it('handles the century change in the label', () => {
    expect(schoolYearOf(new Date('2099-09-01T00:00:00Z')).label).toBe('2099/00');
  });

  it('throws on an invalid date', () => {
    expect(() => schoolYearOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('schoolYearBounds', () => {
  it('runs from 1 August to 30 June', () => {
    expect(schoolYearBounds('2026/27')).toEqual({ startsOn: '2026-08-01', endsOn: '2027-06-30' });
    expect(schoolYearBounds('2099/00')).toEqual({ startsOn: '2099-08-01', endsOn: '2100-06-30' });
  });

  it('is null for a malformed label', () => {
    expect(schoolYearBounds('2026/28')).toBeNull();
    expect(schoolYearBounds('2026-27')).toBeNull();
  });

  it('gives real dates for every valid label, and they belong to that school year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9998 }), (startYear) => {
        const label = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
        const bounds = schoolYearBounds(label);
        expect(bounds).not.toBeNull();
        if (!bounds) return;
        expect(isIsoDate(bounds.startsOn) && isIsoDate(bounds.endsOn)).toBe(true);
        expect(schoolYearOf(new Date(`${bounds.startsOn}T00:00:00Z`)).label).toBe(label);
        expect(schoolYearOf(new Date(`${bounds.endsOn}T23:59:59.999Z`)).label).toBe(label);
      }),
    );
  });
});
