import type { AllocationAnalysis, AllocationHistoryPair, AllocationInput, AllocationResult } from './index';
import { AllocationInputError, allocateCriticalFriends, checkAllocation, explainAssignment } from './index';
import { hardConstraintProblems, measure } from './spec-helpers';

/** Participants p0…p(n−1); school of p_i given by `school(i)`. */
function analyses(n: number, school: (i: number) => string = () => 's1'): AllocationAnalysis[] {
  return Array.from({ length: n }, (_, i) => ({
    analysisId: `a${i}`,
    authorId: `p${i}`,
    schoolId: school(i),
  }));
}

function codes(result: AllocationResult, reviewerId: string, analysisId: string): string[] {
  const a = result.assignments.find((x) => x.reviewerId === reviewerId && x.analysisId === analysisId);
  return a ? a.reasons.map((r) => r.code) : [];
}

function reviewersOfAnalysis(result: AllocationResult, analysisId: string): string[] {
  return result.assignments.filter((a) => a.analysisId === analysisId).map((a) => a.reviewerId);
}

describe('allocateCriticalFriends — examples', () => {
  it('two participants review each other (reciprocal unavoidable, k not reachable)', () => {
    const input: AllocationInput = { analyses: analyses(2), history: [], seed: 1 };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.assignments.map((a) => `${a.reviewerId}->${a.authorId}`)).toEqual(['p1->p0', 'p0->p1']);
    expect(result.unmet).toEqual([
      expect.objectContaining({
        analysisId: 'a0',
        missing: 1,
        reason: expect.objectContaining({ code: 'NOT_ENOUGH_REVIEWERS' }),
      }),
      expect.objectContaining({ analysisId: 'a1', missing: 1 }),
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['K_EXCEEDS_REVIEWERS']);
    expect(result.stats).toMatchObject({ reciprocalPairs: 1, loadMin: 1, loadMax: 1, crossSchoolShare: 0 });
    expect(codes(result, 'p1', 'a0')).toEqual(['FALLBACK_SAME_SCHOOL', 'NEW_PAIR', 'FALLBACK_RECIPROCAL']);
    const fallback = result.assignments[0]?.reasons[0];
    expect(fallback?.details?.noAlternative).toBe(true);
  });

  it('three participants of one school with k = 2: everyone reviews both others', () => {
    const input: AllocationInput = { analyses: analyses(3), history: [], seed: 'x' };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.assignments).toHaveLength(6);
    expect(result.unmet).toEqual([]);
    expect(result.stats).toMatchObject({ loadMin: 2, loadMax: 2, reciprocalPairs: 3 });
  });

  it('three participants with k = 1 form a cycle: no reciprocal pair', () => {
    for (const seed of [1, 2, 3, 'a', 'b']) {
      const input: AllocationInput = { analyses: analyses(3), history: [], k: 1, seed };
      const result = allocateCriticalFriends(input);
      expect(hardConstraintProblems(input, result)).toEqual([]);
      expect(result.stats.reciprocalPairs).toBe(0);
    }
  });

  it('everyone in one school: same-school fallback, balanced, no reciprocal pairs', () => {
    const input: AllocationInput = { analyses: analyses(10), history: [], k: 2, seed: 7 };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.stats).toMatchObject({ crossSchoolShare: 0, loadMin: 2, loadMax: 2, reciprocalPairs: 0 });
    for (const a of result.assignments) {
      expect(a.reasons[0]).toMatchObject({ code: 'FALLBACK_SAME_SCHOOL', details: { noAlternative: true } });
    }
  });

  it('prefers reviewers from other schools and explains the pair', () => {
    const input: AllocationInput = { analyses: analyses(8, (i) => `s${i % 4}`), history: [], k: 2, seed: 3 };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.stats).toMatchObject({ crossSchoolShare: 1, reciprocalPairs: 0, repeatedPairs: 0 });
    const first = result.assignments[0];
    expect(first?.reasons.map((r) => r.code)).toEqual(['OTHER_SCHOOL', 'NEW_PAIR']);
    const text = explainAssignment(result, first?.reviewerId ?? '', first?.analysisId ?? '');
    expect(text).toContain('another school');
    expect(text).toContain('New pair this year');
    expect(explainAssignment(result, 'nobody', 'a0')).toBeUndefined();
  });

  it('k bigger than possible: everyone gets all the others and the rest is reported unmet', () => {
    const input: AllocationInput = { analyses: analyses(4, (i) => `s${i % 2}`), history: [], k: 5, seed: 1 };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.assignments).toHaveLength(12);
    expect(result.unmet.map((u) => [u.analysisId, u.missing])).toEqual([
      ['a0', 2],
      ['a1', 2],
      ['a2', 2],
      ['a3', 2],
    ]);
  });

  it('k = 0 assigns nobody', () => {
    const result = allocateCriticalFriends({ analyses: analyses(4), history: [], k: 0, seed: 1 });
    expect(result.assignments).toEqual([]);
    expect(result.unmet).toEqual([]);
  });

  it('an author who asks for same-school support gets colleagues; the others get external reviewers', () => {
    const list = analyses(12, (i) => ['north', 'south', 'east'][Math.floor(i / 4)] ?? '');
    list[0] = { ...(list[0] as AllocationAnalysis), wantsSameSchool: true };
    const input: AllocationInput = { analyses: list, history: [], k: 2, seed: 11 };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    for (const r of reviewersOfAnalysis(result, 'a0')) {
      expect(['p1', 'p2', 'p3']).toContain(r);
      expect(codes(result, r, 'a0')[0]).toBe('SAME_SCHOOL_REQUESTED');
    }
    for (const a of result.assignments.filter((x) => x.analysisId !== 'a0')) expect(a.sameSchool).toBe(false);
    expect(result.stats.preferredSchoolShare).toBe(1);
  });

  it('cohort-wide same-school support; an author alone at their school falls back to another school', () => {
    const list = analyses(9, (i) => (i < 4 ? 'north' : i < 8 ? 'south' : 'alone'));
    const input: AllocationInput = { analyses: list, history: [], k: 2, seed: 5, cohortSameSchool: true };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    // p8 must review 2 analyses and be reviewed twice (loads are 2): exactly those 4 pairs are external.
    for (const a of result.assignments) {
      const involvesAlone = a.reviewerId === 'p8' || a.authorId === 'p8';
      expect(a.sameSchool).toBe(!involvesAlone);
      expect(a.reasons[0]?.code).toBe(involvesAlone ? 'FALLBACK_OTHER_SCHOOL' : 'SAME_SCHOOL_REQUESTED');
    }
    for (const a of result.assignments.filter((x) => x.analysisId === 'a8')) {
      expect(a.reasons[0]).toMatchObject({ code: 'FALLBACK_OTHER_SCHOOL', details: { noAlternative: true } });
    }
    for (const a of result.assignments.filter((x) => x.reviewerId === 'p8')) {
      expect(a.reasons[0]).toMatchObject({
        code: 'FALLBACK_OTHER_SCHOOL',
        details: { noAlternative: false },
      });
      expect(a.reasons[0]?.message).toContain('at capacity');
    }
  });

  it('rotates over rounds: no repeated pair while avoidable, then the fewest earlier meetings', () => {
    // 12 teachers in 3 schools: 8 external reviewers each, k = 2 → 4 rounds without any repeat.
    const list = (round: number) =>
      analyses(12, (i) => `s${i % 3}`).map((a) => ({ ...a, analysisId: `r${round}-${a.analysisId}` }));
    const history: AllocationHistoryPair[] = [];
    for (let round = 1; round <= 6; round++) {
      const input: AllocationInput = {
        analyses: list(round),
        history: [...history],
        k: 2,
        seed: `round-${round}`,
      };
      const result = allocateCriticalFriends(input);
      expect(hardConstraintProblems(input, result)).toEqual([]);
      expect(result.stats.crossSchoolShare).toBe(1);
      const counts = new Map<string, number>();
      for (const h of history)
        counts.set(`${h.reviewerId}>${h.authorId}`, (counts.get(`${h.reviewerId}>${h.authorId}`) ?? 0) + 1);
      if (round <= 4) {
        expect(result.stats.repeatedPairs).toBe(0);
        for (const a of result.assignments)
          expect(a.reasons).toContainEqual(expect.objectContaining({ code: 'NEW_PAIR' }));
      } else {
        // Every external pair has met by round 5: all repeated, but never a pair that met twice.
        for (const a of result.assignments) {
          expect(counts.get(`${a.reviewerId}>${a.authorId}`)).toBe(1);
          expect(a.reasons[1]).toMatchObject({
            code: 'FALLBACK_REPEATED_PAIR',
            details: { earlierReviews: 1, noAlternative: true },
          });
          expect(a.reasons[1]?.message).toMatch(/^Fallback: repeated pair \(reviewed this author \d time/);
        }
      }
      for (const a of result.assignments)
        history.push({ reviewerId: a.reviewerId, authorId: a.authorId, roundNumber: round });
    }
    const distinct = new Map<string, Set<string>>();
    for (const h of history)
      distinct.set(h.authorId, (distinct.get(h.authorId) ?? new Set()).add(h.reviewerId));
    for (const reviewersOfAuthor of distinct.values()) expect(reviewersOfAuthor.size).toBe(8);
  });

  it('prefers the pair with fewer earlier meetings when every pair is repeated', () => {
    // k = 1 in one school of 3: the cycle p0→p1→p2→p0 met once, the opposite cycle met twice.
    const history: AllocationHistoryPair[] = [
      { reviewerId: 'p0', authorId: 'p1', roundNumber: 1 },
      { reviewerId: 'p1', authorId: 'p2', roundNumber: 1 },
      { reviewerId: 'p2', authorId: 'p0', roundNumber: 1 },
      ...[2, 3].flatMap((roundNumber) => [
        { reviewerId: 'p1', authorId: 'p0', roundNumber },
        { reviewerId: 'p2', authorId: 'p1', roundNumber },
        { reviewerId: 'p0', authorId: 'p2', roundNumber },
      ]),
    ];
    const result = allocateCriticalFriends({ analyses: analyses(3), history, k: 1, seed: 9 });
    expect(result.assignments.map((a) => `${a.reviewerId}->${a.authorId}`)).toEqual([
      'p2->p0',
      'p0->p1',
      'p1->p2',
    ]);
    expect(result.assignments[0]?.reasons[1]).toMatchObject({
      code: 'FALLBACK_REPEATED_PAIR',
      details: { earlierReviews: 1, lastRound: 1 },
    });
  });

  it('avoids reciprocal pairs when a swap keeps the higher preferences', () => {
    // Two schools of 3, k = 1: external only, and cycles exist without reciprocity.
    for (let seed = 0; seed < 20; seed++) {
      const input: AllocationInput = {
        analyses: analyses(6, (i) => (i < 3 ? 'n' : 's')),
        history: [],
        k: 1,
        seed,
      };
      const result = allocateCriticalFriends(input);
      expect(result.stats).toMatchObject({ crossSchoolShare: 1, reciprocalPairs: 0 });
    }
  });

  it('includes reviewers who did not publish; they still get a balanced load', () => {
    const input: AllocationInput = {
      analyses: analyses(4, (i) => `s${i % 2}`),
      reviewers: [...Array.from({ length: 6 }, (_, i) => ({ reviewerId: `p${i}`, schoolId: `s${i % 2}` }))],
      history: [],
      k: 3,
      seed: 1,
    };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result)).toEqual([]);
    expect(result.stats).toMatchObject({ loadMin: 2, loadMax: 2 });
    expect(result.assignments.filter((a) => a.reviewerId === 'p5')).toHaveLength(2);
  });
});

