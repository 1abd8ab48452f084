import type { AllocationInput, AllocationPair, AllocationWarning } from './types';
import { AllocationInputError } from './types';

export const DEFAULT_ALLOCATION_K = 2;

export interface NAnalysis {
  readonly id: string;
  readonly authorId: string;
  readonly schoolId: string;
  /** Same-school support asked for (by the author or the cohort). */
  readonly preferSame: boolean;
  /** Index into `persons`. */
  readonly author: number;
}

export interface NReviewer {
  readonly id: string;
  readonly schoolId: string;
  /** Index into `persons`. */
  readonly person: number;
}

export interface NHistory {
  count: number;
  lastRound?: number;
}

/** Validated input, sorted by id so that the result does not depend on input order. */
export interface NormalizedInput {
  readonly analyses: readonly NAnalysis[];
  readonly reviewers: readonly NReviewer[];
  /** Every person id (authors and reviewers), sorted. */
  readonly persons: readonly string[];
  /** Reviewer index of each person, or -1 when the person does not review in this round. */
  readonly reviewerOfPerson: Int32Array;
  readonly k: number;
  readonly seed: string | number;
  /** Earlier reviewer → author meetings keyed by `pairKey(reviewerPerson, authorPerson)`. */
  readonly history: ReadonlyMap<number, NHistory>;
  /** Valid locked pairs (reviewer index, analysis index), deduplicated and sorted. */
  readonly locked: readonly { readonly r: number; readonly x: number }[];
  /**
   * Valid movable pairs (a repair's open pairs), deduplicated, sorted, none of them locked; null
   * when the input gave none (then nothing may move and the result is as without a repair).
   */
  readonly movable: readonly { readonly r: number; readonly x: number }[] | null;
  readonly warnings: AllocationWarning[];
  pairKey(reviewerPerson: number, authorPerson: number): number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AllocationInputError('INVALID_ID', `${what} must be a non-empty string`);
  }
  return value;
}

