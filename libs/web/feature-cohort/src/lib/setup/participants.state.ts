import { Injectable, computed, inject, linkedSignal, signal } from '@angular/core';
import { SetupApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupParticipant } from '@stl/web/data-access';
import { firstValueFrom, forkJoin } from 'rxjs';
import { fieldErrorKey } from './form-errors';
import { SetupStore } from './setup.store';

/** What one enrolment call did: the API enrols the whole list or nobody. */
export interface EnrolOutcome {
  enrolled: number;
  already: number;
}

/** A row the API refused, as the reader knows it (CSV row and e-mail, or name), with the reason's key. */
export interface RefusedRow {
  label: string;
  reasonKey: string;
}

/**
 * The participants step's data and writes, shared by its parts (the table, the picker, the CSV
 * import): the cohort's participants, the organisation's teachers and schools, and enrolment as
 * one all-or-nothing call whose outcome or refusal the step shows once.
 */
@Injectable()
export class ParticipantsState {
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);

  /** Loaded once per cohort: the store hands out a new cohort object after every change. */
  private readonly ids = computed(
    () => {
      const c = this.store.cohort();
      return c ? { cohortId: c.id, organisationId: c.organisationId } : undefined;
    },
    { equal: (a, b) => a?.cohortId === b?.cohortId && a?.organisationId === b?.organisationId },
  );
  private readonly data = apiResource({
    params: this.ids,
    stream: ({ cohortId, organisationId }) =>
      forkJoin({
        participants: this.api.participants(cohortId),
        teachers: this.api.teachers(organisationId),
        schools: this.api.schools(organisationId),
      }),
  });
  private readonly loaded = computed(() => (this.data.hasValue() ? this.data.value() : null));
  readonly loadError = computed(() => (this.data.error() as ApiError | undefined) ?? null);
  readonly teachers = computed(() => this.loaded()?.teachers ?? []);
  readonly schools = computed(() => this.loaded()?.schools ?? []);
  /** As loaded, then as changed here (reloaded after each write). */
  readonly participants = linkedSignal<SetupParticipant[]>(() => this.loaded()?.participants ?? []);
  readonly active = computed(() => this.participants().filter((p) => !p.leftAt));
  readonly withdrawn = computed(() => this.participants().filter((p) => p.leftAt));

  readonly busy = signal(false);
  readonly outcome = signal<EnrolOutcome | null>(null);
  readonly enrolError = signal<ApiError | null>(null);
  readonly refused = signal<RefusedRow[]>([]);

  /**
   * Enrols the whole list in one all-or-nothing call; true when it went through. On a refusal,
   * every refused row is listed by `label` (its CSV row and e-mail, else the teacher's name).
   */
  async enrol(ids: string[], label?: (index: number) => string, alreadyInList = 0): Promise<boolean> {
    const cohort = this.store.cohort();
    if (!cohort || !ids.length) return false;
    this.busy.set(true);
    this.enrolError.set(null);
    this.refused.set([]);
    this.outcome.set(null);
    const activeBefore = new Set(this.active().map((p) => p.personId));
    const nameOf = (i: number) =>
      this.teachers().find((t) => t.id === ids[i])?.fullName ??
      this.participants().find((p) => p.personId === ids[i])?.person.fullName ??
      String(i + 1);
    try {
      await firstValueFrom(this.api.enrol(cohort.id, ids));
      const enrolled = ids.filter((id) => !activeBefore.has(id)).length;
      this.outcome.set({ enrolled, already: ids.length - enrolled + alreadyInList });
      return true;
    } catch (e) {
      const error = toApiError(e);
      this.enrolError.set(error);
      this.refused.set(
        error.problems.flatMap((p) => {
          const index = /^personIds\.(\d+)$/.exec(p.field)?.[1];
          return index === undefined
            ? []
            : [{ label: (label ?? nameOf)(Number(index)), reasonKey: fieldErrorKey(p.code) }];
        }),
      );
      return false;
    } finally {
      await this.reloadParticipants().catch(() => undefined);
      this.busy.set(false);
    }
  }

  /** A new preview or list replaces the last outcome. */
  clearOutcome(): void {
    this.outcome.set(null);
  }

  async reloadParticipants(): Promise<void> {
    const c = this.store.cohort();
    if (c) this.participants.set(await firstValueFrom(this.api.participants(c.id)));
  }
}
