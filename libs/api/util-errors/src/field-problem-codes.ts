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
  /** SSO settings: the issuer is not an https URL (http only for localhost outside production). */
  IssuerInvalid: 'ISSUER_INVALID',
  /** SSO settings: the issuer's `/.well-known/openid-configuration` could not be read or is not for it. */
  IssuerDiscoveryFailed: 'ISSUER_DISCOVERY_FAILED',
  /** SSO settings: turning SSO on needs a client secret, and none is stored. */
  ClientSecretRequired: 'CLIENT_SECRET_REQUIRED',
  /** SSO settings: not an e-mail domain such as `larkby.se`. */
  DomainInvalid: 'DOMAIN_INVALID',
  /** SSO settings: turning SSO on needs at least one allowed e-mail domain. */
  DomainsRequired: 'DOMAINS_REQUIRED',
  /** SSO settings: another organisation's single sign-on already has this e-mail domain. */
  DomainTaken: 'DOMAIN_TAKEN',
  /** SSO settings: password sign-in can be turned off only while single sign-on is on. */
  RequiresSsoEnabled: 'REQUIRES_SSO_ENABLED',
} as const;
export type FieldProblemCode = (typeof FieldProblemCode)[keyof typeof FieldProblemCode];
