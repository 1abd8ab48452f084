import { PasswordProblemCode } from '@stl/shared/domain';

/**
 * Field-problem codes (`extensions.problems[].code`) defined by the API itself, beside the error
 * codes. Like those, a code is never renamed; new ones are added. Input validation adds the names
 * of class-validator's constraints (`maxLength`, `isEmail`…) as codes too.
 *
 * The password codes are those of the shared rule (libs/shared/domain, ADR 0010), so the web app
 * and the API agree on them by construction.
 */
export const FieldProblemCode = {
  PasswordTooShort: PasswordProblemCode.TooShort,
  PasswordTooLong: PasswordProblemCode.TooLong,
  PasswordCommon: PasswordProblemCode.Common,
  PasswordContainsPersonal: PasswordProblemCode.ContainsPersonal,
  /** changePassword: the current password given is not the person's password. */
  CurrentPasswordWrong: 'CURRENT_PASSWORD_WRONG',
} as const;
export type FieldProblemCode = (typeof FieldProblemCode)[keyof typeof FieldProblemCode];