describe('allocateCriticalFriends — repair with locked pairs', () => {
  const school = (i: number) => `s${i % 3}`;
  const everyone = Array.from({ length: 9 }, (_, i) => ({ reviewerId: `p${i}`, schoolId: school(i) }));

  it('a late publication keeps the pairs under way and gives the new analysis its reviewers', () => {
    const before: AllocationInput = {
      analyses: analyses(8, school),
      reviewers: everyone,
      history: [],
      k: 2,
      seed: 4,
    };
    const first = allocateCriticalFriends(before);
    expect(hardConstraintProblems(before, first)).toEqual([]);
    const locked = first.assignments.map(({ reviewerId, analysisId }) => ({ reviewerId, analysisId }));
    const after: AllocationInput = { ...before, analyses: analyses(9, school), locked };
    const repaired = allocateCriticalFriends(after);
    expect(hardConstraintProblems(after, repaired, false)).toEqual([]);
    for (const l of locked) {
      const kept = repaired.assignments.find(
        (a) => a.reviewerId === l.reviewerId && a.analysisId === l.analysisId,
      );
      expect(kept?.locked).toBe(true);
      expect(kept?.reasons.map((r) => r.code)).toEqual(['LOCKED']);
    }
    const fresh = repaired.assignments.filter((a) => !a.locked);
    expect(fresh.map((a) => a.analysisId)).toEqual(['a8', 'a8']);
    for (const a of fresh) expect(a.reviewerId).not.toBe('p8');
    // 18 pairs over 9 reviewers would be 2 each; p8 (the late author) cannot review their own analysis.
    const warned = repaired.warnings.filter((w) => w.code === 'LOCKED_UNBALANCED').map((w) => w.reviewerId);
    const loads = new Map(everyone.map((r) => [r.reviewerId, 0]));
    for (const a of repaired.assignments) loads.set(a.reviewerId, (loads.get(a.reviewerId) ?? 0) + 1);
    for (const [id, l] of loads) expect(l === 2 || warned.includes(id)).toBe(true);
  });

  it('a drop-out: their locked pairs go (with a warning), their analysis leaves, others get replacements', () => {
    const all: AllocationInput = { analyses: analyses(9, school), history: [], k: 2, seed: 8 };
    const first = allocateCriticalFriends(all);
    const locked = first.assignments.map(({ reviewerId, analysisId }) => ({ reviewerId, analysisId }));
    const remaining: AllocationInput = {
      analyses: analyses(9, school).filter((a) => a.authorId !== 'p4'),
      history: [],
      k: 2,
      seed: 8,
      locked,
    };
    const repaired = allocateCriticalFriends(remaining);
    const relaxed = repaired.warnings.some((w) => w.code === 'BALANCE_RELAXED');
    expect(hardConstraintProblems(remaining, repaired, !relaxed)).toEqual([]);
    expect(repaired.warnings.filter((w) => w.code === 'LOCKED_REVIEWER_UNAVAILABLE')).toHaveLength(2);
    expect(repaired.warnings.filter((w) => w.code === 'LOCKED_ANALYSIS_UNAVAILABLE')).toHaveLength(2);
    const keptCount = locked.filter((l) => l.reviewerId !== 'p4' && l.analysisId !== 'a4').length;
    expect(repaired.assignments.filter((a) => a.locked)).toHaveLength(keptCount);
    expect(repaired.assignments.filter((a) => !a.locked)).toHaveLength(16 - keptCount);
    expect(relaxed).toBe(false);
    expect(repaired.stats).toMatchObject({ loadMin: 2, loadMax: 2 });
  });

  it('locked pairs that overload a reviewer are kept, the rest is balanced and a warning says so', () => {
    const input: AllocationInput = {
      analyses: analyses(6, (i) => `s${i % 2}`),
      history: [],
      k: 1,
      seed: 2,
      locked: [
        { reviewerId: 'p0', analysisId: 'a1' },
        { reviewerId: 'p0', analysisId: 'a3' },
        { reviewerId: 'p0', analysisId: 'a5' },
      ],
    };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result, false)).toEqual([]);
    expect(result.assignments.filter((a) => a.reviewerId === 'p0')).toHaveLength(3);
    const others = new Map<string, number>();
    for (const a of result.assignments)
      if (a.reviewerId !== 'p0') others.set(a.reviewerId, (others.get(a.reviewerId) ?? 0) + 1);
    // 3 free pairs over the 5 others: loads 0 or 1.
    expect(Math.max(...others.values())).toBe(1);
    expect(result.warnings.map((w) => w.code)).toContain('LOCKED_UNBALANCED');
  });

  it('relaxes the balance when locked pairs leave capacity only with the author', () => {
    // p2 is due one review, but the only open analysis is p2's own: someone else must take a second.
    const input: AllocationInput = {
      analyses: analyses(3),
      history: [],
      k: 1,
      seed: 1,
      locked: [
        { reviewerId: 'p1', analysisId: 'a0' },
        { reviewerId: 'p0', analysisId: 'a1' },
      ],
    };
    const result = allocateCriticalFriends(input);
    expect(hardConstraintProblems(input, result, false)).toEqual([]);
    const fresh = result.assignments.filter((a) => !a.locked);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.analysisId).toBe('a2');
    expect(['p0', 'p1']).toContain(fresh[0]?.reviewerId);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'BALANCE_RELAXED',
      'LOCKED_UNBALANCED',
      'LOCKED_UNBALANCED',
    ]);
    expect(result.stats).toMatchObject({ loadMin: 0, loadMax: 2 });
  });

  describe('a repair that may move open pairs (movable)', () => {
    // Eight publish on time and review each other (k = 2: two tasks each); p8 publishes late.
    const onTime: AllocationInput = { analyses: analyses(8, school), history: [], k: 2, seed: 5 };
    const first = allocateCriticalFriends(onTime);
    const pairs = first.assignments.map(({ reviewerId, analysisId }) => ({ reviewerId, analysisId }));
    const late: AllocationInput = { ...onTime, analyses: analyses(9, school) };
    const loadsOf = (result: AllocationResult) => {
      const loads = new Map<string, number>();
      for (const a of result.assignments) loads.set(a.reviewerId, (loads.get(a.reviewerId) ?? 0) + 1);
      return loads;
    };

    it('without it, the late author has nothing to review and two others get a third task', () => {
      const repaired = allocateCriticalFriends({ ...late, locked: pairs });
      expect(loadsOf(repaired).get('p8') ?? 0).toBe(0);
      expect([...loadsOf(repaired).values()].filter((l) => l === 3)).toHaveLength(2);
      expect(repaired.warnings.map((w) => w.code)).toContain('BALANCE_RELAXED');
    });

    it('moves the one open task needed so that every load is within ±1 of the mean (2)', () => {
      // Feedback has begun on p0's tasks: those are locked; the rest is open.
      const started = pairs.filter((p) => p.reviewerId === 'p0');
      const open = pairs.filter((p) => p.reviewerId !== 'p0');
      const repaired = allocateCriticalFriends({ ...late, locked: started, movable: open });
      expect(hardConstraintProblems(late, repaired, false)).toEqual([]);
      expect(repaired.warnings).toEqual([]);
      const loads = loadsOf(repaired);
      expect(loads.size).toBe(9);
      for (const l of loads.values()) expect(l === 1 || l === 2 || l === 3).toBe(true);
      expect(loads.get('p8')).toBe(1);

      // One task moved: away from an open pair, to p8; its reviewer takes one of p8's reviews.
      expect(repaired.moved).toHaveLength(1);
      const [moved] = repaired.moved;
      expect(open).toContainEqual(moved);
      const fresh = repaired.assignments.filter((a) => !a.locked);
      expect(fresh).toHaveLength(3);
      expect(fresh).toContainEqual(
        expect.objectContaining({ reviewerId: 'p8', analysisId: moved?.analysisId }),
      );
      const onLate = fresh.filter((a) => a.analysisId === 'a8').map((a) => a.reviewerId);
      expect(onLate).toHaveLength(2);
      expect(onLate).toContain(moved?.reviewerId);
      // Everything else stays, reported as kept; the started pairs are never touched.
      for (const p of [
        ...started,
        ...open.filter((o) => o.reviewerId !== moved?.reviewerId || o.analysisId !== moved?.analysisId),
      ]) {
        const kept = repaired.assignments.find(
          (a) => a.reviewerId === p.reviewerId && a.analysisId === p.analysisId,
        );
        expect(kept?.locked).toBe(true);
        expect(kept?.reasons.map((r) => r.code)).toEqual(['LOCKED']);
      }
      // Same input in another order: the same repair.
      const again = allocateCriticalFriends({
        ...late,
        analyses: [...late.analyses].reverse(),
        locked: [...started].reverse(),
        movable: [...open].reverse(),
      });
      expect(again).toEqual(repaired);
    });

    it('moves nothing when the loads are within ±1 of the mean as they are', () => {
      // p8 and p9 publish late and review each other: loads 1 and 3 are within ±1 of the mean 2.
      const two: AllocationInput = { ...onTime, analyses: analyses(10, school) };
      const repaired = allocateCriticalFriends({ ...two, locked: [], movable: pairs });
      expect(repaired.moved).toEqual([]);
      expect(repaired.warnings).toEqual([]);
      expect(repaired.assignments.filter((a) => a.locked)).toHaveLength(pairs.length);
      for (const l of loadsOf(repaired).values()) expect(l >= 1 && l <= 3).toBe(true);
    });

    it('says BALANCE_RELAXED and moves nothing when only tasks with feedback begun could help', () => {
      const repaired = allocateCriticalFriends({ ...late, locked: pairs, movable: [] });
      expect(repaired.moved).toEqual([]);
      expect(loadsOf(repaired).get('p8') ?? 0).toBe(0);
      expect(repaired.warnings.map((w) => w.code)).toContain('BALANCE_RELAXED');
      expect(repaired.warnings.find((w) => w.code === 'BALANCE_RELAXED')?.message).toMatch(/±1 of the mean/);
    });

    it('keeps a pair given both as locked and as movable locked', () => {
      const repaired = allocateCriticalFriends({ ...late, locked: pairs, movable: pairs });
      expect(repaired.moved).toEqual([]);
      expect(repaired.warnings.map((w) => w.code)).toContain('BALANCE_RELAXED');
    });
  });

  it('locked self-review is rejected with a typed error', () => {
    expect(() =>
      allocateCriticalFriends({
        analyses: analyses(3),
        history: [],
        seed: 1,
        locked: [{ reviewerId: 'p0', analysisId: 'a0' }],
      }),
    ).toThrow(AllocationInputError);
  });
});

