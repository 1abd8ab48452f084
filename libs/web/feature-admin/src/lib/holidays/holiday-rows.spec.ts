import { holidayFormErrors, holidayRowProblems, localRefusal, schoolYearChoices } from './holiday-rows';

const row = (name: string, startsOn: string, endsOn: string) => ({ name, startsOn, endsOn });

describe('the school holidays form', () => {
  it('offers this school year, by the Stockholm calendar, and the two after', () => {
    expect(schoolYearChoices(new Date('2026-12-06T10:00:00Z'))).toEqual(['2026/27', '2027/28', '2028/29']);
    // 1 July 00:30 in Stockholm is still 30 June in UTC: the new year has begun.
    expect(schoolYearChoices(new Date('2027-06-30T22:30:00Z'))[0]).toBe('2027/28');
  });

  it('finds what the API would refuse, row by row', () => {
    expect(holidayRowProblems('2026/27', [row('Jullov', '2026-12-21', '2027-01-07')])).toEqual([]);
    expect(
      holidayRowProblems('2026/27', [
        row('Jullov', '2026-12-21', '2027-01-07'),
        row('Nyår', '2026-12-31', '2027-01-01'),
        row('', '2027-03-05', '2027-03-01'),
        row('Sommar', '2027-06-20', '2027-07-02'),
      ]),
    ).toEqual([
      { field: 'holidays.2.name', code: 'REQUIRED' },
      { field: 'holidays.2.endsOn', code: 'ENDS_BEFORE_START' },
      { field: 'holidays.3.startsOn', code: 'OUTSIDE_SCHOOL_YEAR' },
      { field: 'holidays.1.startsOn', code: 'HOLIDAYS_OVERLAP' },
    ]);
  });

  it('reports dates that are not dates alone, with the names, as the API does', () => {
    expect(
      holidayRowProblems('2026/27', [row('', '', '2026-10-30'), row('Jullov', '2026-12-21', '2026-12-01')]),
    ).toEqual([
      { field: 'holidays.0.startsOn', code: 'INVALID_DATE' },
      { field: 'holidays.0.name', code: 'REQUIRED' },
    ]);
  });

  it('places each problem at its row by the row’s key, and numbers it in the summary', () => {
    const errors = holidayFormErrors(
      localRefusal([
        { field: 'holidays.1.startsOn', code: 'HOLIDAYS_OVERLAP' },
        { field: 'holidays', code: 'TOO_MANY_HOLIDAYS' },
      ]),
      [7, 3],
      '2026/27',
    );
    expect(errors.fields).toEqual({ 'holiday-3-startsOn': 'admin.holidays.problem.HOLIDAYS_OVERLAP' });
    expect(errors.summary).toEqual([
      {
        target: 'holiday-3-startsOn',
        key: 'admin.holidays.problem.HOLIDAYS_OVERLAP',
        params: { number: 2, year: '2026/27' },
      },
      { key: 'admin.holidays.problem.TOO_MANY_HOLIDAYS', params: { year: '2026/27' } },
    ]);
  });

  it('words a refusal about no row in the API’s own sentence', () => {
    const forbidden = { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN', problems: [] };
    expect(holidayFormErrors(forbidden, [], '2026/27').summary).toEqual([
      { key: 'errors.FORBIDDEN', params: { year: '2026/27' } },
    ]);
  });
});
