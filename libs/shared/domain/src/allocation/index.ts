/**
 * Critical-friend allocation (product rule 4): `allocateCriticalFriends(input)` proposes the peer
 * reviewers of one analysis round with typed reasons per pair, `explainAssignment` turns them into a
 * "why this pair" sentence, `checkAllocation` validates a hand-adjusted allocation, `allocationFindings` reports each pair's and
 * each load's findings (own analysis, same school, repeat, reciprocal, over/under target). Pure and
 * deterministic: same input (any order) + same seed → same result.
 */
export { allocateCriticalFriends } from './allocate';
export { checkAllocation } from './check';
export { PAIR_RULE_PROBLEMS, loadsBalanced, pairRuleViolation } from './pair-rules';
export type { PairRuleCode, PairRuleInput, PairRuleViolation } from './pair-rules';
export { FINDING_SEVERITY, allocationFindings } from './findings';
export type {
  AllocationFinding,
  AllocationFindingCode,
  AllocationFindingSeverity,
  AllocationFindings,
  AssignmentFindings,
  FindingsAnalysis,
  FindingsInput,
  FindingsReviewer,
  LoadStatus,
  ReviewerLoadFinding,
} from './findings';
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
