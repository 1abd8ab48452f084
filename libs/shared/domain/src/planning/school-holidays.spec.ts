import { avoidSchoolHolidays, defaultSchoolHolidays, easterSunday, holidayOn } from './school-holidays';

describe('default Swedish school holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('places höstlov, jullov, sportlov and påsklov in the school year', () => {
    expect(defaultSchoolHolidays('2026/27')).toEqual([
      { kind: 'HOSTLOV', startsOn: '2026-10-26', endsOn: '2026-11-01' },
      { kind: 'JULLOV', startsOn: '2026-12-21', endsOn: '2027-01-07' },
      { kind: 'SPORTLOV', startsOn: '2027-03-01', endsOn: '2027-03-07' },
      { kind: 'PASKLOV', startsOn: '2027-03-29', endsOn: '2027-04-04' },
    ]);
    expect(defaultSchoolHolidays('2026/2027')).toEqual([]);
  });

  it('moves a suggested meeting out of a holiday a week at a time, keeping the weekday', () => {
    const holidays = defaultSchoolHolidays('2026/27');
    // Wednesday 23 December → 30 December → 6 January (still jullov) → Wednesday 13 January.
    expect(avoidSchoolHolidays('2026-12-23', holidays)).toBe('2027-01-13');
    expect(avoidSchoolHolidays('2026-10-28', holidays)).toBe('2026-11-04');
    expect(avoidSchoolHolidays('2027-03-03', holidays)).toBe('2027-03-10');
    expect(avoidSchoolHolidays('2026-11-18', holidays)).toBe('2026-11-18');
    expect(holidayOn('2027-03-31', holidays)?.kind).toBe('PASKLOV');
  });
});
