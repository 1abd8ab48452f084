import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, RequirableQuality } from '@stl/web/data-access';
import { firstValueFrom } from 'rxjs';
import { SetupStore } from './setup.store';

/** The four qualities a course leader may require, in the checklist's order. */
const QUALITIES: readonly { value: RequirableQuality; key: string }[] = [
  { value: 'ANCHORED', key: 'anchored' },
  { value: 'QUESTION', key: 'question' },
  { value: 'NEXT_STEP', key: 'nextStep' },
  { value: 'ABOUT_LEARNING', key: 'aboutLearning' },
];

/**
 * The cohort's required qualities of feedback (issue 15, ADR 0035): none by default, so the
 * feedback coach only advises; each one ticked here must be in every piece of feedback sent in the
 * cohort, the course leaders' own included. Saved through updateCohort, a cohort command.
 */
@Component({
  selector: 'stl-setup-required-qualities',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <form
      class="setup-form"
      (submit)="$event.preventDefault(); save()"
      novalidate
      data-testid="required-qualities"
    >
      <fieldset>
        <legend>
          <h2 class="legend-heading">{{ 'setup.coach.heading' | transloco }}</h2>
        </legend>
        <p class="field__hint" id="required-qualities-hint">{{ 'setup.coach.lead' | transloco }}</p>
        @for (q of qualities; track q.value) {
          <div class="checkbox">
            <input
              type="checkbox"
              [id]="'require-' + q.key"
              [checked]="chosen().includes(q.value)"
              (change)="toggle(q.value, $event)"
              aria-describedby="required-qualities-hint"
            />
            <label [for]="'require-' + q.key">{{ 'setup.coach.' + q.key | transloco }}</label>
          </div>
        }
      </fieldset>
      @if (error(); as e) {
        <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
      }
      <button type="submit" class="button" [disabled]="busy()">{{ 'setup.coach.save' | transloco }}</button>
      <p role="status" class="muted">{{ saved() ? ('setup.coach.saved' | transloco) : '' }}</p>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    .legend-heading {
      margin: 1.5rem 0 0.25rem;
      font-size: 1.25rem;
    }
    .checkbox {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-block: 0.25rem;
    }
  `,
})
export class RequiredQualitiesComponent {
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly qualities = QUALITIES;
  private readonly fromCohort = computed(() => this.store.cohort()?.requiredFeedbackQualities ?? []);
  protected readonly chosen = linkedSignal<RequirableQuality[]>(() => [...this.fromCohort()]);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected toggle(value: RequirableQuality, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.saved.set(false);
    this.chosen.update((list) =>
      on
        ? QUALITIES.map((q) => q.value).filter((v) => v === value || list.includes(v))
        : list.filter((v) => v !== value),
    );
  }

  protected async save(): Promise<void> {
    const c = this.store.cohort();
    if (!c) return;
    this.busy.set(true);
    this.error.set(null);
    this.saved.set(false);
    try {
      await firstValueFrom(this.api.updateCohort(c.id, { requiredFeedbackQualities: this.chosen() }));
      await this.store.reload();
      this.saved.set(true);
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
