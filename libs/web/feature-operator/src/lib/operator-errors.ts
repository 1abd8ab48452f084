import { formErrorsFrom as formErrorsFromRefusal } from '@stl/web/ui/form-errors';
import type { FieldProblem, FormErrors, Refusal } from '@stl/web/ui/form-errors';

/** Problem codes the operator pages word themselves (the API's onboarding codes, ADR 0015). */
const CODES = new Set([
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'SLUG_INVALID',
  'SLUG_TAKEN',
  'EMAIL_MISSING',
  'EMAIL_INVALID',
  'EMAIL_TAKEN',
]);

export function operatorProblemKey(problem: FieldProblem): string {
  return CODES.has(problem.code) ? `operator.problems.${problem.code}` : 'problems.INVALID';
}

/** An API refusal as what an operator form shows, fields mapped to their element ids. */
export function operatorFormErrors(error: Refusal, ids: Record<string, string>): FormErrors {
  return formErrorsFromRefusal(error, (field) => ids[field] ?? null, operatorProblemKey);
}
