import { loadsBalanced, pairRuleViolation, pairWarnings } from './pair-rules';

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

describe('pairWarnings (the soft rules shown while a leader changes a pair)', () => {
  const schools: Record<string, string> = { p1: 'ek', p2: 'ek', p3: 'sol' };
  const base = {
    authorId: 'p1',
    reviewerId: 'p3',
    schoolOf: (id: string) => schools[id] ?? null,
    roundPairs: [] as { authorId: string; reviewerId: string }[],
    earlierPairs: [] as { authorId: string; reviewerId: string }[],
    loadsAfter: [1, 1, 1],
  };

  it('warns of nothing for an outside, new, one-way pair that keeps loads balanced', () => {
    expect(pairWarnings(base)).toEqual([]);
  });

  it('names each soft rule the pair breaks', () => {
    expect(pairWarnings({ ...base, reviewerId: 'p2' })).toEqual(['SAME_SCHOOL']);
    expect(pairWarnings({ ...base, earlierPairs: [{ authorId: 'p1', reviewerId: 'p3' }] })).toEqual([
      'REPEATED_PAIR',
    ]);
    expect(pairWarnings({ ...base, roundPairs: [{ authorId: 'p3', reviewerId: 'p1' }] })).toEqual([
      'RECIPROCAL',
    ]);
    expect(pairWarnings({ ...base, loadsAfter: [0, 1, 2] })).toEqual(['UNBALANCED_LOAD']);
  });

  it('does not call unknown schools the same school', () => {
    expect(pairWarnings({ ...base, schoolOf: () => null })).toEqual([]);
  });
});
