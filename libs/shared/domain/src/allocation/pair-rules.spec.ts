import { loadsBalanced, pairRuleViolation } from './pair-rules';

const input = {
  analyses: [
    { analysisId: 'a1', authorId: 'p1' },
    { analysisId: 'a2', authorId: 'p2' },
  ],
  reviewers: [{ reviewerId: 'p1' }, { reviewerId: 'p2' }, { reviewerId: 'p3' }],
};

describe('pairRuleViolation (the pair rules of rule 4)', () => {
  it('accepts a pair that breaks no rule', () => {
    expect(
      pairRuleViolation(input, [{ analysisId: 'a1', reviewerId: 'p2' }], {
        analysisId: 'a1',
        reviewerId: 'p3',
      }),
    ).toBeNull();
  });

  it('refuses self-review, a pair given twice and unknown ids', () => {
    expect(pairRuleViolation(input, [], { analysisId: 'a1', reviewerId: 'p1' })?.code).toBe('SELF_REVIEW');
    expect(
      pairRuleViolation(input, [{ analysisId: 'a2', reviewerId: 'p3' }], {
        analysisId: 'a2',
        reviewerId: 'p3',
      })?.code,
    ).toBe('DUPLICATE_PAIR');
    expect(pairRuleViolation(input, [], { analysisId: 'a9', reviewerId: 'p3' })?.code).toBe(
      'UNKNOWN_ANALYSIS',
    );
    expect(pairRuleViolation(input, [], { analysisId: 'a1', reviewerId: 'p9' })?.code).toBe(
      'UNKNOWN_REVIEWER',
    );
  });

  it('judges only the pair: other pairs that break rules do not count against it', () => {
    const broken = [{ analysisId: 'a1', reviewerId: 'p1' }];
    expect(pairRuleViolation(input, broken, { analysisId: 'a2', reviewerId: 'p1' })).toBeNull();
  });
});

describe('loadsBalanced', () => {
  it('holds when every load is the floor or ceiling of the mean', () => {
    expect(loadsBalanced([])).toBe(true);
    expect(loadsBalanced([2, 2, 2])).toBe(true);
    expect(loadsBalanced([1, 2, 2])).toBe(true);
    expect(loadsBalanced([1, 2, 3])).toBe(false);
    expect(
      loadsBalanced(
        new Map([
          ['a', 0],
          ['b', 2],
        ]).values(),
      ),
    ).toBe(false);
  });
});
