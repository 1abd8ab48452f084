/**
 * Critical-friend allocation (product rule 4): `allocateCriticalFriends(input)` proposes the peer
 * reviewers of one analysis round with typed reasons per pair, `explainAssignment` turns them into a
 * "why this pair" sentence, `checkAllocation` validates a hand-adjusted allocation. Pure and
 * deterministic: same input (any order) + same seed → same result.
 */
export { allocateCriticalFriends } from './allocate';
export { checkAllocation } from './check';
export { PAIR_RULE_PROBLEMS, loadsBalanced, pairRuleViolation, pairWarnings } from './pair-rules';
export type {
  PairRuleCode,
  PairRuleInput,
  PairRuleViolation,
  PairWarningCode,
  PairWarningInput,
} from './pair-rules';
export type { AllocationCheck, AllocationViolation, AllocationViolationCode } from './check';
export { DEFAULT_ALLOCATION_K } from './normalize';
export { explainAssignment, allocationReasonMessage } from './reasons';
export { AllocationInputError } from './types';
export type {
  AllocationAnalysis,
  AllocationHistoryPair,
  AllocationInput,
  AllocationInputErrorCode,
  AllocationPair,
  AllocationResult,
  AllocationReviewer,
  AllocationStats,
  AllocationWarning,
  AllocationWarningCode,
  AllocationAssignment,
  AllocationReason,
  AllocationReasonCode,
  AllocationReasonDetails,
  AllocationUnmetCode,
  AllocationUnmet,
} from './types';
