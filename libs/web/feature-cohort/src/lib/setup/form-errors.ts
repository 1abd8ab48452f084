import { afterNextRender } from '@angular/core';
import type { Injector } from '@angular/core';
import type { ApiError, ApiFieldProblemCode } from '@stl/web/data-access';
import { problemKey } from '@stl/web/data-access';
import type { ErrorSummaryItem } from '@stl/web/ui';
import type { FieldError } from './field-error';

export type { FieldError } from './field-error';

/**
 * Field problems the setup screens explain in their own words (`setup.problems.<CODE>`): codes of
 * the API's one list (checked by the compiler), and INVALID_TIME, which only the web's own time
 * field reports.
 */
export const SETUP_PROBLEM_CODES = [
  'REQUIRED',
  'INVALID_DATE',
  'INVALID_TIME',
  'ENDS_BEFORE_START',
  'INVALID_SCHOOL_YEAR',
  'OUTSIDE_SCHOOL_YEAR',
  'OUTSIDE_COHORT_PERIOD',
  'MEETING_OUTSIDE_PERIOD',
  'ROUND_OUTSIDE_PERIOD',
  'MEETING_ENDS_BEFORE_START',
  'MEETING_TOO_LONG',
  'SUBMISSION_BEFORE_OPENING',
  'FEEDBACK_BEFORE_SUBMISSION',
  'LOCATION_REQUIRED',
  'VIDEO_URL_REQUIRED',
  'VIDEO_URL_NOT_HTTPS',
  'NUMBER_TAKEN',
  'NO_COVERING_CERTIFICATION',
  'NOT_A_COURSE_LEADER',
  'NOT_A_TEACHER',
  'PERSON_INACTIVE',
  'ALREADY_LEADER',
  'NOT_FOUND',
  'NOT_A_PARTICIPANT',
  'ROUND_HAS_ANALYSES',
  'TOO_FEW_MEETINGS',
  'TOO_FEW_ROUNDS',
  'NO_CERTIFIED_LEADER',
  'COHORT_NAME_TAKEN',
  'TOO_LONG',
] as const satisfies readonly (ApiFieldProblemCode | 'INVALID_TIME')[];

export function fieldErrorKey(code: string): string {
  return (SETUP_PROBLEM_CODES as readonly string[]).includes(code)
    ? `setup.problems.${code}`
    : problemKey({ field: '', code, message: '' });
}

/**
 * The error summary for a form: one linked sentence per field problem (the API's or our own),
 * else the error's general sentence. `ids` maps a field name to the id of its input.
 */
export function summaryItems(
  fieldErrors: readonly FieldError[],
  apiError: ApiError | null,
  ids: (field: string) => string | null,
): ErrorSummaryItem[] {
  const fields: FieldError[] = [...fieldErrors, ...(apiError?.problems ?? [])];
  if (fields.length) {
    return fields.map((p) => ({ target: ids(lastPart(p.field)), key: fieldErrorKey(p.code) }));
  }
  return apiError ? [{ key: apiError.messageKey }] : [];
}

/** `input.startsAt` → `startsAt`: the API sometimes names fields by their path. */
function lastPart(field: string): string {
  return field.split('.').pop() ?? field;
}

/** The first problem of a field, for the message beside it. */
export function errorOf(
  fieldErrors: readonly FieldError[],
  apiError: ApiError | null,
  field: string,
): string | null {
  const p = [...fieldErrors, ...(apiError?.problems ?? [])].find((e) => lastPart(e.field) === field);
  return p ? fieldErrorKey(p.code) : null;
}

/** Runs `fn` once the view has rendered what the last signal change asked for (e.g. to focus it). */
export function afterRender(injector: Injector, fn: () => void): void {
  afterNextRender(fn, { injector });
}
