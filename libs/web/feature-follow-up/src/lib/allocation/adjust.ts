/**
 * Changes by hand to an allocation preview, as pure data. Apply with the preview's seed makes
 * exactly the previewed pairs (the allocation is deterministic), and the changes go with it as
 * overrides in the same request. So a change is kept as "pair (analysis, original reviewer) now goes
 * to reviewer X", checked by the same domain rules as the API (libs/shared/domain).
 */
import { allocationFindings, loadsBalanced, pairRuleViolation } from '@stl/shared/domain';
import type {
  AllocationFinding,
  AllocationFindings,
  FindingsAnalysis,
  FindingsReviewer,
  PairRuleCode,
  ReviewerLoadFinding,
} from '@stl/shared/domain';

export interface PairLike {
  analysisId: string;
  authorId: string;
  reviewerId: string;
  /** Kept from before (under way or set by hand): changed after apply, in the assignment list. */
  locked: boolean;
}

/** pair key → the reviewer chosen instead of the original one. */
export type Adjustments = Readonly<Record<string, string>>;

export interface PlannedPair<P extends PairLike = PairLike> {
  key: string;
  pair: P;
  analysisId: string;
  authorId: string;
  /** The reviewer after the changes. */
  reviewerId: string;
  /** The reviewer the allocation proposed. */
  originalReviewerId: string;
  changed: boolean;
}

export type AdjustProblem =
  'SELF_REVIEW' | 'DUPLICATE' | 'LOCKED' | 'SAME_ANALYSIS' | 'SAME_REVIEWER' | 'UNKNOWN_PAIR';

export type AdjustResult = { ok: true; adjustments: Adjustments } | { ok: false; problem: AdjustProblem };

export function pairKey(pair: Pick<PairLike, 'analysisId' | 'reviewerId'>): string {
  return `${pair.analysisId}:${pair.reviewerId}`;
}

export function plannedPairs<P extends PairLike>(
  pairs: readonly P[],
  adjustments: Adjustments,
): PlannedPair<P>[] {
  return pairs.map((pair) => {
    const key = pairKey(pair);
    const reviewerId = adjustments[key] ?? pair.reviewerId;
    return {
      key,
      pair,
      analysisId: pair.analysisId,
      authorId: pair.authorId,
      reviewerId,
      originalReviewerId: pair.reviewerId,
      changed: reviewerId !== pair.reviewerId,
    };
  });
}

/**
 * Why `reviewerId` cannot take pair `target` (ignoring the pair `except`, which is moving too): a
 * kept pair is changed after apply; otherwise the domain's own pair rules decide, the same check the
 * API runs on the overrides of apply (`pairRuleViolation`, libs/shared/domain).
 */
function problemFor(
  planned: readonly PlannedPair[],
  target: PlannedPair,
  reviewerId: string,
  except: string,
): AdjustProblem | null {
  if (target.pair.locked) return 'LOCKED';
  const people = new Set([reviewerId, ...planned.flatMap((p) => [p.authorId, p.reviewerId])]);
  const analyses = new Map(planned.map((p) => [p.analysisId, p.authorId]));
  const violation = pairRuleViolation(
    {
      analyses: [...analyses].map(([analysisId, authorId]) => ({ analysisId, authorId })),
      reviewers: [...people].map((id) => ({ reviewerId: id })),
    },
    planned
      .filter((p) => p.key !== target.key && p.key !== except)
      .map((p) => ({ analysisId: p.analysisId, reviewerId: p.reviewerId })),
    { analysisId: target.analysisId, reviewerId },
  );
  return violation ? PAIR_RULE_TO_PROBLEM[violation.code] : null;
}

