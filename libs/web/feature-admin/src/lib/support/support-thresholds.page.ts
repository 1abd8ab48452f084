import { ChangeDetectionStrategy, Component, effect, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SupportApi, apiResource, toApiError } from '@stl/web/data-access';
import type { SupportThresholds } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, LoadDirective, PageHeaderComponent, formProblems } from '@stl/web/ui';
import { formErrorsFrom } from '@stl/web/ui/form-errors';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { formErrorsOf } from '../shared/admin-errors';

type Field = 'behindAfterDays' | 'needsSupportAfterDays' | 'needsSupportRoundsMissed';

/** Each field's id in the form and its allowed range (the API's, ParticipantProgress.supportLevel). */
const FIELDS: Record<Field, { id: string; min: number; max: number }> = {
  behindAfterDays: { id: 'support-behind-days', min: 1, max: 60 },
  needsSupportAfterDays: { id: 'support-needs-days', min: 1, max: 120 },
  needsSupportRoundsMissed: { id: 'support-rounds', min: 1, max: 12 },
};
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** What is wrong with the values before they are sent: field id → sentence key. */
export function supportThresholdProblems(v: Record<Field, number | null>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    const { id, min, max } = FIELDS[name];
    const value = v[name];
    if (value === null || !Number.isInteger(value) || value < min || value > max) {
      problems[id] = `admin.support.problem.${name}`;
    }
  }
  const behind = v.behindAfterDays;
  const needs = v.needsSupportAfterDays;
  if (!Object.keys(problems).length && behind !== null && needs !== null && needs < behind) {
    problems[FIELDS.needsSupportAfterDays.id] = 'admin.support.problem.needsBeforeBehind';
  }
  return problems;
}

/**
 * The organisation's thresholds of the support signal (course rule 8): when a participant shows as
 * behind and when as needing support, on the follow-up, the school leaders' page, the home and the
 * mails alike.
 */
@Component({
  selector: 'stl-admin-support-thresholds-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header [heading]="'admin.support.title' | transloco" [lead]="'admin.support.lead' | transloco">
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>

    @if (saved()) {
      <p class="notice notice--success" role="status" data-testid="saved">
        {{ 'admin.support.saved' | transloco }}
      </p>
    }

    <section class="card section" *stlLoad="state; let t">
      <p data-testid="support-defaults">
        {{ (t.isDefault ? 'admin.support.usingDefaults' : 'admin.support.ownValues') | transloco }}
      </p>
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="problems.summary()" />

        <stl-field
          fieldId="support-behind-days"
          [label]="'admin.support.behindAfterDays' | transloco"
          [hint]="'admin.support.behindAfterDaysHint' | transloco"
          [error]="problems.of('support-behind-days')"
          [required]="true"
        >
          <input stlControl formControlName="behindAfterDays" type="number" min="1" max="60" step="1" />
        </stl-field>

        <stl-field
          fieldId="support-needs-days"
          [label]="'admin.support.needsSupportAfterDays' | transloco"
          [hint]="'admin.support.needsSupportAfterDaysHint' | transloco"
          [error]="problems.of('support-needs-days')"
          [required]="true"
        >
          <input
            stlControl
            formControlName="needsSupportAfterDays"
            type="number"
            min="1"
            max="120"
            step="1"
          />
        </stl-field>

        <stl-field
          fieldId="support-rounds"
          [label]="'admin.support.needsSupportRoundsMissed' | transloco"
          [hint]="'admin.support.needsSupportRoundsMissedHint' | transloco"
          [error]="problems.of('support-rounds')"
          [required]="true"
        >
          <input
            stlControl
            formControlName="needsSupportRoundsMissed"
            type="number"
            min="1"
            max="12"
            step="1"
          />
        </stl-field>

        <p class="field__hint">{{ 'admin.support.attendanceNote' | transloco }}</p>

        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ 'admin.support.save' | transloco }}
        </button>
      </form>
    </section>
  `,
  styleUrls: ['../shared/admin.css'],
})
export class AdminSupportThresholdsPage {
  private readonly api = inject(SupportApi);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';

  protected readonly state = apiResource({ stream: () => this.api.thresholds(this.organisationId) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    behindAfterDays: null as number | null,
    needsSupportAfterDays: null as number | null,
    needsSupportRoundsMissed: null as number | null,
  });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);

  constructor() {
    effect(() => {
      if (this.state.hasValue()) this.fill(this.state.value());
    });
  }

  protected async submit(): Promise<void> {
    this.saved.set(false);
    const v = this.form.getRawValue();
    const problems = supportThresholdProblems(v);
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.save({
          organisationId: this.organisationId,
          behindAfterDays: v.behindAfterDays as number,
          needsSupportAfterDays: v.needsSupportAfterDays as number,
          needsSupportRoundsMissed: v.needsSupportRoundsMissed as number,
        }),
      );
      this.state.set(saved);
      this.problems.clear();
      this.saved.set(true);
    } catch (e) {
      this.problems.fail(
        formErrorsFrom(
          toApiError(e),
          (field) => FIELDS[field as Field]?.id ?? null,
          (p) =>
            p.field === 'needsSupportAfterDays' && p.code === 'INVALID'
              ? 'admin.support.problem.needsBeforeBehind'
              : `admin.support.problem.${FIELDS[p.field as Field] ? p.field : 'behindAfterDays'}`,
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }

  private fill(t: SupportThresholds): void {
    this.form.reset({
      behindAfterDays: t.behindAfterDays,
      needsSupportAfterDays: t.needsSupportAfterDays,
      needsSupportRoundsMissed: t.needsSupportRoundsMissed,
    });
  }
}
