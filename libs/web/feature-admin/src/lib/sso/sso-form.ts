import { adminProblemKey } from '../shared/admin-errors';
import type { FieldProblem } from '../shared/admin-errors';

/** The API's input fields → the form's field ids. */
export const SSO_FIELD_IDS: Record<string, string> = {
  issuer: 'sso-issuer',
  clientId: 'sso-client-id',
  clientSecret: 'sso-client-secret',
  allowedDomains: 'sso-domains',
  displayName: 'sso-display-name',
  enabled: 'sso-enabled',
  passwordSignInDisabled: 'sso-password-off',
};

/** Problem codes only the SSO settings meet (libs/api/util-errors, FieldProblemCode). */
const SSO_PROBLEMS = new Set([
  'ISSUER_INVALID',
  'ISSUER_DISCOVERY_FAILED',
  'CLIENT_SECRET_REQUIRED',
  'DOMAIN_INVALID',
  'DOMAINS_REQUIRED',
  'DOMAIN_TAKEN',
  'REQUIRES_SSO_ENABLED',
]);

export function ssoProblemKey(problem: FieldProblem): string {
  return SSO_PROBLEMS.has(problem.code) ? `sso.admin.problems.${problem.code}` : adminProblemKey(problem);
}

/** The domains typed one per line (or separated by commas or spaces), trimmed, without blanks. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** The checks the form makes before asking the API: field id → translation key. */
export function ssoFormProblems(form: {
  issuer: string;
  clientId: string;
  displayName: string;
}): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.issuer.trim()) problems[SSO_FIELD_IDS['issuer']] = 'sso.admin.problems.issuerMissing';
  if (!form.clientId.trim()) problems[SSO_FIELD_IDS['clientId']] = 'sso.admin.problems.clientIdMissing';
  if (!form.displayName.trim())
    problems[SSO_FIELD_IDS['displayName']] = 'sso.admin.problems.displayNameMissing';
  return problems;
}
