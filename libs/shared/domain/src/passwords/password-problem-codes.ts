/**
 * Why a password is refused: the field-problem codes both the API and the web app use. A module of
 * its own, without the list of common passwords, so the list of all field-problem codes (which the
 * web app's start bundle needs) does not bring that list along.
 */
export const PasswordProblemCode = {
  TooShort: 'PASSWORD_TOO_SHORT',
  TooLong: 'PASSWORD_TOO_LONG',
  Common: 'PASSWORD_COMMON',
  ContainsPersonal: 'PASSWORD_CONTAINS_PERSONAL',
} as const;
export type PasswordProblemCode = (typeof PasswordProblemCode)[keyof typeof PasswordProblemCode];
export const PASSWORD_PROBLEM_CODES: readonly PasswordProblemCode[] = Object.values(PasswordProblemCode);
