export { allocateCriticalFriends } from './allocate';
export { checkAllocation } from './check';
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
