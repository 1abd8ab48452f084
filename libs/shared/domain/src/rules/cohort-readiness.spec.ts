import fc from 'fast-check';
import type { CertificationLike } from './certification';
import type { CohortOpeningInput } from './cohort-readiness';
import { cohortOpeningProblems } from './cohort-readiness';

const period = { startsOn: '2026-08-01', endsOn: '2027-06-30' };
const validCert: CertificationLike = { issuedOn: '2025-01-01', validUntil: '2028-06-30', revokedAt: null };
const ready: CohortOpeningInput = {
  meetings: 8,
  rounds: 6,
  leaders: [{ certifications: [validCert] }],
  period,
};

describe('cohortOpeningProblems', () => {
  it('lets a cohort with exactly the minimums open', () => {
    expect(cohortOpeningProblems(ready)).toEqual([]);
  });

  it('refuses 7 meetings and explains it plainly', () => {
    expect(cohortOpeningProblems({ ...ready, meetings: 7 })).toEqual([
      {
        code: 'TOO_FEW_MEETINGS',
        required: 8,
        actual: 7,
        message: 'A cohort needs at least 8 meetings; it has 7.',
      },
    ]);
  });

  it('refuses 5 analysis rounds', () => {
    expect(cohortOpeningProblems({ ...ready, rounds: 5 })).toEqual([
      {
        code: 'TOO_FEW_ROUNDS',
        required: 6,
        actual: 5,
        message: 'A cohort needs at least 6 analysis rounds; it has 5.',
      },
    ]);
  });

  it('fails rather than passes when a count is not a number', () => {
    const codes = cohortOpeningProblems({ ...ready, meetings: NaN, rounds: NaN }).map((p) => p.code);
    expect(codes).toEqual(['TOO_FEW_MEETINGS', 'TOO_FEW_ROUNDS']);
  });

  it('needs a leader at all', () => {
    const [problem] = cohortOpeningProblems({ ...ready, leaders: [] });
    expect(problem.code).toBe('NO_CERTIFIED_LEADER');
    expect(problem.message).toBe(
      'A cohort needs at least one course leader with a certification valid on every day from 2026-08-01 to 2027-06-30; it has no course leader.',
    );
  });

  it('needs the certification to cover the whole period, not just the start', () => {
    const lapses = { issuedOn: '2025-01-01', validUntil: '2027-06-29' };
    const problems = cohortOpeningProblems({ ...ready, leaders: [{ certifications: [lapses] }] });
    expect(problems.map((p) => p.code)).toEqual(['NO_CERTIFIED_LEADER']);
    expect(problems[0].message).toMatch(/its course leader does not have one\.$/);
  });

  it('does not accept a revoked certification', () => {
    const revoked = { ...validCert, revokedAt: '2026-05-01T08:00:00Z' };
    const problems = cohortOpeningProblems({
      ...ready,
      leaders: [{ certifications: [revoked] }, { certifications: [] }],
    });
    expect(problems.map((p) => p.code)).toEqual(['NO_CERTIFIED_LEADER']);
    expect(problems[0].message).toMatch(/none of its 2 course leaders has one\.$/);
  });

  it('is satisfied by one certified leader among uncertified co-leaders', () => {
    expect(
      cohortOpeningProblems({ ...ready, leaders: [{ certifications: [] }, { certifications: [validCert] }] }),
    ).toEqual([]);
  });

  it('accepts a leader whose certificate is renewed mid-year without a gap', () => {
    const certifications = [
      { issuedOn: '2024-01-01', validUntil: '2026-12-31' },
      { issuedOn: '2027-01-01', validUntil: '2029-12-31' },
    ];
    expect(cohortOpeningProblems({ ...ready, leaders: [{ certifications }] })).toEqual([]);
  });

  it('reports every problem at once, and meeting/round problems exactly when below the minimum', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.boolean(), (meetings, rounds, certified) => {
        const leaders = certified ? ready.leaders : [];
        const codes = cohortOpeningProblems({ meetings, rounds, leaders, period }).map((p) => p.code);
        expect(codes.includes('TOO_FEW_MEETINGS')).toBe(meetings < 8);
        expect(codes.includes('TOO_FEW_ROUNDS')).toBe(rounds < 6);
        expect(codes.includes('NO_CERTIFIED_LEADER')).toBe(!certified);
      }),
    );
  });
});
