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
  /** A person, meeting, round or template version named by id that does not exist or may not be seen. */
  NotFound: 'NOT_FOUND',
  /** enrolParticipants: the person's account is switched off. */
  PersonInactive: 'PERSON_INACTIVE',
  /** enrolParticipants: the person has no TEACHER role in the cohort's organisation. */
  NotATeacher: 'NOT_A_TEACHER',
  /** enrolParticipants: the person leads this cohort and cannot also take part in it. */
  AlreadyLeader: 'ALREADY_LEADER',
  /** Round numbers: another round of the cohort (or of the same plan) has this number. */
  NumberTaken: 'NUMBER_TAKEN',
  /** Rounds: participants have written in the round, so it cannot be removed or change template. */
  RoundHasAnalyses: 'ROUND_HAS_ANALYSES',
  /** Text with a NUL character or broken Unicode (a lone surrogate): it cannot be stored. */
  InvalidCharacters: 'INVALID_CHARACTERS',
} as const;
export type FieldProblemCode = (typeof FieldProblemCode)[keyof typeof FieldProblemCode];
