import type { FieldProblem } from '@stl/api/util-errors';

/** Upper bound for every free-text part of feedback and for comments. */
export const MAX_FEEDBACK_PART_LENGTH = 5000;

/**
 * The start of an HTML tag, comment or declaration as a browser reads it: `<` directly followed by a
 * letter, `/`, `!` or `?` (`<script`, `</p`, `<!--`). A lone "less than" (`x < y`, `3<4`) is fine.
 */
const MARKUP = /<(?:\/|!|\?|[a-z])/i;
/** Control characters other than tab and line breaks (NUL cannot even be stored in PostgreSQL text). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Length as a reader counts it: code points, so "å" or an emoji counts once. */
export function textLength(s: string): number {
  return [...s].length;
}

/**
 * Feedback and comments are plain text, never HTML: text that contains markup (e.g. `<script>`) or
 * control characters is refused rather than silently altered, so what the author wrote is exactly
 * what readers see. Returns the problems for one field (empty when fine).
 */
export function plainTextProblems(
  field: string,
  label: string,
  value: string,
  min: number,
  max = MAX_FEEDBACK_PART_LENGTH,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const length = textLength(value);
  if (length < min) {
    problems.push({
      field,
      code: 'TOO_SHORT',
      message:
        min <= 1
          ? `${label} must not be empty.`
          : `${label} needs at least ${min} characters; it has ${length}.`,
    });
  }
  if (length > max) {
    problems.push({ field, code: 'TOO_LONG', message: `${label} may be at most ${max} characters.` });
  }
  if (MARKUP.test(value)) {
    problems.push({
      field,
      code: 'MARKUP_NOT_ALLOWED',
      message: `${label} is plain text: remove the HTML tags.`,
    });
  }
  if (CONTROL.test(value)) {
    problems.push({
      field,
      code: 'INVALID_CHARACTERS',
      message: `${label} contains control characters that cannot be stored.`,
    });
  }
  return problems;
}
