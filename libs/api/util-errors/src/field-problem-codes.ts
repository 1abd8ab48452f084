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
  /** Text with a NUL character or broken Unicode (a lone surrogate): it cannot be stored. */
  InvalidCharacters: 'INVALID_CHARACTERS',
} as const satisfies Record<string, SharedFieldProblemCode>;
export type FieldProblemCode = SharedFieldProblemCode;
