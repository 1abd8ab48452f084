import { isIsoDate, schoolHolidayProblems, schoolYearOf, stockholmDate } from '@stl/shared/domain';
import type { NamedHoliday } from '@stl/shared/domain';
import { formErrorsFrom } from '@stl/web/ui/form-errors';
import type { FieldProblem, FormErrors, Refusal } from '@stl/web/ui/form-errors';

/** One holiday as typed into the form: strings, exactly as written (dates as YYYY-MM-DD). */
export type HolidayRow = NamedHoliday;

/** The fields of a row, in form order. */
export const HOLIDAY_FIELDS = ['name', 'startsOn', 'endsOn'] as const;
export type HolidayField = (typeof HOLIDAY_FIELDS)[number];

/** The problem codes the screen words itself (the API's, from schoolHolidayProblems and its date check). */
const HOLIDAY_CODES = new Set([
  'REQUIRED',
  'TOO_LONG',
  'INVALID_DATE',
  'ENDS_BEFORE_START',
  'OUTSIDE_SCHOOL_YEAR',
  'HOLIDAYS_OVERLAP',
  'TOO_MANY_HOLIDAYS',
]);

/**
 * The school years an administrator sets holidays for: this one (by the Stockholm calendar) and
 * the two after, since cohorts are planned up to a year ahead.
 */
export function schoolYearChoices(now: Date): string[] {
  const current = schoolYearOf(new Date(`${stockholmDate(now)}T12:00:00Z`)).startYear;
  return [0, 1, 2].map((n) => {
    const start = current + n;
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  });
}

/** The form field id of a row's field; rows keep their key while others are added or removed. */
export function holidayFieldId(rowKey: number, field: HolidayField): string {
  return `holiday-${rowKey}-${field}`;
}

/**
 * What is wrong with the rows before they are sent, by the same rules the API applies (shared
 * domain): a date that is not one first, as the API reports those alone; names with them, since
 * they do not depend on the dates.
 */
export function holidayRowProblems(schoolYear: string, rows: readonly HolidayRow[]): FieldProblem[] {
  const dates: FieldProblem[] = rows.flatMap((row, i) =>
    (['startsOn', 'endsOn'] as const)
      .filter((f) => !isIsoDate(row[f]))
      .map((f) => ({ field: `holidays.${i}.${f}`, code: 'INVALID_DATE' })),
  );
  const rules = schoolHolidayProblems(schoolYear, rows).map(({ field, code }) => ({ field, code }));
  return dates.length ? [...dates, ...rules.filter((p) => p.field.endsWith('.name'))] : rules;
}

/**
 * A refusal (the API's, or the browser's own check as one) as what the form shows: each problem
 * beside its row's field, and in the summary with the row's number, so "lov 3" is found at once.
 */
export function holidayFormErrors(
  refusal: Refusal,
  rowKeys: readonly number[],
  schoolYear: string,
): FormErrors {
  const fieldId = (path: string): string | null => {
    const [, index, field] = /^holidays\.(\d+)\.(\w+)$/.exec(path) ?? [];
    const key = rowKeys[Number(index)];
    return key !== undefined && (HOLIDAY_FIELDS as readonly string[]).includes(field)
      ? holidayFieldId(key, field as HolidayField)
      : null;
  };
  const problemKey = (p: FieldProblem) =>
    HOLIDAY_CODES.has(p.code) ? `admin.holidays.problem.${p.code}` : 'problems.INVALID';
  const errors = formErrorsFrom(refusal, fieldId, problemKey);
  return {
    fields: errors.fields,
    summary: errors.summary.map((item) => {
      const key = Number(/^holiday-(\d+)-/.exec(item.target ?? '')?.[1]);
      const index = rowKeys.indexOf(key);
      return { ...item, params: index < 0 ? { year: schoolYear } : { number: index + 1, year: schoolYear } };
    }),
  };
}

/** The browser's own check as a refusal, so it is shown exactly as the API's would be. */
export function localRefusal(problems: readonly FieldProblem[]): Refusal {
  return { code: 'BAD_USER_INPUT', messageKey: 'errors.BAD_USER_INPUT', problems };
}
