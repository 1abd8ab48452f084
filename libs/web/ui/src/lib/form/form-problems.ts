import { Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import type { Signal } from '@angular/core';
import type { ErrorSummaryComponent } from '../error-summary/error-summary.component';
import { NO_ERRORS } from './form-errors';
import type { FormErrors } from './form-errors';

/** A form's problems, with the summary focused after each failed submit (GOV.UK pattern). */
export interface FormProblems {
  readonly errors: Signal<FormErrors>;
  readonly summary: Signal<FormErrors['summary']>;
  /** The translation key to show beside the field with this id, or null. */
  of(fieldId: string): string | null;
  /** Shows these problems and moves focus to the summary once it is drawn. */
  fail(errors: FormErrors): void;
  clear(): void;
}

/**
 * The problem state of one form. Call in an injection context, with the form's error summary
 * (a viewChild field), e.g. `problems = formProblems(this.summaryBox)`.
 */
export function formProblems(summaryBox: Signal<ErrorSummaryComponent | undefined>): FormProblems {
  const injector = inject(Injector);
  const errors = signal<FormErrors>(NO_ERRORS);
  return {
    errors: errors.asReadonly(),
    summary: computed(() => errors().summary),
    of: (fieldId) => errors().fields[fieldId] ?? null,
    fail(next) {
      errors.set(next);
      afterNextRender(() => summaryBox()?.focus(), { injector });
    },
    clear: () => errors.set(NO_ERRORS),
  };
}
