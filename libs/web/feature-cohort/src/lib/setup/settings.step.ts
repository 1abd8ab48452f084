import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError } from '@stl/web/data-access';
import { firstValueFrom } from 'rxjs';
import { CohortSettingsFormComponent } from './cohort-settings-form.component';
import type { CohortSettings } from './cohort-settings-form.component';
import { LeadersComponent } from './leaders.component';
import { RequiredQualitiesComponent } from './required-qualities.component';
import { SetupStore } from './setup.store';

/** Step 1: the cohort's name, school year and dates, and what its feedback must have (ADR 0035). */
@Component({
  selector: 'stl-setup-settings-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, CohortSettingsFormComponent, LeadersComponent, RequiredQualitiesComponent],
  template: `
    <h2>{{ 'setup.settings.heading' | transloco }}</h2>
    @if (initial(); as init) {
      <stl-cohort-settings-form
        [initial]="init"
        [submitLabel]="'setup.settings.save' | transloco"
        [busy]="busy()"
        [apiError]="error()"
        [saved]="saved()"
        [datesEditable]="store.planning()"
        (save)="save($event)"
      />
      <stl-setup-required-qualities />
    }
    @if (store.cohort()?.viewerRole === 'ADMINISTRATOR') {
      <stl-setup-leaders />
    } @else {
      <h2>{{ 'setup.leaders.heading' | transloco }}</h2>
      <p>{{ store.cohort()?.leaders?.length ? leaderNames() : ('setup.leaders.none' | transloco) }}</p>
      <p class="muted">{{ 'setup.leaders.adminOnly' | transloco }}</p>
    }
  `,
})
export class SettingsStep {
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly saved = signal(false);
  protected readonly initial = computed<CohortSettings | null>(() => {
    const c = this.store.cohort();
    return c ? { name: c.name, schoolYear: c.schoolYear, startsOn: c.startsOn, endsOn: c.endsOn } : null;
  });

  protected readonly leaderNames = computed(() =>
    (this.store.cohort()?.leaders ?? []).map((l) => l.fullName).join(', '),
  );

  protected async save(value: CohortSettings): Promise<void> {
    const c = this.store.cohort();
    if (!c) return;
    this.busy.set(true);
    this.error.set(null);
    this.saved.set(false);
    try {
      const input = this.store.planning() ? value : { name: value.name };
      await firstValueFrom(this.api.updateCohort(c.id, input));
      await this.store.reload();
      this.saved.set(true);
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
