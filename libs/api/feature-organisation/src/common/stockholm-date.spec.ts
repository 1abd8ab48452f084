import { stockholmDate } from './stockholm-date';

describe('stockholmDate', () => {
  it('is already the next day in Stockholm shortly after midnight in summer (UTC+2)', () => {
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('turns the year at midnight Stockholm time in winter (UTC+1)', () => {
    expect(stockholmDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(stockholmDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
