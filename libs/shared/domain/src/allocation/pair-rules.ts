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

/**
 * What a leader should know before making a pair by hand, though the pair is allowed: rule 4's
 * soft rules. SAME_SCHOOL: reviewer and author work at the same school (an outside view is the
 * default); REPEATED_PAIR: the reviewer read this author in an earlier round; RECIPROCAL: the author
 * reads the reviewer's analysis in this round (they would review each other); UNBALANCED_LOAD: after
 * the change the loads differ by more than one (`loadsBalanced`).
 */
export type PairWarningCode = 'SAME_SCHOOL' | 'REPEATED_PAIR' | 'RECIPROCAL' | 'UNBALANCED_LOAD';

export interface PairWarningInput {
  /** The analysis's author and the reviewer proposed for it. */
  readonly authorId: string;
  readonly reviewerId: string;
  /** Each person's school, when known. */
  readonly schoolOf: (personId: string) => string | null;
  /** Who reads whom in this round, the changed pair left out: author → reviewers. */
  readonly roundPairs: readonly { readonly authorId: string; readonly reviewerId: string }[];
  /** Who read whom in earlier rounds (may be empty when not known). */
  readonly earlierPairs: readonly { readonly authorId: string; readonly reviewerId: string }[];
  /** Every reviewer's load after the change. */
  readonly loadsAfter: Iterable<number>;
}

export function pairWarnings(input: PairWarningInput): PairWarningCode[] {
  const { authorId, reviewerId } = input;
  const warnings: PairWarningCode[] = [];
  const school = input.schoolOf(authorId);
  if (school && school === input.schoolOf(reviewerId)) warnings.push('SAME_SCHOOL');
  if (input.earlierPairs.some((p) => p.authorId === authorId && p.reviewerId === reviewerId))
    warnings.push('REPEATED_PAIR');
  if (input.roundPairs.some((p) => p.authorId === reviewerId && p.reviewerId === authorId))
    warnings.push('RECIPROCAL');
  if (!loadsBalanced(input.loadsAfter)) warnings.push('UNBALANCED_LOAD');
  return warnings;
}
