import { COMMON_PASSWORDS } from './common-passwords';

/**
 * The password rule (NIST SP 800-63B, ADR 0010), the same in the API and the web app: length, a
 * list of common and breached passwords, and the person's own e-mail and name. No composition rules
 * (no "one digit, one capital"), no expiry.
 */

/** Fewest characters (Unicode code points after NFKC normalisation). */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters (Unicode code points after NFKC normalisation). */
export const PASSWORD_MAX_LENGTH = 128;
/**
 * Most UTF-16 code units accepted as typed, checked before anything else touches the string, so no
 * megabyte string is ever normalised or hashed. Every code point is at most two code units, and
 * NFKC rarely changes the count much, so any password the rule can accept fits well inside.
 */
export const PASSWORD_MAX_INPUT_LENGTH = 1024;
/** Personal words shorter than this are ignored (too many ordinary passwords contain "bo" or "li"). */
export const PERSONAL_WORD_MIN_LENGTH = 3;

import { PasswordProblemCode } from './password-problem-codes';

export { PASSWORD_PROBLEM_CODES, PasswordProblemCode } from './password-problem-codes';

/** What is known about the person whose password it is; their words may not be in it. */
export interface PasswordContext {
  email?: string | null;
  fullName?: string | null;
}

/** Built once, when the module is first loaded. */
const COMMON = new Set(COMMON_PASSWORDS);

/** NFKC, as 800-63B 5.1.1.2 advises, so the same password typed on another keyboard is the same. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The length the rule counts: code points after NFKC, so an emoji or "å" counts as one. */
export function passwordLength(password: string): number {
  if (password.length > PASSWORD_MAX_INPUT_LENGTH) return password.length;
  let n = 0;
  for (const _ of normalisePassword(password)) n++;
  return n;
}

/** A form the comparisons use: NFKC and lower case, so "Password" and "PASSWORD" are the same. */
function folded(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The person's own words: the whole e-mail local part and its pieces (split at . _ - +), and each
 * part of the name (split at spaces and hyphens), lower-cased, each at least
 * PERSONAL_WORD_MIN_LENGTH code points. The domain of the e-mail is not counted (it is shared by
 * the whole organisation and says nothing about the person).
 */
export function personalWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    if ([...w].length >= PERSONAL_WORD_MIN_LENGTH) words.add(w);
  };
  const email = folded(context.email ?? '').trim();
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : email;
  add(local);
  for (const piece of local.split(/[._+-]+/)) add(piece);
  for (const piece of folded(context.fullName ?? '').split(/[\s-]+/u)) add(piece);
  return [...words];
}

/** Whether the list of common and breached passwords holds this one (case-insensitively). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(folded(password));
}

/**
 * Every reason the rule refuses `password`, in a stable order; empty when it is acceptable. Without
 * a context the personal words are not checked (the web app checks them where it knows them, the
 * API always does).
 */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblemCode[] {
  if (password.length > PASSWORD_MAX_INPUT_LENGTH) return [PasswordProblemCode.TooLong];
  const length = passwordLength(password);
  const problems: PasswordProblemCode[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push(PasswordProblemCode.TooShort);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PasswordProblemCode.TooLong);
  if (isCommonPassword(password)) problems.push(PasswordProblemCode.Common);
  const lower = folded(password);
  if (personalWords(context).some((w) => lower.includes(w)))
    problems.push(PasswordProblemCode.ContainsPersonal);
  return problems;
}
