import { formErrorsFrom as formErrorsFromRefusal } from '@stl/web/ui/form-errors';
import type { FieldProblem, FormErrors, Refusal } from '@stl/web/ui/form-errors';
import type { ApiFieldProblemCode } from '@stl/web/data-access';

export { NO_ERRORS, formErrorsOf } from '@stl/web/ui/form-errors';
export type { FieldProblem, FormErrors, Refusal, SummaryItem } from '@stl/web/ui/form-errors';

/**
 * Problems explained in the admin screens' own words, keyed by codes of the API's one list of
 * field-problem codes (the compiler refuses a code that is not on it).
 */
const DOMAIN_CODES = new Set<string>([
  'NAME_TAKEN',
  'UNIT_CODE_TAKEN',
  'EMAIL_TAKEN',
  'BEFORE_ISSUED_ON',
  'SCHOOL_REQUIRED',
  'SCHOOL_NOT_ALLOWED',
  'DUPLICATE_KEY',
  'ENDS_BEFORE_START',
  'INVALID_SCHOOL_YEAR',
  'OUTSIDE_SCHOOL_YEAR',
  'COHORT_NAME_TAKEN',
  'NOT_A_COURSE_LEADER',
  'NO_COVERING_CERTIFICATION',
  'PERSON_INACTIVE',
  // Passwords (ADR 0010)
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_COMMON',
  'PASSWORD_CONTAINS_PERSONAL',
] satisfies ApiFieldProblemCode[]);

/** The last part of a problem's field path: `sections.2.key` → `key`. */
function leafOf(field: string): string {
  const parts = field.split('.');
  return parts[parts.length - 1] ?? field;
}

/**
 * The translation key for one field problem. Domain codes have their own sentence; the input
 * validation codes (class-validator's constraint names) get one sentence per kind of mistake,
 * worded for the field where that matters. Anything else falls back to a general sentence.
 */
export function adminProblemKey(problem: FieldProblem): string {
  if (DOMAIN_CODES.has(problem.code)) return `admin.problems.${problem.code}`;
  const leaf = leafOf(problem.field);
  switch (problem.code) {
    case 'isNotBlank':
    case 'isNotEmpty':
      return 'admin.problems.required';
    case 'maxLength':
      return 'admin.problems.tooLong';
    case 'minLength':
      return leaf === 'password' ? 'admin.problems.passwordTooShort' : 'problems.INVALID';
    case 'isEmail':
      return 'admin.problems.email';
    case 'isIsoDate':
      return 'admin.problems.date';
    case 'matches':
      if (leaf === 'unitCode') return 'admin.problems.unitCode';
      if (leaf === 'key') return 'admin.problems.sectionKey';
      return 'problems.INVALID';
    case 'arrayMinSize':
      return leaf === 'roles' ? 'admin.problems.roleRequired' : 'admin.problems.sectionRequired';
    default:
      return 'problems.INVALID';
  }
}

/**
 * An API refusal as what an admin form shows (see formErrorsFrom in @stl/web/ui), with the
 * admin screens' own sentences for field problems.
 */
export function formErrorsFrom(
  error: Refusal,
  fieldId: (field: string) => string | null,
  overrides: Partial<Record<string, string>> = {},
): FormErrors {
  return formErrorsFromRefusal(error, fieldId, adminProblemKey, overrides);
}

/** The sentence for a whole refusal, with a screen's own wording for some codes. */
export function messageKeyOf(error: Refusal, overrides: Partial<Record<string, string>> = {}): string {
  return overrides[error.code] ?? error.messageKey;
}