describe('allocateCriticalFriends — determinism and input errors', () => {
  const base: AllocationInput = {
    analyses: analyses(15, (i) => `s${i % 4}`),
    history: [
      { reviewerId: 'p1', authorId: 'p2', roundNumber: 1 },
      { reviewerId: 'p3', authorId: 'p0', roundNumber: 1 },
    ],
    k: 2,
    seed: 'cohort-7',
  };

  it('same input in any order and same seed give the identical result', () => {
    const shuffled: AllocationInput = {
      ...base,
      analyses: [...base.analyses].reverse(),
      history: [...(base.history ?? [])].reverse(),
    };
    expect(allocateCriticalFriends(shuffled)).toEqual(allocateCriticalFriends(base));
  });

  it('different seeds may give different valid results', () => {
    const results = [1, 2, 3, 4, 5].map((seed) => allocateCriticalFriends({ ...base, seed }));
    const keys = new Set(
      results.map((r) => JSON.stringify(r.assignments.map((a) => [a.reviewerId, a.analysisId]))),
    );
    expect(keys.size).toBeGreaterThan(1);
    for (const r of results) expect(hardConstraintProblems(base, r)).toEqual([]);
  });

  it.each([
    [{ k: -1 }, 'INVALID_K'],
    [{ k: 1.5 }, 'INVALID_K'],
    [{ seed: Number.NaN }, 'INVALID_SEED'],
    [{ analyses: [...analyses(2), ...analyses(1)] }, 'DUPLICATE_ANALYSIS'],
    [
      {
        reviewers: [
          { reviewerId: 'p0', schoolId: 's' },
          { reviewerId: 'p0', schoolId: 's' },
        ],
      },
      'DUPLICATE_REVIEWER',
    ],
    [{ analyses: [{ analysisId: '', authorId: 'p', schoolId: 's' }] }, 'INVALID_ID'],
  ] as [Partial<AllocationInput>, string][])('rejects bad input %p with %s', (patch, code) => {
    expect(() => allocateCriticalFriends({ ...base, ...patch })).toThrow(expect.objectContaining({ code }));
  });

  it('an empty round gives an empty allocation', () => {
    const result = allocateCriticalFriends({ analyses: [], history: [], seed: 1 });
    expect(result).toMatchObject({ assignments: [], unmet: [], warnings: [] });
  });
});

