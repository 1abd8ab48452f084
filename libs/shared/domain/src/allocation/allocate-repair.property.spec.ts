import fc from 'fast-check';
import { allocateCriticalFriends } from './allocate';
import { createRandom, shuffleInPlace } from './prng';
import type { CohortParams } from './spec-helpers';
import {
  bandAllocationExists,
  expectedReviewers,
  hardConstraintProblems,
  makeCohort,
  meanBand,
  reviewersOf,
} from './spec-helpers';
import type { AllocationInput, AllocationPair, AllocationResult } from './types';

/**
 * Repair as the API runs it (rule 4): a round was allocated; then some participants published late
 * and some left. Pairs with feedback begun are locked; the other open pairs are movable. Checked
 * against an independent oracle: a max-flow with lower bounds that says whether any allocation
 * keeping the given pairs has every load within ±1 of the mean.
 */
const params = fc.record({
  cohort: fc.record({
    size: fc.integer({ min: 2, max: 60 }),
    schools: fc.integer({ min: 1, max: 8 }),
    skew: fc.constantFrom(0, 0.5, 1, 2, 4),
    nonSubmitterPct: fc.constant(0),
    k: fc.integer({ min: 1, max: 3 }),
    historyRounds: fc.integer({ min: 0, max: 3 }),
    sameSchoolPct: fc.constantFrom(0, 0, 10, 50),
    cohortSameSchool: fc.integer({ min: 0, max: 3 }).map((v) => v === 0),
    seed: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
    shape: fc.integer({ min: 0, max: 1_000_000 }),
  }) as fc.Arbitrary<CohortParams>,
  /** Share of authors who publish late; -1: exactly one (the case that left someone with nothing to do). */
  latePct: fc.constantFrom(-1, -1, -1, 0, 5, 10, 30),
  dropPct: fc.constantFrom(0, 0, 5, 15),
  startedPct: fc.constantFrom(0, 20, 50, 90, 100),
  scenario: fc.integer({ min: 0, max: 1_000_000 }),
});

interface Scenario {
  readonly repairInput: AllocationInput;
  readonly locked: readonly AllocationPair[];
  readonly movable: readonly AllocationPair[];
  /** Peer reviewers each analysis must have after the repair: k (as eligible allows), or what it kept. */
  readonly pairsOn: (analysisId: string) => number;
}

type Params = typeof params extends fc.Arbitrary<infer T> ? T : never;

function scenario(p: Params): Scenario {
  const input = makeCohort(p.cohort);
  const random = createRandom(`repair-scenario:${p.scenario}`);
  const one = input.analyses[Math.floor(random() * input.analyses.length)]?.authorId;
  const late = new Set(
    p.latePct < 0 ? [one] : input.analyses.filter(() => random() * 100 < p.latePct).map((a) => a.authorId),
  );
  // Those who published on time review each other (the API's reviewers); the late ones come later.
  const first = allocateCriticalFriends({
    ...input,
    analyses: input.analyses.filter((a) => !late.has(a.authorId)),
  });
  const dropped = new Set(input.analyses.filter(() => random() * 100 < p.dropPct).map((a) => a.authorId));
  const analyses = input.analyses.filter((a) => !dropped.has(a.authorId));
  const authorOf = new Map(input.analyses.map((a) => [a.analysisId, a.authorId]));
  // A leaver's open tasks and the open reviews of their analysis are cancelled before the repair.
  const existing = first.assignments
    .filter((a) => !dropped.has(a.reviewerId) && !dropped.has(authorOf.get(a.analysisId) ?? ''))
    .map(({ reviewerId, analysisId }) => ({ reviewerId, analysisId }));
  const started = existing.filter(() => random() * 100 < p.startedPct);
  const startedKeys = new Set(started.map(key));
  const movable = existing.filter((a) => !startedKeys.has(key(a)));
  const repairInput: AllocationInput = { ...input, analyses, locked: started, movable };
  const existingOn = new Map<string, number>();
  for (const a of existing) existingOn.set(a.analysisId, (existingOn.get(a.analysisId) ?? 0) + 1);
  const reviewers = reviewersOf(repairInput);
  const byId = new Map(analyses.map((a) => [a.analysisId, a]));
  const pairsOn = (analysisId: string) => {
    const a = byId.get(analysisId);
    return a ? Math.max(expectedReviewers(repairInput, a, reviewers), existingOn.get(analysisId) ?? 0) : 0;
  };
  return { repairInput, locked: started, movable, pairsOn };
}

