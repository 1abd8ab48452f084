/** A field problem as the API reports it (the shape of data-access's FieldProblem). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * What the forms need of an ApiError. Structural, so this file and its tests need nothing of
 * Angular or the data-access lib.
 */
export interface Refusal {
  code: string;
  problems: readonly FieldProblem[];
  messageKey: string;
}

/** A problem explained in the admin screens' own words, keyed by the API's problem code. */
const DOMAIN_CODES = new Set([
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
  'NOT_A_COURSE_LEADER',
  'NO_COVERING_CERTIFICATION',
  'PERSON_INACTIVE',
  // Passwords (ADR 0010)
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_COMMON',
  'PASSWORD_CONTAINS_PERSONAL',
]);

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

export interface SummaryItem {
  target?: string | null;
  key: string;
  params?: Record<string, unknown>;
}

export interface FormErrors {
  /** Translation key per form field id, shown beside the field. */
  fields: Record<string, string>;
  /** What the error summary lists, each linking to its field when it has one. */
  summary: SummaryItem[];
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: [] };

/**
 * An API refusal as what a form shows: each field problem beside its field (found with `fieldId`,
 * which turns an API field path into a form field id, or null when the form has no such field) and
 * in the summary; the error's own sentence when no problem could be placed. `overrides` gives a
 * screen its own sentence for a code (e.g. CONFLICT on a new school means the name is taken), and
 * `problemKey` its own sentences for problem codes only it meets.
 */
export function formErrorsFrom(
  error: Refusal,
  fieldId: (field: string) => string | null,
  overrides: Partial<Record<string, string>> = {},
  problemKey: (problem: FieldProblem) => string = adminProblemKey,
): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const problem of error.problems) {
    const key = problemKey(problem);
    const id = fieldId(problem.field);
    if (id) fields[id] ??= key;
    if (!summary.some((item) => item.key === key && item.target === (id ?? undefined)))
      summary.push(id ? { target: id, key } : { key });
  }
  if (!summary.length) summary.push({ key: messageKeyOf(error, overrides) });
  return { fields, summary };
}

/** The sentence for a whole refusal, with a screen's own wording for some codes. */
export function messageKeyOf(error: Refusal, overrides: Partial<Record<string, string>> = {}): string {
  return overrides[error.code] ?? error.messageKey;
}

/** Client-side checks as form errors: field id → translation key, in form order. */
export function formErrorsOf(fields: Record<string, string>): FormErrors {
  return {
    fields,
    summary: Object.entries(fields).map(([target, key]) => ({ target, key })),
  };
}
