import type { FieldProblemCode } from '../errors/field-problem-codes';
import { balancedLoadRange, checkAllocation } from './check';
import type { AllocationViolation } from './check';
import type { AllocationAnalysis, AllocationPair, AllocationReviewer } from './types';

/** The hard rules of rule 4 that one pair breaks on its own, whatever the other pairs are. */
export type PairRuleCode = 'UNKNOWN_ANALYSIS' | 'UNKNOWN_REVIEWER' | 'SELF_REVIEW' | 'DUPLICATE_PAIR';

const PAIR_RULE_CODES: readonly string[] = [
  'UNKNOWN_ANALYSIS',
  'UNKNOWN_REVIEWER',
  'SELF_REVIEW',
  'DUPLICATE_PAIR',
] satisfies PairRuleCode[];

/** What the pair rules need: who wrote each analysis and who may review (schools play no part). */
export interface PairRuleInput {
  readonly analyses: readonly Pick<AllocationAnalysis, 'analysisId' | 'authorId'>[];
  readonly reviewers: readonly Pick<AllocationReviewer, 'reviewerId'>[];
}

export interface PairRuleViolation extends AllocationViolation {
  readonly code: PairRuleCode;
}

/**
 * Rule 4's hard rules for one pair chosen by hand, by the domain's own check (`checkAllocation`):
 * the pair against the pairs already accepted. Null when the pair may be added. Used by the API to
 * validate a course leader's overrides on apply, and by the web app while the leader changes pairs,
 * so both refuse the same pairs. Loads and reviewers per analysis are not judged here: they depend
 * on the whole allocation (see `checkAllocation` and `loadsBalanced`).
 */
export function pairRuleViolation(
  input: PairRuleInput,
  accepted: readonly AllocationPair[],
  pair: AllocationPair,
): PairRuleViolation | null {
  // Schools and the seed do not enter these rules; the check needs them only to normalise its input.
  const full = {
    analyses: input.analyses.map((a) => ({ analysisId: a.analysisId, authorId: a.authorId, schoolId: '-' })),
    reviewers: input.reviewers.map((r) => ({ reviewerId: r.reviewerId, schoolId: '-' })),
    seed: 0,
  };
  const found = checkAllocation(full, [...accepted, pair]).violations.find(
    (v) =>
      v.analysisId === pair.analysisId &&
      v.reviewerId === pair.reviewerId &&
      PAIR_RULE_CODES.includes(v.code),
  );
  return found ? (found as PairRuleViolation) : null;
}

/**
 * How the API reports a broken pair rule as a field problem of an override (`overrides.<i>.<field>`):
 * the field it is about, its field-problem code and its sentence.
 */
export const PAIR_RULE_PROBLEMS: Readonly<
  Record<PairRuleCode, { field: 'analysisId' | 'reviewerId'; code: FieldProblemCode; message: string }>
> = {
  UNKNOWN_ANALYSIS: {
    field: 'analysisId',
    code: 'ANALYSIS_NOT_PUBLISHED',
    message: 'Not a published analysis of this round by an active participant.',
  },
  UNKNOWN_REVIEWER: {
    field: 'reviewerId',
    code: 'REVIEWER_NOT_ELIGIBLE',
    message: 'A critical friend must be an active participant of the same cohort.',
  },
  SELF_REVIEW: { field: 'reviewerId', code: 'SELF_REVIEW', message: 'Nobody reviews their own analysis.' },
  DUPLICATE_PAIR: {
    field: 'reviewerId',
    code: 'DUPLICATE_ASSIGNMENT',
    message: 'This person already reviews this analysis.',
  },
};

/**
 * Rule 4's balance: every reviewer's load is the floor or the ceiling of the mean load, i.e. the
 * loads differ by at most one. `checkAllocation` reports UNBALANCED_LOAD by the same rule.
 */
export function loadsBalanced(loads: Iterable<number>): boolean {
  const values = [...loads];
  if (values.length === 0) return true;
  const { lo, hi } = balancedLoadRange(
    values.reduce((sum, l) => sum + l, 0),
    values.length,
  );
  return values.every((l) => l >= lo && l <= hi);
}
