import { PASSWORD_MIN_LENGTH, passwordLength, passwordProblems } from '@stl/shared/domain';
import type { PasswordContext, PasswordProblemCode } from '@stl/shared/domain';

/**
 * A problem of one field of a password form (changing one's password; choosing one with a mailed
 * link, ADR 0013): its field id and a translation key.
 */
export interface PasswordFormProblem {
  field: 'current-password' | 'new-password';
  key: string;
}

/** Where an API field problem belongs in the form. */
export function passwordFieldIdOf(field: string): PasswordFormProblem['field'] | null {
  if (field === 'currentPassword') return 'current-password';
  if (field === 'newPassword') return 'new-password';
  return null;
}

/** The translation key for one of the rule's codes. */
export function ruleProblemKey(code: PasswordProblemCode): string {
  return `password.problems.${code}`;
}

/** What the new-password hint says while typing: characters so far, and how many are needed. */
export function lengthState(password: string): { length: number; enough: boolean; min: number } {
  const length = passwordLength(password);
  return { length, enough: length >= PASSWORD_MIN_LENGTH, min: PASSWORD_MIN_LENGTH };
}

/**
 * The form's own checks before sending, with the same shared rule as the API (so what passes here
 * passes there, unless the current password is wrong).
 */
export function clientProblems(
  current: string,
  next: string,
  context: PasswordContext,
): PasswordFormProblem[] {
  const problems: PasswordFormProblem[] = [];
  if (!current) problems.push({ field: 'current-password', key: 'password.problems.currentMissing' });
  return [...problems, ...newPasswordProblems(next, context)];
}

/** The shared rule's problems with a new password, for forms that ask for no current one (ADR 0013). */
export function newPasswordProblems(next: string, context: PasswordContext): PasswordFormProblem[] {
  return passwordProblems(next, context).map((code) => ({
    field: 'new-password',
    key: ruleProblemKey(code),
  }));
}

/** An API refusal as form problems: each field problem beside its field, known codes in our words. */
export function apiProblems(
  code: string,
  problems: readonly { field: string; code: string }[],
): PasswordFormProblem[] {
  const out: PasswordFormProblem[] = [];
  for (const p of problems) {
    const field = passwordFieldIdOf(p.field);
    if (!field) continue;
    const key =
      p.code === 'CURRENT_PASSWORD_WRONG'
        ? 'password.problems.CURRENT_PASSWORD_WRONG'
        : p.code.startsWith('PASSWORD_')
          ? `password.problems.${p.code}`
          : 'password.problems.invalid';
    out.push({ field, key });
  }
  if (!out.length && code === 'INVALID_CREDENTIALS')
    out.push({ field: 'current-password', key: 'password.problems.CURRENT_PASSWORD_WRONG' });
  return out;
}
