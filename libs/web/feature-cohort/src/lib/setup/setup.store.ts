import { Injectable, computed, inject, signal } from '@angular/core';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupCohort } from '@stl/web/data-access';
import { firstValueFrom } from 'rxjs';

/**
 * The cohort being planned, shared by the setup steps (provided on the setup route), reloaded
 * after every change so the steps and the readiness checklist agree with the API.
 */
@Injectable()
export class SetupStore {
  private readonly api = inject(SetupApi);
  private readonly current = signal<SetupCohort | null>(null);
  private readonly failure = signal<ApiError | null>(null);
  private loadedId: string | null = null;

  readonly cohort = this.current.asReadonly();
  readonly error = this.failure.asReadonly();
  readonly planning = computed(() => this.current()?.status === 'PLANNING');
  /** Meetings in time order. */
  readonly meetings = computed(() =>
    [...(this.current()?.meetings ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  );

  async load(id: string): Promise<void> {
    if (this.loadedId !== id) {
      this.loadedId = id;
      this.current.set(null);
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    if (!this.loadedId) return;
    try {
      this.current.set(await firstValueFrom(this.api.cohort(this.loadedId)));
      this.failure.set(null);
    } catch (e) {
      this.failure.set(toApiError(e));
    }
  }
}
