import {
  candidatesFor,
  exchangeReviewers,
  isBalanced,
  noticeKey,
  pairKey,
  plannedPairs,
  reasonKey,
  replaceReviewer,
  reviewerLoads,
  overridesFor,
} from './adjust';
import type { Adjustments, PairLike } from './adjust';

// Three authors a, b, c (analyses A, B, C), k = 1: a reviews B, b reviews C, c reviews A.
const PAIRS: PairLike[] = [
  { analysisId: 'A', authorId: 'a', reviewerId: 'c', locked: false },
  { analysisId: 'B', authorId: 'b', reviewerId: 'a', locked: false },
  { analysisId: 'C', authorId: 'c', reviewerId: 'b', locked: false },
];
const REVIEWERS = ['a', 'b', 'c', 'd'];

function ok(result: ReturnType<typeof replaceReviewer>): Adjustments {
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result.adjustments;
}

describe('changing a preview by choosing', () => {
  it('puts another reviewer on the pair and remembers the original one', () => {
    const adj = ok(replaceReviewer(PAIRS, {}, 'A:c', 'd'));
    const planned = plannedPairs(PAIRS, adj);
    expect(planned[0]).toMatchObject({ reviewerId: 'd', originalReviewerId: 'c', changed: true });
    expect(planned.filter((p) => p.changed)).toHaveLength(1);
  });

  it('forgets the change when the original reviewer is chosen again', () => {
    const adj = ok(replaceReviewer(PAIRS, ok(replaceReviewer(PAIRS, {}, 'A:c', 'd')), 'A:c', 'c'));
    expect(adj).toEqual({});
  });

  it('refuses a self-review, a duplicate, a locked pair and an unknown pair', () => {
    expect(replaceReviewer(PAIRS, {}, 'A:c', 'a')).toEqual({ ok: false, problem: 'SELF_REVIEW' });
    const two = [...PAIRS, { analysisId: 'A', authorId: 'a', reviewerId: 'b', locked: false }];
    expect(replaceReviewer(two, {}, 'A:c', 'b')).toEqual({ ok: false, problem: 'DUPLICATE' });
    const locked = PAIRS.map((p) => (p.analysisId === 'A' ? { ...p, locked: true } : p));
    expect(replaceReviewer(locked, {}, 'A:c', 'd')).toEqual({ ok: false, problem: 'LOCKED' });
    expect(replaceReviewer(PAIRS, {}, 'X:y', 'd')).toEqual({ ok: false, problem: 'UNKNOWN_PAIR' });
  });

  it('shows the loads, with who cannot take the pair and why, and never offers the author', () => {
    const planned = plannedPairs(PAIRS, ok(replaceReviewer(PAIRS, {}, 'A:c', 'd')));
    expect([...reviewerLoads(planned, REVIEWERS)]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
      ['d', 1],
    ]);
    // Pair A (author a) is now read by d. Moving it to b makes b read two and d none (unbalanced),
    // and a already reads b's analysis B (reciprocal); c (load 0) evens the loads out again.
    const candidates = candidatesFor(planned, 'A:c', REVIEWERS);
    expect(candidates.map((c) => c.reviewerId)).not.toContain('a');
    expect(candidates).toEqual([
      { reviewerId: 'b', load: 1, problem: null, warnings: ['RECIPROCAL', 'UNBALANCED_LOAD'] },
      { reviewerId: 'c', load: 0, problem: null, warnings: [] },
    ]);
  });

  it('warns live of a same-school, reciprocal or unbalancing change', () => {
    const planned = plannedPairs(PAIRS, {});
    const school = (id: string) => ({ a: 'ek', b: 'ek', c: 'sol', d: 'sol' })[id] ?? null;
    const byId = new Map(candidatesFor(planned, 'A:c', REVIEWERS, school).map((c) => [c.reviewerId, c]));
    expect([...byId.keys()]).toEqual(['b', 'd']);
    // b works with a, and a already reads b's analysis B: same school and reciprocal, and b would read two.
    expect(byId.get('b')?.warnings).toEqual(['SAME_SCHOOL', 'RECIPROCAL', 'UNBALANCED_LOAD']);
    // d is at another school and reads nothing yet: taking A from c keeps every load at one.
    expect(byId.get('d')?.warnings).toEqual([]);
  });

  it('tells a balanced allocation from an unbalanced one', () => {
    const once = plannedPairs(PAIRS, ok(replaceReviewer(PAIRS, {}, 'A:c', 'b')));
    expect(isBalanced(reviewerLoads(plannedPairs(PAIRS, {}), ['a', 'b', 'c']))).toBe(true);
    expect(isBalanced(reviewerLoads(once, ['a', 'b', 'c']))).toBe(false);
  });
});

