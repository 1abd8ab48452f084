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
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiError } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD } from '@stl/web/ui';
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
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, ...FIELD],
  styleUrl: './setup-form.css',
  template: `
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="summary()" />
    <form class="form-grid" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <stl-field
        fieldId="cohort-name"
        [label]="'setup.settings.name' | transloco"
        [hint]="'setup.settings.nameHint' | transloco"
        [error]="err('name')"
      >
        <input stlControl formControlName="name" type="text" autocomplete="off" />
      </stl-field>
      <stl-field
        fieldId="cohort-school-year"
        [label]="'setup.settings.schoolYear' | transloco"
        [hint]="'setup.settings.schoolYearHint' | transloco"
        [error]="err('schoolYear')"
      >
        <input stlControl formControlName="schoolYear" type="text" inputmode="numeric" />
      </stl-field>
      <div class="form-row">
        <stl-field
          fieldId="cohort-starts-on"
          [label]="'setup.settings.startsOn' | transloco"
          [error]="err('startsOn')"
        >
          <input stlControl formControlName="startsOn" type="date" />
        </stl-field>
        <stl-field
          fieldId="cohort-ends-on"
          [label]="'setup.settings.endsOn' | transloco"
          [error]="err('endsOn')"
        >
          <input stlControl formControlName="endsOn" type="date" />
        </stl-field>
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: '',
    schoolYear: '',
    startsOn: '',
    endsOn: '',
  });
  private readonly localErrors = signal<FieldError[]>([]);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  protected readonly summary = computed(() =>
    summaryItems(this.localErrors(), this.apiError(), (f) => FIELD_IDS[f] ?? null),
  );

  constructor() {
    // The form starts from the cohort's saved settings, and again whenever they are saved.
    effect(() => this.form.reset(this.initial()));
    // A refusal from the API: move focus to the summary, as after a failed check here.
    effect(() => {
      if (this.apiError()) afterRender(this.injector, () => this.summaryBox()?.focus());
    });
  }

  protected err(field: string): string | null {
    return errorOf(this.localErrors(), this.apiError(), field);
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const value: CohortSettings = {
      name: v.name.trim(),
      schoolYear: v.schoolYear.trim(),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
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
