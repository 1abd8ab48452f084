import { PasswordProblemCode } from '@stl/shared/domain';
import type { FieldProblemCode as SharedFieldProblemCode } from '@stl/shared/domain';

/**
 * Readable names for some field-problem codes (`extensions.problems[].code`). The closed list,
 * with a description of each code, lives in libs/shared/domain (`FIELD_PROBLEM_CODES`, ADR 0016);
 * `FieldProblem.code` is typed by it, so a service cannot invent a code that is not listed.
 */
export const FieldProblemCode = {
  PasswordTooShort: PasswordProblemCode.TooShort,
  PasswordTooLong: PasswordProblemCode.TooLong,
  PasswordCommon: PasswordProblemCode.Common,
  PasswordContainsPersonal: PasswordProblemCode.ContainsPersonal,
  CurrentPasswordWrong: 'CURRENT_PASSWORD_WRONG',
  NotFound: 'NOT_FOUND',
  PersonInactive: 'PERSON_INACTIVE',
  NotATeacher: 'NOT_A_TEACHER',
  AlreadyLeader: 'ALREADY_LEADER',
  NumberTaken: 'NUMBER_TAKEN',
  RoundHasAnalyses: 'ROUND_HAS_ANALYSES',
} as const satisfies Record<string, SharedFieldProblemCode>;
export type FieldProblemCode = SharedFieldProblemCode;
