/**
 * Field problems as the web app shows them. A module apart from `api-error.ts`: the start bundle
 * needs the error codes (every request may fail) but not the long list of field-problem codes,
 * which only forms use; esbuild places a whole module in the start chunk when the start reaches it.
 */
import {
  FIELD_PROBLEM_CODES as SHARED_FIELD_PROBLEM_CODES,
  isFieldProblemCode,
} from '@stl/shared/domain/errors';
import type { FieldProblemCode } from '../../generated/graphql';
import type { FieldProblem } from './api-error';

/** The field-problem codes (`extensions.problems[].code`), as the API's enum: each has a sentence. */
export type ApiFieldProblemCode = FieldProblemCode;
export const FIELD_PROBLEM_CODES: readonly ApiFieldProblemCode[] = SHARED_FIELD_PROBLEM_CODES;

/**
 * The translation key for one field problem: every listed code has its own sentence; anything else
 * (a code newer than this build) gets a general one about the field, so a reader never sees a code.
 */
export function problemKey(problem: FieldProblem): string {
  return isFieldProblemCode(problem.code) ? `problems.${problem.code}` : 'problems.INVALID';
}
