/**
 * What a form shows when something must be fixed: a sentence beside each field and a summary at
 * the top linking to the fields. Pure (no Angular), so the mapping is unit-tested.
 */

/** A field problem as the API reports it (the shape of data-access's FieldProblem). */
export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

/** What a form needs of an ApiError. Structural, so the ui lib needs nothing of data-access. */
export interface Refusal {
  code: string;
  problems: readonly FieldProblem[];
  messageKey: string;
}

export interface SummaryItem {
  /** The id of the field the sentence is about; the summary links to it. */
  target?: string | null;
  /** Translation key of the sentence, and its parameters. */
  key: string;
  params?: Record<string, unknown>;
}

export interface FormErrors {
  /** Translation key per form field id, shown beside the field. */
  fields: Readonly<Record<string, string>>;
  /** What the error summary lists, each linking to its field when it has one. */
  summary: readonly SummaryItem[];
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: [] };

/** Checks made in the browser as form errors: field id → translation key, in form order. */
export function formErrorsOf(fields: Record<string, string>): FormErrors {
  return {
    fields,
    summary: Object.entries(fields).map(([target, key]) => ({ target, key })),
  };
}

/**
 * An API refusal as what a form shows: each field problem beside its field and in the summary
 * (`fieldId` turns an API field path into a form field id, or null when the form has no such
 * field; `problemKey` gives the sentence for a problem code in the screen's own words), and the
 * refusal's own sentence when no problem could be placed. `overrides` gives a screen its own
 * sentence for a refusal code (e.g. CONFLICT on a new school means the name is taken).
 */
export function formErrorsFrom(
  error: Refusal,
  fieldId: (field: string) => string | null,
  problemKey: (problem: FieldProblem) => string,
  overrides: Partial<Record<string, string>> = {},
): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const problem of error.problems) {
    const key = problemKey(problem);
    const id = fieldId(problem.field);
    if (id) fields[id] ??= key;
    if (!summary.some((item) => item.key === key && (item.target ?? null) === id))
      summary.push(id ? { target: id, key } : { key });
  }
  if (!summary.length) summary.push({ key: overrides[error.code] ?? error.messageKey });
  return { fields, summary };
}

/** Both at once: the browser's checks first, then what the API said. */
export function mergeFormErrors(a: FormErrors, b: FormErrors): FormErrors {
  return { fields: { ...b.fields, ...a.fields }, summary: [...a.summary, ...b.summary] };
}
