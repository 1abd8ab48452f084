import {
  candidatesFor,
  checkPlanned,
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
import type { Adjustments, CheckData, PairLike } from './adjust';

// Three authors a, b, c (analyses A, B, C), k = 1: a reviews B, b reviews C, c reviews A.
const PAIRS: PairLike[] = [
  { analysisId: 'A', authorId: 'a', reviewerId: 'c', locked: false },
  { analysisId: 'B', authorId: 'b', reviewerId: 'a', locked: false },
  { analysisId: 'C', authorId: 'c', reviewerId: 'b', locked: false },
];
const REVIEWERS = ['a', 'b', 'c', 'd'];
const SCHOOLS: Record<string, string> = { a: 'ek', b: 'ek', c: 'sol', d: 'sol' };
const CHECKS: CheckData = {
  analyses: PAIRS.map((p) => ({
    analysisId: p.analysisId,
    authorId: p.authorId,
    schoolId: SCHOOLS[p.authorId],
  })),
  reviewers: REVIEWERS.map((id) => ({ reviewerId: id, schoolId: SCHOOLS[id] })),
  earlierPairs: [],
  cohortSameSchool: false,
};

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

  it('shows the loads and never offers the author nor anyone already on the analysis', () => {
    const planned = plannedPairs(PAIRS, ok(replaceReviewer(PAIRS, {}, 'A:c', 'd')));
    expect([...reviewerLoads(planned, REVIEWERS)]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
      ['d', 1],
    ]);
    // Pair A (author a) is now read by d. Moving it to b makes b read two and c none (b over the
    // target, unbalanced); b works with a, and a already reads b's analysis B (reciprocal); c evens the loads out.
    const candidates = candidatesFor(planned, 'A:c', CHECKS);
    expect(candidates.map((c) => c.reviewerId)).toEqual(['b', 'c']);
    expect(candidates[0]).toMatchObject({
      reviewerId: 'b',
      load: 1,
      findings: [
        { code: 'SAME_SCHOOL', severity: 'WARNING' },
        { code: 'RECIPROCAL', severity: 'WARNING' },
      ],
      loadAfter: { load: 2, status: 'OVER' },
      balancedAfter: false,
    });
    expect(candidates[1]).toMatchObject({ reviewerId: 'c', load: 0, findings: [], balancedAfter: true });
  });

  it('leaves out reviewers already on the analysis', () => {
    const two = [...PAIRS, { analysisId: 'A', authorId: 'a', reviewerId: 'b', locked: false }];
    const ids = candidatesFor(plannedPairs(two, {}), 'A:c', CHECKS).map((c) => c.reviewerId);
    expect(ids).toEqual(['d']);
  });

  it('warns live of a same-school, repeated, reciprocal or unbalancing change (the domain checks)', () => {
    const planned = plannedPairs(PAIRS, {});
    const data = { ...CHECKS, earlierPairs: [{ reviewerId: 'd', authorId: 'a', roundNumber: 1 }] };
    const byId = new Map(candidatesFor(planned, 'A:c', data).map((c) => [c.reviewerId, c]));
    expect([...byId.keys()]).toEqual(['b', 'd']);
    // b works with a, and a already reads b's analysis B: same school and reciprocal, and b would read two.
    expect(byId.get('b')?.findings.map((f) => f.code)).toEqual(['SAME_SCHOOL', 'RECIPROCAL']);
    expect(byId.get('b')?.balancedAfter).toBe(false);
    // d is at another school and reads nothing yet, but read a in round 1.
    expect(byId.get('d')?.findings).toEqual([{ code: 'REPEAT', severity: 'WARNING', earlierRounds: [1] }]);
    expect(byId.get('d')?.balancedAfter).toBe(true);
  });

  it('checks the planned pairs as the API does, pair by pair', () => {
    const planned = plannedPairs(PAIRS, ok(replaceReviewer(PAIRS, {}, 'B:a', 'c')));
    const checked = checkPlanned(planned, CHECKS);
    // c now reads A and B while b reads C: b and c read each other; three pairs over four
    // reviewers make the target 0–1, so c (two) is over it.
    expect(checked.assignments.map((a) => a.findings.map((f) => f.code))).toEqual([
      [],
      ['RECIPROCAL'],
      ['RECIPROCAL'],
    ]);
    expect(checked.loads.map((l) => `${l.reviewerId} ${l.status}`)).toEqual([
      'a WITHIN',
      'b WITHIN',
      'c OVER',
      'd WITHIN',
    ]);
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
