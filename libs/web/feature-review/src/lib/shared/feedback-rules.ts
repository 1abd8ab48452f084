/**
 * The three-part, forward-looking feedback (rule 5) as the API checks it, so the form can say what
 * is missing while the reviewer types: each part is trimmed plain text of at least the cohort's
 * minimum length (counted as a reader counts: "å" or an emoji once), at most 5000 characters, and
 * without HTML markup.
 */

export const FEEDBACK_PARTS = ['worksWell', 'questions', 'nextSteps'] as const;
export type FeedbackPart = (typeof FEEDBACK_PARTS)[number];
export type FeedbackTexts = Record<FeedbackPart, string>;

export const MAX_FEEDBACK_PART_LENGTH = 5000;

/** As the API reads markup: `<` followed by a letter, `/`, `!` or `?`; a lone "<" is fine. */
const MARKUP = /<(?:\/|!|\?|[a-z])/i;

export type PartProblem = 'TOO_SHORT' | 'TOO_LONG' | 'MARKUP_NOT_ALLOWED';

export function textLength(text: string): number {
  return [...text.trim()].length;
}

export interface PartCount {
  length: number;
  min: number;
  /** The part is long enough. */
  enough: boolean;
}

/** "12 / 50": where one part stands against the minimum. */
export function partCount(text: string, min: number): PartCount {
  const length = textLength(text);
  const needed = Math.max(1, min);
  return { length, min: needed, enough: length >= needed };
}

/** What the API would refuse in one part, first problem only (one sentence per field). */
export function partProblem(text: string, min: number): PartProblem | null {
  if (MARKUP.test(text)) return 'MARKUP_NOT_ALLOWED';
  const { enough, length } = partCount(text, min);
  if (!enough) return 'TOO_SHORT';
  if (length > MAX_FEEDBACK_PART_LENGTH) return 'TOO_LONG';
  return null;
}

/** Problems per part; empty when the feedback may be sent. */
export function feedbackProblems(
  texts: FeedbackTexts,
  min: number,
): Partial<Record<FeedbackPart, PartProblem>> {
  const out: Partial<Record<FeedbackPart, PartProblem>> = {};
  for (const part of FEEDBACK_PARTS) {
    const problem = partProblem(texts[part], min);
    if (problem) out[part] = problem;
  }
  return out;
}

/** An API field problem (`worksWell`, `input.worksWell`) → the part it is about. */
export function partOfField(field: string): FeedbackPart | null {
  const last = field.split('.').pop() ?? '';
  return (FEEDBACK_PARTS as readonly string[]).includes(last) ? (last as FeedbackPart) : null;
}

/** The API's problem code → ours (unknown codes are shown as a general problem with the part). */
export function asPartProblem(code: string): PartProblem | 'INVALID' {
  return code === 'TOO_SHORT' || code === 'TOO_LONG' || code === 'MARKUP_NOT_ALLOWED' ? code : 'INVALID';
}