/** The web's words for the domain's pair rules (the sentences under `followUp.problem`). */
const PAIR_RULE_TO_PROBLEM: Readonly<Record<PairRuleCode, AdjustProblem>> = {
  SELF_REVIEW: 'SELF_REVIEW',
  DUPLICATE_PAIR: 'DUPLICATE',
  UNKNOWN_ANALYSIS: 'UNKNOWN_PAIR',
  UNKNOWN_REVIEWER: 'UNKNOWN_PAIR',
};

function withReviewer(adjustments: Adjustments, target: PlannedPair, reviewerId: string): Adjustments {
  const next: Record<string, string> = { ...adjustments };
  if (reviewerId === target.originalReviewerId) delete next[target.key];
  else next[target.key] = reviewerId;
  return next;
}

/** The course leader chooses another critical friend for one pair. */
export function replaceReviewer(
  pairs: readonly PairLike[],
  adjustments: Adjustments,
  key: string,
  reviewerId: string,
): AdjustResult {
  const planned = plannedPairs(pairs, adjustments);
  const target = planned.find((p) => p.key === key);
  if (!target) return { ok: false, problem: 'UNKNOWN_PAIR' };
  if (target.reviewerId === reviewerId) return { ok: true, adjustments };
  const problem = problemFor(planned, target, reviewerId, key);
  return problem
    ? { ok: false, problem }
    : { ok: true, adjustments: withReviewer(adjustments, target, reviewerId) };
}

/**
 * Two pairs trade their critical friends (what dragging one reviewer onto another pair does): every
 * reviewer keeps the same number of analyses, so the balance holds.
 */
export function exchangeReviewers(
  pairs: readonly PairLike[],
  adjustments: Adjustments,
  keyA: string,
  keyB: string,
): AdjustResult {
  const planned = plannedPairs(pairs, adjustments);
  const a = planned.find((p) => p.key === keyA);
  const b = planned.find((p) => p.key === keyB);
  if (!a || !b) return { ok: false, problem: 'UNKNOWN_PAIR' };
  if (a.analysisId === b.analysisId) return { ok: false, problem: 'SAME_ANALYSIS' };
  if (a.reviewerId === b.reviewerId) return { ok: false, problem: 'SAME_REVIEWER' };
  const problem = problemFor(planned, a, b.reviewerId, keyB) ?? problemFor(planned, b, a.reviewerId, keyA);
  if (problem) return { ok: false, problem };
  return { ok: true, adjustments: withReviewer(withReviewer(adjustments, a, b.reviewerId), b, a.reviewerId) };
}

/** How many analyses each reviewer has (every listed reviewer, even with none). */
export function reviewerLoads(
  planned: readonly PlannedPair[],
  reviewerIds: readonly string[],
): Map<string, number> {
  const loads = new Map(reviewerIds.map((id) => [id, 0]));
  for (const p of planned) loads.set(p.reviewerId, (loads.get(p.reviewerId) ?? 0) + 1);
  return loads;
}

/** Rule 4: every reviewer within ±1 of the mean, by the domain's rule (`loadsBalanced`). */
export function isBalanced(loads: ReadonlyMap<string, number>): boolean {
  return loadsBalanced(loads.values());
}

/**
 * What the checks need besides the pairs, as the API returns it with the proposal: the analyses and
 * reviewers with their schools, and who read whom in earlier rounds.
 */
export interface CheckData {
  analyses: readonly FindingsAnalysis[];
  reviewers: readonly FindingsReviewer[];
  earlierPairs: readonly { reviewerId: string; authorId: string; roundNumber: number }[];
  cohortSameSchool: boolean;
}

/**
 * Rule 4's checks on the planned pairs, by the function the API runs (`allocationFindings`):
 * `assignments[i]` is about `planned[i]`.
 */
export function checkPlanned(planned: readonly PlannedPair[], data: CheckData): AllocationFindings {
  return allocationFindings({
    ...data,
    assignments: planned.map((p) => ({ analysisId: p.analysisId, reviewerId: p.reviewerId })),
  });
}

