/**
 * The closed list of error codes the API answers with (`extensions.code` of a GraphQL error).
 * Clients switch on these, so a code is never renamed or removed; new ones are added here and
 * nowhere else (ADR 0005, ADR 0016), with a sentence in ERROR_CODE_DESCRIPTIONS. The API registers
 * the list as the GraphQL enum `ErrorCode` with those descriptions; the web app gets its type from
 * that enum by codegen and the list from here (without the descriptions, which stay server-side).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'COHORT_NOT_READY',
  'INVALID_STATE_TRANSITION',
  'SCHEDULE_INVALID',
  'CERTIFICATION_INVALID',
  'TEMPLATE_VERSION_IN_USE',
  'EDIT_CONFLICT',
  'ROUND_NOT_OPEN',
  'ALLOCATION_LOCKED',
  'ANALYSIS_NOT_PUBLISHED',
  'ASSIGNMENT_CANCELLED',
  'ASSIGNMENT_COMPLETED',
  'DUPLICATE_ASSIGNMENT',
  'SELF_REVIEW',
  'REVIEWER_NOT_ELIGIBLE',
  'STALE_VERSION',
  'MEETING_NOT_STARTED',
  'TOO_MANY_ATTEMPTS',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'MALFORMED_REQUEST',
  'OPERATION_NOT_ALLOWED',
  'PASSWORD_SIGN_IN_DISABLED',
  'SSO_KEY_MISSING',
  'LINK_INVALID',
  'LINK_EXPIRED',
  'LINK_USED',
  'FEEDBACK_QUALITY_MISSING',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** When each error code is returned, for the schema's enum (integrators read it there). */
export const ERROR_CODE_DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Nobody is signed in, or the session has ended. Sign in and try again.',
  FORBIDDEN: 'The signed-in person may not do this, or may not see this.',
  NOT_FOUND: 'The thing named by id does not exist, or the signed-in person may not see it.',
  BAD_USER_INPUT:
    'The input breaks a rule; `extensions.problems` names each field, with a field-problem code.',
  CONFLICT:
    'The change clashes with data already stored (a name, number or unit code that is taken); see `problems`.',
  INVALID_CREDENTIALS: 'Sign-in refused: the e-mail address and password do not match an active account.',
  COHORT_NOT_READY:
    'The cohort cannot open yet (too few meetings or rounds, or no certified leader); see `problems`.',
  INVALID_STATE_TRANSITION:
    'The change is not allowed in the current status of the cohort, round or analysis.',
  SCHEDULE_INVALID:
    'Dates or times of meetings or rounds do not fit together or the cohort period; see `problems`.',
  CERTIFICATION_INVALID: 'A course leader has no certification covering the cohort period; see `problems`.',
  TEMPLATE_VERSION_IN_USE:
    'Participants have started writing in the round, so its template version cannot change.',
  EDIT_CONFLICT:
    'The draft was saved elsewhere since it was loaded; `extensions.details` carries the newer text.',
  ROUND_NOT_OPEN: 'The round is not open for this now (before it opens, or after its deadline).',
  ALLOCATION_LOCKED: 'The allocation of the round is locked: change it by hand or repair it instead.',
  ANALYSIS_NOT_PUBLISHED: 'The analysis is not published, so it cannot be reviewed or given feedback.',
  ASSIGNMENT_CANCELLED: 'The review task was cancelled (for example swapped to another reviewer).',
  ASSIGNMENT_COMPLETED: 'The review task is already completed and cannot be changed.',
  DUPLICATE_ASSIGNMENT: 'This person already reviews this analysis.',
  SELF_REVIEW: 'Nobody reviews their own analysis.',
  REVIEWER_NOT_ELIGIBLE: 'The reviewer must be an active participant of the same cohort.',
  STALE_VERSION:
    'The analysis was published again since it was read; `extensions.details.currentVersion` names the newer version.',
  MEETING_NOT_STARTED: 'Attendance can only be recorded for a meeting that has started.',
  TOO_MANY_ATTEMPTS:
    'Too many password attempts on an account or from an address; `extensions.details.retryAfterSeconds` says when to retry.',
  QUERY_TOO_COMPLEX:
    'The GraphQL request is over one of the limits; `extensions.details` says which (`limit`: depth, aliases, directives, tokens or cost), the `max` and what was found (`actual`).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (HTTP 413); nothing was changed.',
  MALFORMED_REQUEST: 'The request body is not valid JSON or not a GraphQL request (HTTP 400).',
  OPERATION_NOT_ALLOWED:
    "Only the web app's registered operations are answered here (the server runs with GRAPHQL_PERSISTED_ONLY).",
  PASSWORD_SIGN_IN_DISABLED:
    "Password sign-in is off for the person's organisation, which uses single sign-on; `extensions.details.ssoStartPath` starts it.",
  SSO_KEY_MISSING: 'Single sign-on cannot be set up: the server has no SSO_SECRET_KEY.',
  LINK_INVALID:
    'A mailed single-use link (invitation, password reset, sign-in link) that does not exist or was replaced by a newer one.',
  LINK_EXPIRED: 'A mailed single-use link past its lifetime: ask for a new one.',
  LINK_USED: 'A mailed single-use link that was used already: ask for a new one.',
  FEEDBACK_QUALITY_MISSING:
    "The cohort's course leaders require qualities of feedback (ADR 0035) that this feedback lacks; one `QUALITY_MISSING` problem per missing quality names it (`field`: anchored, question, nextStep or aboutLearning). Nothing was saved.",
  INTERNAL_SERVER_ERROR: 'Something failed on the server; nothing was changed. The message says no more.',
};
