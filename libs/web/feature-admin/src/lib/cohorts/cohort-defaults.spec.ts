import { cohortDefaults, shareFromPercent, wholeNumber } from './cohort-defaults';

describe('a new cohort’s defaults', () => {
  it('plans the coming school year: in the autumn this one, in the spring the next', () => {
    expect(cohortDefaults(new Date('2026-12-02T10:00:00Z'))).toEqual({
      schoolYear: '2026/27',
      startsOn: '2026-08-01',
      endsOn: '2027-06-30',
    });
    expect(cohortDefaults(new Date('2027-02-10T10:00:00Z')).schoolYear).toBe('2027/28');
    expect(cohortDefaults(new Date('2027-08-10T10:00:00Z')).schoolYear).toBe('2027/28');
  });

  it('reads percentages and whole numbers as typed', () => {
    expect(shareFromPercent('75')).toBe(0.75);
    expect(shareFromPercent('62,5')).toBe(0.625);
    expect(shareFromPercent('101')).toBeNull();
    expect(shareFromPercent('')).toBeNull();
    expect(wholeNumber('2', 1, 6)).toBe(2);
    expect(wholeNumber('2.5', 1, 6)).toBeNull();
    expect(wholeNumber('7', 1, 6)).toBeNull();
    expect(wholeNumber(' ', 1, 6)).toBeNull();
  });
});