export interface Candidate {
  reviewerId: string;
  /** Their load now. */
  load: number;
  /** The findings the pair would have with them (same school, repeat, reciprocal). */
  findings: readonly AllocationFinding[];
  /** Their load after the change, against the target. */
  loadAfter: ReviewerLoadFinding;
  /** Every load within the target after the change. */
  balancedAfter: boolean;
}

/**
 * Who could take pair `key` instead, with what the change would make of the checks. The author is
 * never offered (nobody reviews their own analysis), nor anyone already on the analysis: the list
 * holds only choices that can be made.
 */
export function candidatesFor(planned: readonly PlannedPair[], key: string, data: CheckData): Candidate[] {
  const index = planned.findIndex((p) => p.key === key);
  const target = planned[index];
  if (!target) return [];
  const taken = new Set(planned.filter((p) => p.analysisId === target.analysisId).map((p) => p.reviewerId));
  const now = new Map(checkPlanned(planned, data).loads.map((l) => [l.reviewerId, l.load]));
  return data.reviewers
    .map((r) => r.reviewerId)
    .filter((id) => id !== target.authorId && !taken.has(id))
    .map((reviewerId) => {
      const after = checkPlanned(
        planned.map((p, i) => (i === index ? { ...p, reviewerId } : p)),
        data,
      );
      const loadAfter = after.loads.find((l) => l.reviewerId === reviewerId) as ReviewerLoadFinding;
      return {
        reviewerId,
        load: now.get(reviewerId) ?? 0,
        findings: after.assignments[index]?.findings ?? [],
        loadAfter,
        balancedAfter: after.balanced,
      };
    });
}

/** One change sent with apply: this analysis gets `reviewerId` instead of `replacesReviewerId`. */
export interface Override {
  analysisId: string;
  reviewerId: string;
  replacesReviewerId: string;
}

/**
 * The changes made on the preview, as the `overrides` of `applyAllocation`: the API applies the
 * preview (same seed) with these pairs in one request and one transaction, so only the final pairs
 * are written and mailed, and a refused change leaves nothing half done.
 */
export function overridesFor(planned: readonly PlannedPair[]): Override[] {
  return planned
    .filter((p) => p.changed && !p.pair.locked)
    .map((p) => ({
      analysisId: p.analysisId,
      reviewerId: p.reviewerId,
      replacesReviewerId: p.originalReviewerId,
    }));
}

/** Reason codes the web app explains in its own words; others are shown as the API words them. */
export const KNOWN_REASON_CODES = [
  'LOCKED',
  'OTHER_SCHOOL',
  'SAME_SCHOOL_REQUESTED',
  'FALLBACK_SAME_SCHOOL',
  'FALLBACK_OTHER_SCHOOL',
  'NEW_PAIR',
  'FALLBACK_REPEATED_PAIR',
  'FALLBACK_RECIPROCAL',
  'MANUAL',
  'MANUAL_SWAP',
  'COURSE_LEADER',
] as const;

/** Unmet and warning codes of an allocation run. */
export const KNOWN_NOTICE_CODES = [
  'NOT_ENOUGH_REVIEWERS',
  'NO_CAPACITY',
  'K_EXCEEDS_REVIEWERS',
  'LOCKED_REVIEWER_UNAVAILABLE',
  'LOCKED_ANALYSIS_UNAVAILABLE',
  'LOCKED_EXCEEDS_K',
  'LOCKED_UNBALANCED',
  'BALANCE_RELAXED',
  'PRECISION_REDUCED',
] as const;

/** The translation key of a reason's sentence, or null to show the API's own sentence. */
export function reasonKey(code: string): string | null {
  return (KNOWN_REASON_CODES as readonly string[]).includes(code) ? `followUp.reason.${code}` : null;
}

export function noticeKey(code: string): string | null {
  return (KNOWN_NOTICE_CODES as readonly string[]).includes(code) ? `followUp.notice.${code}` : null;
}