describe('changing a preview by dragging (two pairs trade reviewers)', () => {
  const SIX: PairLike[] = [
    { analysisId: 'A', authorId: 'a', reviewerId: 'b', locked: false },
    { analysisId: 'B', authorId: 'b', reviewerId: 'c', locked: false },
    { analysisId: 'C', authorId: 'c', reviewerId: 'd', locked: false },
    { analysisId: 'D', authorId: 'd', reviewerId: 'a', locked: false },
  ];

  it('trades and keeps every load as it was', () => {
    const result = exchangeReviewers(SIX, {}, 'A:b', 'C:d');
    if (!result.ok) throw new Error(result.problem);
    const planned = plannedPairs(SIX, result.adjustments);
    expect(planned.map((p) => p.reviewerId)).toEqual(['d', 'c', 'b', 'a']);
    expect([...reviewerLoads(planned, ['a', 'b', 'c', 'd']).values()]).toEqual([1, 1, 1, 1]);
  });

  it('refuses a trade that would make someone review themselves or within one analysis', () => {
    expect(exchangeReviewers(SIX, {}, 'A:b', 'B:c')).toEqual({ ok: false, problem: 'SELF_REVIEW' });
    const two = [...SIX, { analysisId: 'A', authorId: 'a', reviewerId: 'c', locked: false }];
    expect(exchangeReviewers(two, {}, 'A:b', 'A:c')).toEqual({ ok: false, problem: 'SAME_ANALYSIS' });
    const again = [...SIX, { analysisId: 'C', authorId: 'c', reviewerId: 'b', locked: false }];
    expect(exchangeReviewers(again, {}, 'A:b', 'C:b')).toEqual({ ok: false, problem: 'SAME_REVIEWER' });
  });

  it('trading back undoes the change', () => {
    const first = exchangeReviewers(SIX, {}, 'A:b', 'C:d');
    if (!first.ok) throw new Error(first.problem);
    const back = exchangeReviewers(SIX, first.adjustments, 'A:b', 'C:d');
    expect(back).toEqual({ ok: true, adjustments: {} });
  });
});

describe('turning the changes into the overrides sent with apply', () => {
  it('sends each changed pair with the reviewer it replaces', () => {
    const planned = plannedPairs(PAIRS, ok(replaceReviewer(PAIRS, {}, 'A:c', 'd')));
    expect(overridesFor(planned)).toEqual([{ analysisId: 'A', reviewerId: 'd', replacesReviewerId: 'c' }]);
  });

  it('sends both pairs of a chain on one analysis, and nothing for unchanged pairs', () => {
    const pairs: PairLike[] = [
      { analysisId: 'A', authorId: 'a', reviewerId: 'b', locked: false },
      { analysisId: 'A', authorId: 'a', reviewerId: 'c', locked: false },
    ];
    const adj = ok(replaceReviewer(pairs, ok(replaceReviewer(pairs, {}, 'A:c', 'd')), 'A:b', 'c'));
    expect(overridesFor(plannedPairs(pairs, adj))).toEqual([
      { analysisId: 'A', reviewerId: 'c', replacesReviewerId: 'b' },
      { analysisId: 'A', reviewerId: 'd', replacesReviewerId: 'c' },
    ]);
    expect(overridesFor(plannedPairs(pairs, {}))).toEqual([]);
  });
});

describe('reasons as sentences', () => {
  it('uses our own sentence for known codes and the API sentence otherwise', () => {
    expect(reasonKey('OTHER_SCHOOL')).toBe('followUp.reason.OTHER_SCHOOL');
    expect(reasonKey('SOMETHING_NEW')).toBeNull();
    expect(noticeKey('NO_CAPACITY')).toBe('followUp.notice.NO_CAPACITY');
    expect(noticeKey('SOMETHING_NEW')).toBeNull();
    expect(pairKey({ analysisId: 'A', reviewerId: 'b' })).toBe('A:b');
  });
});
