import type { ErrorCode as SharedErrorCode } from '@stl/shared/domain';

/**
 * Names for the stable error codes that reach clients as `extensions.code`. The list itself, with
 * a description of each code, lives in libs/shared/domain (`ERROR_CODES`, ADR 0016); this object
 * only gives the API's services readable names for it, and a test checks it names every code.
 */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  CohortNotReady: 'COHORT_NOT_READY',
  InvalidStateTransition: 'INVALID_STATE_TRANSITION',
  ScheduleInvalid: 'SCHEDULE_INVALID',
  CertificationInvalid: 'CERTIFICATION_INVALID',
  TemplateVersionInUse: 'TEMPLATE_VERSION_IN_USE',
  EditConflict: 'EDIT_CONFLICT',
  RoundNotOpen: 'ROUND_NOT_OPEN',
  AllocationLocked: 'ALLOCATION_LOCKED',
  AnalysisNotPublished: 'ANALYSIS_NOT_PUBLISHED',
  AssignmentCancelled: 'ASSIGNMENT_CANCELLED',
  AssignmentCompleted: 'ASSIGNMENT_COMPLETED',
  DuplicateAssignment: 'DUPLICATE_ASSIGNMENT',
  SelfReview: 'SELF_REVIEW',
  ReviewerNotEligible: 'REVIEWER_NOT_ELIGIBLE',
  StaleVersion: 'STALE_VERSION',
  MeetingNotStarted: 'MEETING_NOT_STARTED',
  /** Too many password attempts on an account or from an address; `details.retryAfterSeconds`. */
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, SharedErrorCode>;
export type ErrorCode = SharedErrorCode;

/** HTTP-ish status for logs and for plain HTTP endpoints; GraphQL responses stay 200 with errors. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
    case ErrorCode.TemplateVersionInUse:
    case ErrorCode.EditConflict:
    case ErrorCode.AllocationLocked:
    case ErrorCode.AssignmentCancelled:
    case ErrorCode.AssignmentCompleted:
    case ErrorCode.DuplicateAssignment:
    case ErrorCode.StaleVersion:
      return 409;
    case ErrorCode.BadUserInput:
    case ErrorCode.CohortNotReady:
    case ErrorCode.InvalidStateTransition:
    case ErrorCode.ScheduleInvalid:
    case ErrorCode.CertificationInvalid:
    case ErrorCode.RoundNotOpen:
    case ErrorCode.AnalysisNotPublished:
    case ErrorCode.SelfReview:
    case ErrorCode.ReviewerNotEligible:
    case ErrorCode.MeetingNotStarted:
      return 422;
    case ErrorCode.TooManyAttempts:
      return 429;
    case ErrorCode.Internal:
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