describe('checkAllocation (manual adjustments)', () => {
  const input: AllocationInput = { analyses: analyses(6, (i) => `s${i % 3}`), history: [], k: 2, seed: 1 };

  it('accepts the allocation and reports its statistics', () => {
    const result = allocateCriticalFriends(input);
    const check = checkAllocation(input, result.assignments);
    expect(check.valid).toBe(true);
    expect(check.stats).toEqual(result.stats);
    const m = measure(input, result.assignments);
    expect(m.cross / result.assignments.length).toBe(result.stats.crossSchoolShare);
  });

  it('flags self-review, duplicates and unknown ids', () => {
    const pairs = allocateCriticalFriends(input).assignments.map(({ reviewerId, analysisId }) => ({
      reviewerId,
      analysisId,
    }));
    const broken = [
      ...pairs,
      { reviewerId: 'p0', analysisId: 'a0' },
      pairs[0],
      { reviewerId: 'ghost', analysisId: 'a1' },
    ];
    const found = checkAllocation(
      input,
      broken.filter((p) => p !== undefined),
    ).violations.map((v) => v.code);
    expect([...new Set(found)].sort()).toEqual(['DUPLICATE_PAIR', 'SELF_REVIEW', 'UNKNOWN_REVIEWER']);
  });

  it('flags wrong reviewer counts and unbalanced loads', () => {
    const pairs = allocateCriticalFriends(input).assignments.map(({ reviewerId, analysisId }) => ({
      reviewerId,
      analysisId,
    }));
    expect(checkAllocation(input, pairs.slice(1)).violations.map((v) => v.code)).toContain(
      'WRONG_REVIEWER_COUNT',
    );
    // Hand the first pair to someone else: loads become 1 and 3 where 2 is balanced.
    const [first, ...rest] = pairs;
    const other = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].find(
      (p) =>
        p !== `p${first?.analysisId.slice(1)}` &&
        !pairs.some((q) => q.reviewerId === p && q.analysisId === first?.analysisId),
    );
    const moved = [...rest, { reviewerId: other ?? '', analysisId: first?.analysisId ?? '' }];
    const check = checkAllocation(input, moved);
    expect(check.valid).toBe(false);
    expect(new Set(check.violations.map((v) => v.code))).toEqual(new Set(['UNBALANCED_LOAD']));
  });
});
