import fc from 'fast-check';
import { allocateCriticalFriends } from './allocate';
import { createRandom, shuffleInPlace } from './prng';
import { allocateRandomBaseline } from './random-baseline';
import type { CohortParams } from './spec-helpers';
import {
  fullyPreferredAllocationExists,
  hardConstraintProblems,
  makeCohort,
  measure,
  reviewersOf,
} from './spec-helpers';
import type { AllocationInput, AllocationPair } from './types';

/** Random cohorts: 2–200 participants, 1–12 schools of uneven size, non-submitters, k 1–3, history. */
const params = (maxSize = 200): fc.Arbitrary<CohortParams> =>
  fc.record({
    size: fc.integer({ min: 2, max: maxSize }),
    schools: fc.integer({ min: 1, max: 12 }),
    skew: fc.constantFrom(0, 0.5, 1, 2, 4),
    nonSubmitterPct: fc.constantFrom(0, 0, 10, 30),
    k: fc.integer({ min: 1, max: 3 }),
    historyRounds: fc.integer({ min: 0, max: 5 }),
    sameSchoolPct: fc.constantFrom(0, 0, 0, 10, 50),
    cohortSameSchool: fc.integer({ min: 0, max: 3 }).map((v) => v === 0),
    seed: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
    shape: fc.integer({ min: 0, max: 1_000_000 }),
  });

const shuffled = <T>(items: readonly T[] | undefined, seed: number): T[] =>
  shuffleInPlace([...(items ?? [])], createRandom(seed));

describe('allocateCriticalFriends — properties over random cohorts', () => {
  it('meets every hard constraint and is never worse than a random balanced allocation', () => {
    fc.assert(
      fc.property(params(), (p) => {
        const input = makeCohort(p);
        const result = allocateCriticalFriends(input);
        expect(hardConstraintProblems(input, result)).toEqual([]);
        expect(result.warnings.map((w) => w.code).filter((c) => c !== 'K_EXCEEDS_REVIEWERS')).toEqual([]);

        // Reported statistics match an independent count.
        const ours = measure(input, result.assignments);
        const total = result.assignments.length;
        expect(result.stats.repeatedPairs).toBe(ours.repeated);
        expect(result.stats.reciprocalPairs).toBe(ours.reciprocal);
        expect(result.stats.crossSchoolShare).toBeCloseTo(total === 0 ? 0 : ours.cross / total, 12);

        // Lexicographic optimality (school preference, then repeated pairs) over all balanced
        // allocations implies: never worse than the random baseline, which is one of them.
        const baseline = allocateRandomBaseline(input);
        expect(baseline.assignments).toHaveLength(total);
        const theirs = measure(input, baseline.assignments);
        expect(ours.preferred).toBeGreaterThanOrEqual(theirs.preferred);
        if (ours.preferred === theirs.preferred) expect(ours.repeated).toBeLessThanOrEqual(theirs.repeated);
      }),
      { numRuns: 150 },
    );
  });

  it('meets the school preference for everyone whenever some balanced allocation does', () => {
    fc.assert(
      fc.property(params(90), (p) => {
        const input = makeCohort(p);
        const result = allocateCriticalFriends(input);
        if (fullyPreferredAllocationExists(input)) expect(result.stats.preferredSchoolShare).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('is fully cross-school when no school is too large for k (everyone publishes)', () => {
    // Sorted by school around a circle, reviewer i → i + m + j (j < k) is cross-school whenever
    // k ≤ n − 2m + 1 (m = largest school), so such an allocation exists.
    fc.assert(
      fc.property(params(), (p) => {
        const input = makeCohort({ ...p, nonSubmitterPct: 0, sameSchoolPct: 0, cohortSameSchool: false });
        const n = input.analyses.length;
        const sizes = new Map<string, number>();
        for (const a of input.analyses) sizes.set(a.schoolId, (sizes.get(a.schoolId) ?? 0) + 1);
        const m = Math.max(...sizes.values());
        fc.pre(p.k <= n - 2 * m + 1);
        const result = allocateCriticalFriends(input);
        expect(result.stats.crossSchoolShare).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(params(120), fc.integer(), (p, order) => {
        const input = makeCohort(p);
        const reordered: AllocationInput = {
          ...input,
          analyses: shuffled(input.analyses, order),
          history: shuffled(input.history, order + 1),
          ...(input.reviewers ? { reviewers: shuffled(input.reviewers, order + 2) } : {}),
        };
        expect(allocateCriticalFriends(reordered)).toEqual(allocateCriticalFriends(input));
      }),
      { numRuns: 50 },
    );
  });

  it('repairs after drop-outs and late publications: keeps locked pairs, fills the rest, balances the rest', () => {
    fc.assert(
      fc.property(
        params(120),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (p, dropPct, latePct) => {
          const input = makeCohort({ ...p, nonSubmitterPct: 30 });
          const first = allocateCriticalFriends(input);
          const random = createRandom(`repair:${p.shape}`);
          const everyone = reviewersOf(input);
          const dropped = new Set(everyone.filter(() => random() * 100 < dropPct).map((r) => r.reviewerId));
          const published = new Set(input.analyses.map((a) => a.authorId));
          const late = everyone
            .filter(
              (r) => !published.has(r.reviewerId) && !dropped.has(r.reviewerId) && random() * 100 < latePct,
            )
            .map((r) => ({
              analysisId: `late-${r.reviewerId}`,
              authorId: r.reviewerId,
              schoolId: r.schoolId,
            }));
          const reviewers = everyone.filter((r) => !dropped.has(r.reviewerId));
          const analyses = [...input.analyses.filter((a) => !dropped.has(a.authorId)), ...late];
          const locked: AllocationPair[] = first.assignments.map(({ reviewerId, analysisId }) => ({
            reviewerId,
            analysisId,
          }));
          const repairInput: AllocationInput = { ...input, analyses, reviewers, locked };
          const repaired = allocateCriticalFriends(repairInput);

          // Every locked pair that is still possible is kept, and marked as such.
          const keep = locked.filter(
            (l) => !dropped.has(l.reviewerId) && analyses.some((a) => a.analysisId === l.analysisId),
          );
          const pairs = new Map(repaired.assignments.map((a) => [`${a.reviewerId}|${a.analysisId}`, a]));
          for (const l of keep) expect(pairs.get(`${l.reviewerId}|${l.analysisId}`)?.locked).toBe(true);
          expect(repaired.assignments.filter((a) => a.locked)).toHaveLength(keep.length);

          // Hard constraints apart from the global balance (locked loads may make it impossible).
          expect(hardConstraintProblems(repairInput, repaired, false)).toEqual([]);

          // The rest is balanced as well as possible: nobody given a new pair ends more than one above
          // the least-loaded reviewer (unless the round had to relax the balance, which it says).
          if (!repaired.warnings.some((w) => w.code === 'BALANCE_RELAXED')) {
            const load = new Map(reviewers.map((r) => [r.reviewerId, 0]));
            for (const a of repaired.assignments) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
            const min = Math.min(...load.values());
            for (const a of repaired.assignments) {
              if (!a.locked) expect(load.get(a.reviewerId)).toBeLessThanOrEqual(min + 1);
            }
            if (keep.length === 0) expect(hardConstraintProblems(repairInput, repaired)).toEqual([]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
