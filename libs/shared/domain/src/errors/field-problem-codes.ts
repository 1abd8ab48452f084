import { PasswordProblemCode } from '../passwords/password-problem-codes';

/**
 * The closed list of field-problem codes (`extensions.problems[].code`): why one input field was
 * refused. Like the error codes, a code is never renamed or removed; new ones are added here and
 * nowhere else (ADR 0016), with a sentence in FIELD_PROBLEM_DESCRIPTIONS. The API registers the
 * list as the GraphQL enum `FieldProblemCode` with those descriptions; the web app gets its type by
 * codegen and has a sentence of its own for each code.
 */
export const FIELD_PROBLEM_CODES = [
  // Input in general
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'MARKUP_NOT_ALLOWED',
  'INVALID_CHARACTERS',
  'INVALID_DATE',
  'INVALID_CURSOR',
  'NOT_FOUND',
  'INVALID',
  // Passwords (the shared rule, ADR 0010)
  PasswordProblemCode.TooShort,
  PasswordProblemCode.TooLong,
  PasswordProblemCode.Common,
  PasswordProblemCode.ContainsPersonal,
  'CURRENT_PASSWORD_WRONG',
  // People, schools, certifications
  'EMAIL_TAKEN',
  'NAME_TAKEN',
  'UNIT_CODE_TAKEN',
  'SCHOOL_REQUIRED',
  'SCHOOL_NOT_ALLOWED',
  'BEFORE_ISSUED_ON',
  'ROLE_CLASH',
  // Single sign-on settings (ADR 0014)
  'ISSUER_INVALID',
  'ISSUER_DISCOVERY_FAILED',
  'CLIENT_SECRET_REQUIRED',
  'DOMAIN_INVALID',
  'DOMAINS_REQUIRED',
  'DOMAIN_TAKEN',
  'REQUIRES_SSO_ENABLED',
  // Cohorts, meetings, rounds, templates
  'ENDS_BEFORE_START',
  'INVALID_SCHOOL_YEAR',
  'OUTSIDE_SCHOOL_YEAR',
  'OUTSIDE_COHORT_PERIOD',
  'MEETING_OUTSIDE_PERIOD',
  'ROUND_OUTSIDE_PERIOD',
  'MEETING_ENDS_BEFORE_START',
  'MEETING_TOO_LONG',
  'SUBMISSION_BEFORE_OPENING',
  'FEEDBACK_BEFORE_SUBMISSION',
  'LOCATION_REQUIRED',
  'VIDEO_URL_REQUIRED',
  'VIDEO_URL_NOT_HTTPS',
  'NUMBER_TAKEN',
  'ROUND_HAS_ANALYSES',
  'TOO_FEW_MEETINGS',
  'TOO_FEW_ROUNDS',
  'COHORT_NAME_TAKEN',
  'NO_CERTIFIED_LEADER',
  'NOT_A_COURSE_LEADER',
  'NO_COVERING_CERTIFICATION',
  'DUPLICATE_KEY',
  // Participants and attendance
  'NOT_A_TEACHER',
  'PERSON_INACTIVE',
  'ALREADY_LEADER',
  'NOT_A_PARTICIPANT',
  'MEETING_NOT_STARTED',
  // Analyses and feedback
  'CONFIRMATION_REQUIRED',
  'REQUIRED_SECTION_EMPTY',
  'UNKNOWN_SECTION',
  'DUPLICATE_SECTION',
  'NOT_PEER_FEEDBACK',
  'QUOTE_MISMATCH',
  // Allocation and review tasks
  'NOT_PEER_ASSIGNMENT',
  'ANALYSIS_NOT_PUBLISHED',
  'REVIEWER_NOT_ELIGIBLE',
  'SELF_REVIEW',
  'DUPLICATE_ASSIGNMENT',
  'TOO_MANY_REVIEWERS',
  'PAIR_KEPT',
  'PAIR_NOT_PROPOSED',
  // Notifications
  'NOT_ASCENDING',
  'BEFORE_LAST_REMINDER',
  'USE_DIGEST_MODE',
  // Input validation: class-validator names the broken constraint. These are the constraints the
  // API's inputs use; an unlisted one reaches a client as INVALID (`fieldProblemCodeOf`).
  'isNotEmpty',
  'isNotBlank',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isDate',
  'isIsoDate',
  'isEnum',
  'isEmail',
  'isUuid',
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'minLength',
  'maxLength',
  'min',
  'max',
  'matches',
  'whitelistValidation',
  'nestedValidation',
  // Accounts, onboarding and staff import
  'NOT_INVITED',
  'NOT_CHOOSABLE',
  'EMAIL_MISSING',
  'EMAIL_INVALID',
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'SLUG_INVALID',
  'SLUG_TAKEN',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'TOO_MANY_ROWS',
  'COLUMNS_MISSING',
  'DUPLICATE_IN_FILE',
  'UNKNOWN_SCHOOL',
  'UNKNOWN_ROLE',
  'ROLE_MISSING',
  // Attachments to analyses (ADR 0024)
  'FILE_TYPE_NOT_ALLOWED',
  'TOO_MANY_FILES',
  // An organisation's school holidays (issue 19)
  'HOLIDAYS_OVERLAP',
  'TOO_MANY_HOLIDAYS',
  // Privacy (ADR 0030)
  'CONFIRMATION_MISMATCH',
  'RETENTION_OUT_OF_RANGE',
  // The feedback coach (ADR 0035)
  'QUALITY_MISSING',
] as const;