export function normalizeInput(input: AllocationInput): NormalizedInput {
  const k = input.k ?? DEFAULT_ALLOCATION_K;
  if (!Number.isInteger(k) || k < 0) {
    throw new AllocationInputError('INVALID_K', `k must be a non-negative integer, got ${String(k)}`);
  }
  const seed = input.seed;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new AllocationInputError('INVALID_SEED', 'seed must be a string or a finite number');
  }
  const cohortSame = input.cohortSameSchool === true;

  const rawAnalyses = input.analyses.map((a) => ({
    id: checkId(a.analysisId, 'analysisId'),
    authorId: checkId(a.authorId, 'authorId'),
    schoolId: checkId(a.schoolId, 'schoolId'),
    preferSame: cohortSame || a.wantsSameSchool === true,
  }));
  rawAnalyses.sort((a, b) => byString(a.id, b.id));
  for (let i = 1; i < rawAnalyses.length; i++) {
    if (rawAnalyses[i]?.id === rawAnalyses[i - 1]?.id) {
      throw new AllocationInputError('DUPLICATE_ANALYSIS', `analysis ${rawAnalyses[i]?.id} is listed twice`);
    }
  }

  let rawReviewers: { id: string; schoolId: string }[];
  if (input.reviewers) {
    rawReviewers = input.reviewers.map((r) => ({
      id: checkId(r.reviewerId, 'reviewerId'),
      schoolId: checkId(r.schoolId, 'schoolId'),
    }));
    rawReviewers.sort((a, b) => byString(a.id, b.id));
    for (let i = 1; i < rawReviewers.length; i++) {
      if (rawReviewers[i]?.id === rawReviewers[i - 1]?.id) {
        throw new AllocationInputError(
          'DUPLICATE_REVIEWER',
          `reviewer ${rawReviewers[i]?.id} is listed twice`,
        );
      }
    }
  } else {
    // Default: the authors review each other (school taken from their first analysis by id).
    const seen = new Map<string, string>();
    for (const a of rawAnalyses) if (!seen.has(a.authorId)) seen.set(a.authorId, a.schoolId);
    rawReviewers = [...seen].map(([id, schoolId]) => ({ id, schoolId }));
    rawReviewers.sort((a, b) => byString(a.id, b.id));
  }

  const personSet = new Set<string>();
  for (const a of rawAnalyses) personSet.add(a.authorId);
  for (const r of rawReviewers) personSet.add(r.id);
  const persons = [...personSet].sort(byString);
  const personIndex = new Map<string, number>();
  persons.forEach((p, i) => personIndex.set(p, i));
  const P = persons.length;
  const pairKey = (reviewerPerson: number, authorPerson: number): number => reviewerPerson * P + authorPerson;

  const analyses: NAnalysis[] = rawAnalyses.map((a) => ({ ...a, author: personIndex.get(a.authorId) ?? -1 }));
  const reviewers: NReviewer[] = rawReviewers.map((r) => ({ ...r, person: personIndex.get(r.id) ?? -1 }));
  const reviewerOfPerson = new Int32Array(P).fill(-1);
  reviewers.forEach((r, i) => (reviewerOfPerson[r.person] = i));

  const history = new Map<number, NHistory>();
  for (const h of input.history ?? []) {
    const rp = personIndex.get(h.reviewerId);
    const ap = personIndex.get(h.authorId);
    if (rp === undefined || ap === undefined || rp === ap) continue; // people not in this round
    const key = pairKey(rp, ap);
    const entry = history.get(key) ?? { count: 0 };
    entry.count++;
    if (typeof h.roundNumber === 'number' && Number.isFinite(h.roundNumber)) {
      entry.lastRound = Math.max(entry.lastRound ?? -Infinity, h.roundNumber);
    }
    history.set(key, entry);
  }

  const warnings: AllocationWarning[] = [];
  const analysisIndex = new Map<string, number>();
  analyses.forEach((a, i) => analysisIndex.set(a.id, i));
  const reviewerIndex = new Map<string, number>();
  reviewers.forEach((r, i) => reviewerIndex.set(r.id, i));
  const lockedKeys = new Set<string>();
  /** Valid, deduplicated pairs of a list given as input; `what` names them in warnings and errors. */
  const indexPairs = (
    given: readonly AllocationPair[],
    what: 'Locked' | 'Movable',
  ): { r: number; x: number }[] => {
    const out: { r: number; x: number }[] = [];
    const sorted = [...given].sort(
      (a, b) => byString(a.analysisId, b.analysisId) || byString(a.reviewerId, b.reviewerId),
    );
    for (const l of sorted) {
      const reviewerId = checkId(l.reviewerId, `${what.toLowerCase()} reviewerId`);
      const analysisId = checkId(l.analysisId, `${what.toLowerCase()} analysisId`);
      const x = analysisIndex.get(analysisId);
      const r = reviewerIndex.get(reviewerId);
      if (x === undefined) {
        warnings.push({
          code: 'LOCKED_ANALYSIS_UNAVAILABLE',
          message: `${what} pair dropped: analysis ${analysisId} is not part of this allocation.`,
          reviewerId,
          analysisId,
        });
        continue;
      }
      if (r === undefined) {
        warnings.push({
          code: 'LOCKED_REVIEWER_UNAVAILABLE',
          message: `${what} pair dropped: reviewer ${reviewerId} is no longer reviewing in this round.`,
          reviewerId,
          analysisId,
        });
        continue;
      }
      if (analyses[x]?.authorId === reviewerId) {
        throw new AllocationInputError(
          'LOCKED_SELF_REVIEW',
          `${what.toLowerCase()} pair ${reviewerId} → ${analysisId} would have the author review their own analysis`,
        );
      }
      const key = `${r}:${x}`;
      // Locked pairs are read first: a pair given as both stays locked.
      if (lockedKeys.has(key)) continue;
      lockedKeys.add(key);
      out.push({ r, x });
    }
    return out;
  };
  const locked = indexPairs(input.locked ?? [], 'Locked');
  const movable = input.movable ? indexPairs(input.movable, 'Movable') : null;

  return {
    analyses,
    reviewers,
    persons,
    reviewerOfPerson,
    k,
    seed,
    history,
    locked,
    movable,
    warnings,
    pairKey,
  };
}
