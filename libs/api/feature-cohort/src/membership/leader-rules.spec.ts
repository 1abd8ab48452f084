import { leaderProblems } from './leader-rules';

const period = { startsOn: '2026-08-17', endsOn: '2027-06-11' };
const cert = (issuedOn: string, validUntil: string, revokedAt: Date | null = null) => ({
  issuedOn,
  validUntil,
  revokedAt,
});

describe('leaderProblems', () => {
  it('accepts a course leader certified for every day of the cohort', () => {
    expect(
      leaderProblems(
        { fullName: 'Maria Berg', isCourseLeader: true, certifications: [cert('2025-06-13', '2029-06-30')] },
        period,
        'personId',
      ),
    ).toEqual([]);
  });

  it('accepts a certificate renewed mid-year without a gap', () => {
    const renewed = [cert('2022-06-01', '2026-12-31'), cert('2027-01-01', '2031-06-30')];
    expect(
      leaderProblems({ fullName: 'A', isCourseLeader: true, certifications: renewed }, period, 'x'),
    ).toEqual([]);
  });

  it('refuses an expired, revoked or too short certificate', () => {
    for (const certs of [
      [cert('2020-06-12', '2024-06-30')],
      [cert('2025-01-01', '2030-01-01', new Date('2026-01-01'))],
      [cert('2025-01-01', '2027-06-10')],
      [],
    ]) {
      expect(
        leaderProblems(
          { fullName: 'Karin Sjö', isCourseLeader: true, certifications: certs },
          period,
          'personId',
        ),
      ).toEqual([
        {
          field: 'personId',
          code: 'NO_COVERING_CERTIFICATION',
          message: 'Karin Sjö has no STL certification valid on every day from 2026-08-17 to 2027-06-11.',
        },
      ]);
    }
  });

  it('refuses someone without the course leader role even when certified', () => {
    expect(
      leaderProblems(
        { fullName: 'B', isCourseLeader: false, certifications: [cert('2025-01-01', '2030-01-01')] },
        period,
        'leaderIds.1',
      ).map((p) => [p.field, p.code]),
    ).toEqual([['leaderIds.1', 'NOT_A_COURSE_LEADER']]);
  });
});