export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

export function isFieldProblemCode(value: unknown): value is FieldProblemCode {
  return typeof value === 'string' && (FIELD_PROBLEM_CODES as readonly string[]).includes(value);
}

/** A code as a client may see it: one of the list, else `INVALID` (e.g. a new validation constraint). */
export function fieldProblemCodeOf(value: string): FieldProblemCode {
  return isFieldProblemCode(value) ? value : 'INVALID';
}

/** When each field-problem code is returned, for the schema's enum (integrators read it there). */
export const FIELD_PROBLEM_DESCRIPTIONS: Readonly<Record<FieldProblemCode, string>> = {
  // Input in general
  REQUIRED: 'The field must be filled in.',
  TOO_SHORT: 'The text is shorter than the rule allows.',
  TOO_LONG: 'The text is longer than the rule allows.',
  MARKUP_NOT_ALLOWED: 'The text contains markup (HTML tags); plain text only.',
  INVALID_CHARACTERS: 'The text contains characters that are not allowed (control characters).',
  INVALID_DATE: 'Not a valid date or time.',
  INVALID_CURSOR: 'The page cursor (`after`) is not one the API gave out.',
  NOT_FOUND:
    'The person, meeting, round, school or template version named by id does not exist or may not be seen.',
  INVALID: 'The value is not valid (a rule the API does not name more precisely).',
  // Passwords (the shared rule, ADR 0010)
  [PasswordProblemCode.TooShort]: 'The new password is shorter than 12 characters.',
  [PasswordProblemCode.TooLong]: 'The new password is longer than the rule allows.',
  [PasswordProblemCode.Common]: 'The new password is on the list of common or leaked passwords.',
  [PasswordProblemCode.ContainsPersonal]: "The new password contains the person's name or e-mail address.",
  CURRENT_PASSWORD_WRONG: "changePassword: the current password given is not the person's password.",
  // People, schools, certifications
  EMAIL_TAKEN: 'Another person already has this e-mail address.',
  NAME_TAKEN: 'Another school already has this name.',
  UNIT_CODE_TAKEN: 'Another school already has this unit code.',
  SCHOOL_REQUIRED: 'A school leader role needs the school they lead.',
  SCHOOL_NOT_ALLOWED: 'Only a school leader role names a school.',
  BEFORE_ISSUED_ON: 'A certification cannot be valid until a date before it was issued.',
  ROLE_CLASH:
    'The person already has a role in the cohort that clashes with this one (leader and participant at once).',
  // Single sign-on settings (ADR 0014)
  ISSUER_INVALID: 'The issuer is not an https URL (http only for localhost outside production).',
  ISSUER_DISCOVERY_FAILED:
    "The issuer's `/.well-known/openid-configuration` could not be read or is not for it.",
  CLIENT_SECRET_REQUIRED: 'Turning single sign-on on needs a client secret, and none is stored.',
  DOMAIN_INVALID: 'Not an e-mail domain such as `larkby.se`.',
  DOMAINS_REQUIRED: 'Turning single sign-on on needs at least one allowed e-mail domain.',
  DOMAIN_TAKEN: "Another organisation's single sign-on already has this e-mail domain.",
  REQUIRES_SSO_ENABLED: 'Password sign-in can be turned off only while single sign-on is on.',
  // Cohorts, meetings, rounds, templates
  ENDS_BEFORE_START: 'The cohort period ends before it starts.',
  INVALID_SCHOOL_YEAR: 'The school year is not of the form 2026/27.',
  OUTSIDE_SCHOOL_YEAR: 'The cohort period is outside its school year.',
  OUTSIDE_COHORT_PERIOD: 'The date is outside the cohort period.',
  MEETING_OUTSIDE_PERIOD: 'A meeting of the cohort lies outside the new period.',
  ROUND_OUTSIDE_PERIOD: 'A round of the cohort lies outside the new period.',
  MEETING_ENDS_BEFORE_START: 'The meeting ends before it starts.',
  MEETING_TOO_LONG: 'The meeting is longer than a meeting may be.',
  SUBMISSION_BEFORE_OPENING: 'The submission deadline is before the round opens.',
  FEEDBACK_BEFORE_SUBMISSION: 'The feedback deadline is before the submission deadline.',
  LOCATION_REQUIRED: 'A meeting on site needs a location.',
  VIDEO_URL_REQUIRED: 'A digital meeting needs a video link.',
  VIDEO_URL_NOT_HTTPS: 'The video link must start with https://.',
  NUMBER_TAKEN: 'Another meeting or round of the cohort has this number.',
  ROUND_HAS_ANALYSES: 'Participants have written in the round, so it cannot be removed or change template.',
  TOO_FEW_MEETINGS: 'The cohort has fewer meetings than the course needs before it can open.',
  TOO_FEW_ROUNDS: 'The cohort has fewer analysis rounds than the course needs.',
  COHORT_NAME_TAKEN:
    'Another cohort of the organisation already has this name in the same school year (ignoring case).',
  NO_CERTIFIED_LEADER: 'No course leader of the cohort has a certification covering its period.',
  NOT_A_COURSE_LEADER: 'The person has no COURSE_LEADER role.',
  NO_COVERING_CERTIFICATION: "The leader's certifications do not cover the cohort period.",
  DUPLICATE_KEY: 'Two sections of the template have the same key.',
  // Participants and attendance
  NOT_A_TEACHER: "enrolParticipants: the person has no TEACHER role in the cohort's organisation.",
  PERSON_INACTIVE: "The person's account is switched off.",
  ALREADY_LEADER: 'enrolParticipants: the person leads this cohort and cannot also take part in it.',
  NOT_A_PARTICIPANT: 'The person is not an active participant of the cohort.',
  MEETING_NOT_STARTED: 'Attendance is recorded only for a meeting that has started.',
  // Analyses and feedback
  CONFIRMATION_REQUIRED: 'Publishing needs the confirmation that no pupil can be identified.',
  REQUIRED_SECTION_EMPTY: 'A required section of the analysis is empty.',
  UNKNOWN_SECTION: 'The section key is not one of the template version.',
  DUPLICATE_SECTION: 'The same section is given twice.',
  NOT_PEER_FEEDBACK: "A course leader's note is about a critical friend's feedback only.",
  QUOTE_MISMATCH:
    "A passage comment's quote, context or offsets do not match the text of the section in that published version.",
  // Allocation and review tasks
  NOT_PEER_ASSIGNMENT: 'Only a critical-friend task can be swapped.',
  ANALYSIS_NOT_PUBLISHED: 'Not a published analysis of this round by an active participant.',
  REVIEWER_NOT_ELIGIBLE: 'A critical friend must be an active participant of the same cohort.',
  SELF_REVIEW: 'Nobody reviews their own analysis.',
  DUPLICATE_ASSIGNMENT: 'This person already reviews this analysis.',
  TOO_MANY_REVIEWERS: 'The analysis would get more critical friends than the round asks for (k).',
  PAIR_KEPT: 'The pair is kept from before (under way or set by hand): change it in the assignment list.',
  PAIR_NOT_PROPOSED: 'The allocation no longer proposes this pair (something changed since the preview).',
  // Notifications
  NOT_ASCENDING: 'The reminder days are not in ascending order, each once.',
  BEFORE_LAST_REMINDER: 'The leaders would be told before the last reminder to the reviewer.',
  USE_DIGEST_MODE: 'The daily digest is switched with setDigestMode, not setKind.',

  isNotEmpty: 'Input validation: the field is empty.',
  isNotBlank: 'Input validation: the field is empty or only spaces.',
  isDefined: 'Input validation: the field is missing.',
  isString: 'Input validation: the value is not text.',
  isInt: 'Input validation: the value is not a whole number.',
  isNumber: 'Input validation: the value is not a number.',
  isBoolean: 'Input validation: the value is not true or false.',
  isDate: 'Input validation: the value is not a date and time.',
  isIsoDate: 'Input validation: the value is not a date of the form 2026-08-17.',
  isEnum: 'Input validation: the value is not one of the allowed values.',
  isEmail: 'Input validation: the value is not an e-mail address.',
  isUuid: 'Input validation: the value is not a valid id.',
  isArray: 'Input validation: the value is not a list.',
  arrayMinSize: 'Input validation: the list has too few items.',
  arrayMaxSize: 'Input validation: the list has too many items.',
  arrayUnique: 'Input validation: the list names the same item twice.',
  minLength: 'Input validation: the text is too short.',
  maxLength: 'Input validation: the text is too long.',
  min: 'Input validation: the number is too small.',
  max: 'Input validation: the number is too large.',
  matches: 'Input validation: the text does not have the required form.',
  whitelistValidation: 'Input validation: the input has a field the API does not know.',
  nestedValidation: 'Input validation: a nested value is not an object of the expected shape.',
  // Accounts, onboarding and staff import
  NOT_INVITED: 'The person was never invited, so there is no invitation to send again.',
  NOT_CHOOSABLE: 'This kind of mail cannot be turned off (invitations, password resets and sign-in links).',
  EMAIL_MISSING: 'An e-mail address is needed.',
  EMAIL_INVALID: 'Not an e-mail address such as anna.larsson@skola.se.',
  NAME_MISSING: 'A name is needed.',
  NAME_TOO_LONG: 'The name is longer than allowed.',
  SLUG_INVALID: 'A short name may hold only lower-case letters a–z, digits and hyphens.',
  SLUG_TAKEN: 'Another organisation already has this short name.',
  FILE_EMPTY: 'The file holds no rows.',
  FILE_TOO_LARGE: 'The file is larger than allowed.',
  FILE_UNREADABLE:
    'The file could not be read (as CSV or XLSX for an import, as an image or PDF for an attachment).',
  TOO_MANY_ROWS: 'The file has more rows than one import takes.',
  COLUMNS_MISSING: 'The file lacks a required column (name, e-mail, roles).',
  DUPLICATE_IN_FILE: 'The same e-mail address appears on more than one row of the file.',
  UNKNOWN_SCHOOL: 'No school of the organisation has this name or unit code.',
  UNKNOWN_ROLE: 'Not one of the roles (administrator, course leader, teacher, school leader).',
  ROLE_MISSING: 'The row names no role.',
  // Attachments to analyses (ADR 0024)
  FILE_TYPE_NOT_ALLOWED:
    'An attachment whose content (not its name) is not a JPEG, PNG or WebP image or a PDF.',
  TOO_MANY_FILES: 'The section already has as many attachments as allowed.',
  HOLIDAYS_OVERLAP: 'This holiday overlaps another one of the list.',
  TOO_MANY_HOLIDAYS: 'A school year holds at most 12 holidays.',
  // Privacy (ADR 0030)
  CONFIRMATION_MISMATCH: "erasePerson: the confirmation is not the person's full name as shown.",
  RETENTION_OUT_OF_RANGE:
    'A retention period is outside what the kind of record allows (months, minimum to maximum).',
  QUALITY_MISSING:
    'The feedback lacks a quality the cohort requires; `field` names it (anchored, question, nextStep, aboutLearning).',
};
