import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  input,
  output,
  signal,
  viewChild,
  inject,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiError } from '@stl/web/data-access';
import { ErrorSummaryComponent } from '@stl/web/ui';
import { afterRender, errorOf, summaryItems } from './form-errors';
import type { FieldError } from './form-errors';
import { isIsoDate } from '@stl/shared/domain';

export interface CohortSettings {
  name: string;
  schoolYear: string;
  startsOn: string;
  endsOn: string;
}

const FIELD_IDS: Record<string, string> = {
  name: 'cohort-name',
  schoolYear: 'cohort-school-year',
  startsOn: 'cohort-starts-on',
  endsOn: 'cohort-ends-on',
};

/** What can be checked before asking the API: every field filled in, in the right shape. */
export function settingsProblems(s: CohortSettings): FieldError[] {
  const problems: FieldError[] = [];
  if (!s.name.trim()) problems.push({ field: 'name', code: 'REQUIRED' });
  if (!/^\d{4}\/\d{2}$/.test(s.schoolYear.trim()))
    problems.push({ field: 'schoolYear', code: 'INVALID_SCHOOL_YEAR' });
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (!isIsoDate(s[field])) problems.push({ field, code: 'INVALID_DATE' });
  }
  if (!problems.length && s.endsOn < s.startsOn)
    problems.push({ field: 'endsOn', code: 'ENDS_BEFORE_START' });
  return problems;
}

/** Name, school year and dates of a cohort: for a new cohort and for its settings step. */
@Component({
  selector: 'stl-cohort-settings-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ErrorSummaryComponent],
  styleUrl: './setup-form.css',
  template: `
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="summary()" />
    <form class="form-grid" (submit)="$event.preventDefault(); submit()" novalidate>
      <div class="field" [class.field--invalid]="err('name')">
        <label for="cohort-name">{{ 'setup.settings.name' | transloco }}</label>
        <p class="field__hint" id="cohort-name-hint">{{ 'setup.settings.nameHint' | transloco }}</p>
        @if (err('name'); as e) {
          <p class="field__error" id="cohort-name-error">{{ e | transloco }}</p>
        }
        <input
          id="cohort-name"
          type="text"
          autocomplete="off"
          [value]="name()"
          (input)="name.set(val($event))"
          [attr.aria-invalid]="!!err('name')"
          [attr.aria-describedby]="describe('cohort-name', 'name')"
        />
      </div>
      <div class="field" [class.field--invalid]="err('schoolYear')">
        <label for="cohort-school-year">{{ 'setup.settings.schoolYear' | transloco }}</label>
        <p class="field__hint" id="cohort-school-year-hint">
          {{ 'setup.settings.schoolYearHint' | transloco }}
        </p>
        @if (err('schoolYear'); as e) {
          <p class="field__error" id="cohort-school-year-error">{{ e | transloco }}</p>
        }
        <input
          id="cohort-school-year"
          type="text"
          inputmode="numeric"
          [value]="schoolYear()"
          (input)="schoolYear.set(val($event))"
          [attr.aria-invalid]="!!err('schoolYear')"
          [attr.aria-describedby]="describe('cohort-school-year', 'schoolYear')"
        />
      </div>
      <div class="form-row">
        <div class="field" [class.field--invalid]="err('startsOn')">
          <label for="cohort-starts-on">{{ 'setup.settings.startsOn' | transloco }}</label>
          @if (err('startsOn'); as e) {
            <p class="field__error" id="cohort-starts-on-error">{{ e | transloco }}</p>
          }
          <input
            id="cohort-starts-on"
            type="date"
            [value]="startsOn()"
            (input)="startsOn.set(val($event))"
            [attr.aria-invalid]="!!err('startsOn')"
            [attr.aria-describedby]="err('startsOn') ? 'cohort-starts-on-error' : null"
          />
        </div>
        <div class="field" [class.field--invalid]="err('endsOn')">
          <label for="cohort-ends-on">{{ 'setup.settings.endsOn' | transloco }}</label>
          @if (err('endsOn'); as e) {
            <p class="field__error" id="cohort-ends-on-error">{{ e | transloco }}</p>
          }
          <input
            id="cohort-ends-on"
            type="date"
            [value]="endsOn()"
            (input)="endsOn.set(val($event))"
            [attr.aria-invalid]="!!err('endsOn')"
            [attr.aria-describedby]="err('endsOn') ? 'cohort-ends-on-error' : null"
          />
        </div>
      </div>
      @if (!datesEditable()) {
        <p class="muted">{{ 'setup.settings.datesFixed' | transloco }}</p>
      }
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">{{ submitLabel() }}</button>
        @if (saved()) {
          <p role="status" class="notice notice--success">{{ 'setup.settings.saved' | transloco }}</p>
        }
      </div>
    </form>
  `,
})
export class CohortSettingsFormComponent {
  private readonly injector = inject(Injector);
  readonly initial = input<CohortSettings>({ name: '', schoolYear: '', startsOn: '', endsOn: '' });
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  readonly apiError = input<ApiError | null>(null);
  readonly saved = input(false);
  readonly datesEditable = input(true);
  readonly save = output<CohortSettings>();

  protected readonly name = signal('');
  protected readonly schoolYear = signal('');
  protected readonly startsOn = signal('');
  protected readonly endsOn = signal('');
  private readonly localErrors = signal<FieldError[]>([]);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  protected readonly summary = computed(() =>
    summaryItems(this.localErrors(), this.apiError(), (f) => FIELD_IDS[f] ?? null),
  );

  constructor() {
    effect(() => {
      const s = this.initial();
      this.name.set(s.name);
      this.schoolYear.set(s.schoolYear);
      this.startsOn.set(s.startsOn);
      this.endsOn.set(s.endsOn);
    });
    // A refusal from the API: move focus to the summary, as after a failed check here.
    effect(() => {
      if (this.apiError()) afterRender(this.injector, () => this.summaryBox()?.focus());
    });
  }

  protected err(field: string): string | null {
    return errorOf(this.localErrors(), this.apiError(), field);
  }

  protected describe(id: string, field: string): string {
    return this.err(field) ? `${id}-hint ${id}-error` : `${id}-hint`;
  }

  protected val(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(): void {
    const value: CohortSettings = {
      name: this.name().trim(),
      schoolYear: this.schoolYear().trim(),
      startsOn: this.startsOn(),
      endsOn: this.endsOn(),
    };
    const problems = settingsProblems(value);
    this.localErrors.set(problems);
    if (problems.length) {
      afterRender(this.injector, () => this.summaryBox()?.focus());
      return;
    }
    this.save.emit(value);
  }
}
