import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordProblemCode,
  passwordProblems,
} from '@stl/shared/domain';
import type { PasswordContext } from '@stl/shared/domain';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';

/** The API's sentence for each refusal of the password rule (the web app has its own, translated). */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblemCode, string> = {
  PASSWORD_TOO_SHORT: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  PASSWORD_TOO_LONG: `A password can be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  PASSWORD_COMMON: 'That password is on a list of common or leaked passwords; choose another.',
  PASSWORD_CONTAINS_PERSONAL: 'A password may not contain your name or your e-mail address.',
};

/** The rule's refusals of `password` as field problems of `field`; empty when it is acceptable. */
export function passwordFieldProblems(
  field: string,
  password: string,
  context: PasswordContext = {},
): FieldProblem[] {
  return passwordProblems(password, context).map((code) => ({
    field,
    code,
    message: PASSWORD_PROBLEM_MESSAGES[code],
  }));
}

/**
 * Refuses, as BAD_USER_INPUT with one field problem per reason, a new password that breaks the rule
 * (ADR 0010), checked with the person's own e-mail and name. Call it before hashing or writing.
 */
export function assertAcceptablePassword(field: string, password: string, context: PasswordContext): void {
  const problems = passwordFieldProblems(field, password, context);
  if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
}

/**
 * Input validation of a new password: text, and within the rule's length and not on its list. Each
 * refusal is a field problem whose code is the rule's code. Runs before any resolver, so an
 * over-long string is refused before it is hashed. The person's own words are checked by the service
 * (`assertAcceptablePassword`), which knows whose password it is.
 */
export function IsNewPassword() {
  const refuses = (code: PasswordProblemCode) =>
    ValidateBy({
      name: code,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !passwordProblems(value).includes(code),
        defaultMessage: () => PASSWORD_PROBLEM_MESSAGES[code],
      },
    });
  return applyDecorators(
    IsString({ message: 'The password must be text.' }),
    refuses(PasswordProblemCode.TooShort),
    refuses(PasswordProblemCode.TooLong),
    refuses(PasswordProblemCode.Common),
  );
}
