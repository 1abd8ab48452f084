import {
  MAX_SCHOOL_HOLIDAYS,
  avoidSchoolHolidays,
  defaultSchoolHolidays,
  easterSunday,
  holidayOn,
  schoolHolidayProblems,
} from './school-holidays';

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

describe('schoolHolidayProblems', () => {
  const ok = [
    { name: 'Höstlov', startsOn: '2026-10-26', endsOn: '2026-11-01' },
    { name: 'Jullov', startsOn: '2026-12-21', endsOn: '2027-01-07' },
  ];

  it('accepts named, ordered, separate holidays within the school year', () => {
    expect(schoolHolidayProblems('2026/27', ok)).toEqual([]);
    expect(schoolHolidayProblems('2026/27', [])).toEqual([]);
  });

  it('names each row that ends before it starts, lies outside the year, lacks a name or overlaps', () => {
    const problems = schoolHolidayProblems('2026/27', [
      { name: 'Höstlov', startsOn: '2026-11-01', endsOn: '2026-10-26' },
      { name: '  ', startsOn: '2027-07-01', endsOn: '2027-07-05' },
      { name: 'Jullov', startsOn: '2026-12-21', endsOn: '2027-01-20' },
      { name: 'Studiedag', startsOn: '2027-01-08', endsOn: '2027-01-08' },
      { name: 'Sportlov', startsOn: '2027-01-20', endsOn: '2027-01-25' },
    ]);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['holidays.0.endsOn', 'ENDS_BEFORE_START'],
      ['holidays.1.name', 'REQUIRED'],
      ['holidays.1.startsOn', 'OUTSIDE_SCHOOL_YEAR'],
      // The long jullov overlaps both of the later ones.
      ['holidays.3.startsOn', 'HOLIDAYS_OVERLAP'],
      ['holidays.4.startsOn', 'HOLIDAYS_OVERLAP'],
    ]);
  });

  it(`refuses more than ${MAX_SCHOOL_HOLIDAYS} holidays`, () => {
    const many = Array.from({ length: MAX_SCHOOL_HOLIDAYS + 1 }, (_, i) => ({
      name: `Lov ${i}`,
      startsOn: `2026-09-${String(i + 1).padStart(2, '0')}`,
      endsOn: `2026-09-${String(i + 1).padStart(2, '0')}`,
    }));
    expect(schoolHolidayProblems('2026/27', many).map((p) => p.code)).toEqual(['TOO_MANY_HOLIDAYS']);
  });
});
