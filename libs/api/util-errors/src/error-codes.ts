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
  /**
   * A GraphQL request over one of the configured limits; `details` says which (`limit`: depth,
   * aliases, directives, tokens or cost), the `max` and what was found (`actual`).
   */
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  /** The request body is larger than MAX_BODY_BYTES (HTTP 413). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** The request body is not valid JSON or not a GraphQL request (HTTP 400). */
  MalformedRequest: 'MALFORMED_REQUEST',
  /** Only the web app's registered operations are answered here (GRAPHQL_PERSISTED_ONLY). */
  OperationNotAllowed: 'OPERATION_NOT_ALLOWED',
  /**
   * Password sign-in is off for the person's organisation, which uses single sign-on (ADR 0014);
   * `details.ssoStartPath` starts it. Said only after the right password, so it reveals nothing.
   */
  PasswordSignInDisabled: 'PASSWORD_SIGN_IN_DISABLED',
  /** Single sign-on cannot be set up: the server has no SSO_SECRET_KEY (production). */
  SsoKeyMissing: 'SSO_KEY_MISSING',
  /** A mailed single-use link (invitation, reset, sign-in link) that does not exist or was replaced by a newer one. */
  LinkInvalid: 'LINK_INVALID',
  /** A mailed single-use link past its lifetime. */
  LinkExpired: 'LINK_EXPIRED',
  /** A mailed single-use link that was used already. */
  LinkUsed: 'LINK_USED',
  /** Feedback lacks a quality its cohort requires (ADR 0035); one QUALITY_MISSING problem per missing quality. */
  FeedbackQualityMissing: 'FEEDBACK_QUALITY_MISSING',
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
    case ErrorCode.PasswordSignInDisabled:
      return 403;
    case ErrorCode.NotFound:
    case ErrorCode.LinkInvalid:
      return 404;
    case ErrorCode.LinkExpired:
    case ErrorCode.LinkUsed:
      return 410;
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
    case ErrorCode.FeedbackQualityMissing:
      return 422;
    case ErrorCode.TooManyAttempts:
      return 429;
    case ErrorCode.QueryTooComplex:
    case ErrorCode.MalformedRequest:
    case ErrorCode.OperationNotAllowed:
      return 400;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.Internal:
      return 500;
    case ErrorCode.SsoKeyMissing:
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