const key = (p: AllocationPair) => `${p.reviewerId}|${p.analysisId}`;

function loads(input: AllocationInput, result: AllocationResult): Map<string, number> {
  const load = new Map(reviewersOf(input).map((r) => [r.reviewerId, 0]));
  for (const a of result.assignments) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
  return load;
}

describe('allocateCriticalFriends — repair that may move open pairs (rule 4 after late publications)', () => {
  it('keeps locked pairs, moves only open ones, and has every load within ±1 of the mean exactly when any allocation can', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { repairInput, locked, movable, pairsOn } = scenario(p);
        const repaired = allocateCriticalFriends(repairInput);
        const pairs = new Map(repaired.assignments.map((a) => [key(a), a]));

        // Hard rules (the global floor/ceil aside: the band is checked below).
        expect(hardConstraintProblems(repairInput, repaired, false)).toEqual([]);
        for (const a of repairInput.analyses) {
          expect(repaired.assignments.filter((x) => x.analysisId === a.analysisId)).toHaveLength(
            pairsOn(a.analysisId),
          );
        }

        // Pairs with feedback begun never move; an open pair either stays (reported as kept) or is
        // listed as moved, and nothing else is either.
        for (const l of locked) expect(pairs.get(key(l))?.locked).toBe(true);
        const movedKeys = new Set(repaired.moved.map(key));
        const movableKeys = new Set(movable.map(key));
        for (const m of movable) expect(movedKeys.has(key(m))).toBe(pairs.get(key(m))?.locked !== true);
        for (const m of repaired.moved) {
          expect(movableKeys.has(key(m))).toBe(true);
          expect(pairs.has(key(m))).toBe(false);
        }
        expect(repaired.assignments.filter((a) => a.locked)).toHaveLength(
          locked.length + movable.length - repaired.moved.length,
        );

        // The load rule holds whenever some allocation keeping the started pairs meets it, and
        // BALANCE_RELAXED is said exactly when none does.
        const load = loads(repairInput, repaired);
        const band = meanBand(repaired.assignments.length, load.size);
        const relaxed = repaired.warnings.some((w) => w.code === 'BALANCE_RELAXED');
        expect(relaxed).toBe(!bandAllocationExists(repairInput, locked, pairsOn));
        if (!relaxed) {
          // Within the rule, nothing is said about balance.
          expect(repaired.warnings.filter((w) => w.code === 'LOCKED_UNBALANCED')).toEqual([]);
          for (const l of load.values()) {
            expect(l).toBeGreaterThanOrEqual(band.lo);
            expect(l).toBeLessThanOrEqual(band.hi);
          }
        }

        // Nothing moves when the rule can be met with every open pair where it is.
        if (bandAllocationExists(repairInput, [...locked, ...movable], pairsOn)) {
          expect(repaired.moved).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic, independent of input order, and a second repair changes nothing', () => {
    fc.assert(
      fc.property(params, fc.integer(), (p, order) => {
        const { repairInput, locked } = scenario(p);
        const repaired = allocateCriticalFriends(repairInput);
        const shuffled = <T>(items: readonly T[] | undefined, salt: number): T[] =>
          shuffleInPlace([...(items ?? [])], createRandom(order + salt));
        const reordered: AllocationInput = {
          ...repairInput,
          analyses: shuffled(repairInput.analyses, 1),
          history: shuffled(repairInput.history, 2),
          locked: shuffled(repairInput.locked, 3),
          movable: shuffled(repairInput.movable, 4),
        };
        expect(allocateCriticalFriends(reordered)).toEqual(repaired);

        // Repairing the repaired round: every pair is in place, so nothing is added or moved.
        if (repaired.warnings.some((w) => w.code === 'BALANCE_RELAXED')) return;
        const lockedKeys = new Set(locked.map(key));
        const again = allocateCriticalFriends({
          ...repairInput,
          locked,
          movable: repaired.assignments
            .filter((a) => !lockedKeys.has(key(a)))
            .map(({ reviewerId, analysisId }) => ({ reviewerId, analysisId })),
        });
        expect(again.moved).toEqual([]);
        expect(again.warnings.map((w) => w.code)).not.toContain('BALANCE_RELAXED');
        expect(again.assignments.every((a) => a.locked)).toBe(true);
        expect(again.assignments).toHaveLength(repaired.assignments.length);
      }),
      { numRuns: 60 },
    );
  });
});
