import { normalizeInput } from './normalize';
import type { IndexPair } from './stats';
import { computeStats } from './stats';
import type { AllocationInput, AllocationPair, AllocationStats } from './types';

export type AllocationViolationCode =
  | 'UNKNOWN_REVIEWER'
  | 'UNKNOWN_ANALYSIS'
  | 'SELF_REVIEW'
  | 'DUPLICATE_PAIR'
  | 'WRONG_REVIEWER_COUNT'
  | 'UNBALANCED_LOAD';

export interface AllocationViolation {
  readonly code: AllocationViolationCode;
  readonly message: string;
  readonly reviewerId?: string;
  readonly analysisId?: string;
}

export interface AllocationCheck {
  readonly valid: boolean;
  readonly violations: readonly AllocationViolation[];
  /** Statistics of the known pairs (unknown ids are left out). */
  readonly stats: AllocationStats;
}

/** Rule 4's balance: with `pairs` pairs over `reviewers` reviewers, each load lies in [lo, hi]. */
export function balancedLoadRange(pairs: number, reviewers: number): { lo: number; hi: number } {
  return { lo: Math.floor(pairs / reviewers), hi: Math.ceil(pairs / reviewers) };
}

/**
 * Checks a complete allocation (e.g. one adjusted by hand by the course leader) against the hard
 * constraints of rule 4 for the same round input: known ids, no self-review, no duplicate pair,
 * min(k, eligible) reviewers per analysis, every load floor or ceil of the mean. `input.locked` is
 * ignored: the given pairs are the whole allocation.
 */
export function checkAllocation(input: AllocationInput, pairs: readonly AllocationPair[]): AllocationCheck {
  const n = normalizeInput({ ...input, locked: [] });
  const R = n.reviewers.length;
  const analysisIndex = new Map(n.analyses.map((a, i) => [a.id, i] as const));
  const reviewerIndex = new Map(n.reviewers.map((r, i) => [r.id, i] as const));
  const violations: AllocationViolation[] = [];
  const known: IndexPair[] = [];
  const seen = new Set<number>();
  for (const { reviewerId, analysisId } of pairs) {
    const x = analysisIndex.get(analysisId);
    const r = reviewerIndex.get(reviewerId);
    if (x === undefined) {
      violations.push({
        code: 'UNKNOWN_ANALYSIS',
        message: `Unknown analysis ${analysisId}.`,
        reviewerId,
        analysisId,
      });
      continue;
    }
    if (r === undefined) {
      violations.push({
        code: 'UNKNOWN_REVIEWER',
        message: `Unknown reviewer ${reviewerId}.`,
        reviewerId,
        analysisId,
      });
      continue;
    }
    if (n.analyses[x]?.authorId === reviewerId) {
      violations.push({
        code: 'SELF_REVIEW',
        message: `${reviewerId} would review their own analysis ${analysisId}.`,
        reviewerId,
        analysisId,
      });
      continue;
    }
    if (seen.has(x * R + r)) {
      violations.push({
        code: 'DUPLICATE_PAIR',
        message: `${reviewerId} is assigned to ${analysisId} more than once.`,
        reviewerId,
        analysisId,
      });
      continue;
    }
    seen.add(x * R + r);
    known.push({ r, x });
  }
  const got = new Int32Array(n.analyses.length);
  const load = new Int32Array(R);
  for (const { r, x } of known) {
    got[x] = (got[x] ?? 0) + 1;
    load[r] = (load[r] ?? 0) + 1;
  }
  n.analyses.forEach((a, x) => {
    const expected = Math.min(n.k, R - (n.reviewerOfPerson[a.author] >= 0 ? 1 : 0));
    if (got[x] !== expected) {
      violations.push({
        code: 'WRONG_REVIEWER_COUNT',
        message: `Analysis ${a.id} has ${got[x]} peer reviewers; expected ${expected}.`,
        analysisId: a.id,
      });
    }
  });
  if (R > 0) {
    const { lo, hi } = balancedLoadRange(known.length, R);
    n.reviewers.forEach((rv, r) => {
      const l = load[r] ?? 0;
      if (l < lo || l > hi) {
        violations.push({
          code: 'UNBALANCED_LOAD',
          message: `${rv.id} reviews ${l} analyses; balanced is ${lo === hi ? lo : `${lo}–${hi}`}.`,
          reviewerId: rv.id,
        });
      }
    });
  }
  return { valid: violations.length === 0, violations, stats: computeStats(n, known) };
}
