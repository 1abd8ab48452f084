import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError } from '@stl/web/data-access';
import { MIN_ANALYSIS_ROUNDS, MIN_MEETINGS } from '@stl/shared/domain';
import { ErrorSummaryComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { ErrorSummaryItem } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { afterRender } from './form-errors';
import { SetupStore } from './setup.store';

/** Where each readiness problem is fixed. */
const STEP_OF: Record<string, string> = {
  TOO_FEW_MEETINGS: 'meetings',
  TOO_FEW_ROUNDS: 'rounds',
  NO_CERTIFIED_LEADER: 'settings',
};

/** Step 5: the readiness checklist (rule 1) and opening the cohort. */
@Component({
  selector: 'stl-setup-open-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ErrorSummaryComponent, StatusBadgeComponent],
  styleUrl: './setup-form.css',
  template: `
    <h2>{{ 'setup.open.heading' | transloco }}</h2>
    @if (store.cohort(); as c) {
      @if (c.status === 'OPEN') {
        <p class="notice notice--success" role="status">
          {{ 'setup.open.isOpen' | transloco: { name: c.name } }}
        </p>
        <p>
          <a [routerLink]="['/cohorts', c.id]">{{
            'setup.shell.backToCohort' | transloco: { name: c.name }
          }}</a>
        </p>
      } @else {
        <p>{{ 'setup.open.lead' | transloco }}</p>
        <stl-error-summary [heading]="'setup.open.notReady' | transloco" [errors]="summary()" />
        <ul class="checklist" data-testid="readiness">
          <li>
            <stl-status-badge [tone]="meetingsOk() ? 'success' : 'warning'">{{
              (meetingsOk() ? 'setup.open.done' : 'setup.open.missing') | transloco
            }}</stl-status-badge>
            <a routerLink="../meetings">{{
              'setup.open.meetings' | transloco: { count: c.meetings.length, min: minMeetings }
            }}</a>
          </li>
          <li>
            <stl-status-badge [tone]="roundsOk() ? 'success' : 'warning'">{{
              (roundsOk() ? 'setup.open.done' : 'setup.open.missing') | transloco
            }}</stl-status-badge>
            <a routerLink="../rounds">{{
              'setup.open.rounds' | transloco: { count: c.rounds.length, min: minRounds }
            }}</a>
          </li>
          <li>
            <stl-status-badge [tone]="leaderOk() ? 'success' : 'warning'">{{
              (leaderOk() ? 'setup.open.done' : 'setup.open.missing') | transloco
            }}</stl-status-badge>
            <span>{{ 'setup.open.leader' | transloco: { names: leaderNames() } }}</span>
          </li>
        </ul>
        <p class="muted">{{ 'setup.open.participantsNote' | transloco }}</p>
        <div class="actions">
          <button type="button" class="button button--primary" (click)="open()" [disabled]="busy()">
            {{ 'setup.open.button' | transloco }}
          </button>
        </div>
        @if (otherError(); as e) {
          <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
        }
        @if (c.status === 'PLANNING') {
          <section class="section" aria-labelledby="delete-draft-heading" data-testid="delete-draft">
            <h3 id="delete-draft-heading">{{ 'setup.open.deleteHeading' | transloco }}</h3>
            <p id="delete-draft-lead">{{ 'setup.open.deleteLead' | transloco }}</p>
            <div class="actions">
              @if (confirmingDelete()) {
                <button
                  type="button"
                  id="confirm-delete-draft"
                  class="button button--danger"
                  aria-describedby="delete-draft-lead"
                  [disabled]="busy()"
                  (click)="deleteDraft()"
                >
                  {{ 'setup.open.confirmDelete' | transloco: { name: c.name } }}
                </button>
                <button type="button" class="button" (click)="confirmingDelete.set(false)">
                  {{ 'setup.open.cancelDelete' | transloco }}
                </button>
              } @else {
                <button type="button" class="button" (click)="askDelete()">
                  {{ 'setup.open.delete' | transloco: { name: c.name } }}
                </button>
              }
            </div>
            @if (deleteError(); as e) {
              <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
            }
          </section>
        }
      }
    }
  `,
})
export class OpenStep {
  private readonly injector = inject(Injector);
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly minMeetings = MIN_MEETINGS;
  protected readonly minRounds = MIN_ANALYSIS_ROUNDS;
  protected readonly busy = signal(false);
  /** The problems named by the last refusal; the checklist itself is live. */
  private readonly refusal = signal<string[]>([]);
  protected readonly otherError = signal<ApiError | null>(null);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly confirmingDelete = signal(false);
  protected readonly deleteError = signal<ApiError | null>(null);

  private readonly problems = computed(() => this.store.cohort()?.openingProblems ?? []);
  protected readonly meetingsOk = computed(() => !this.problems().some((p) => p.code === 'TOO_FEW_MEETINGS'));
  protected readonly roundsOk = computed(() => !this.problems().some((p) => p.code === 'TOO_FEW_ROUNDS'));
  protected readonly leaderOk = computed(
    () => !this.problems().some((p) => p.code === 'NO_CERTIFIED_LEADER'),
  );
  protected readonly leaderNames = computed(
    () => (this.store.cohort()?.leaders ?? []).map((l) => l.fullName).join(', ') || '–',
  );

  /** Every problem of the last refusal as a sentence, with today's counts, linked to its step. */
  protected readonly summary = computed<ErrorSummaryItem[]>(() => {
    const live = this.problems();
    return this.refusal().map((code) => {
      const p = live.find((x) => x.code === code);
      const c = this.store.cohort();
      return {
        key: `setup.open.problems.${code}`,
        params: {
          actual: p?.actual ?? (code === 'TOO_FEW_MEETINGS' ? c?.meetings.length : c?.rounds.length) ?? 0,
          required: p?.required ?? (code === 'TOO_FEW_MEETINGS' ? MIN_MEETINGS : MIN_ANALYSIS_ROUNDS),
          start: c?.startsOn ?? '',
          end: c?.endsOn ?? '',
          step: STEP_OF[code] ?? '',
        },
      };
    });
  });

  protected askDelete(): void {
    this.confirmingDelete.set(true);
    this.deleteError.set(null);
    afterRender(this.injector, () => this.document.getElementById('confirm-delete-draft')?.focus());
  }

  /** Deletes the draft with everything in it and goes back to the list of cohorts. */
  protected async deleteDraft(): Promise<void> {
    const c = this.store.cohort();
    if (!c) return;
    this.busy.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.api.deleteCohort(c.id));
      await this.router.navigate(['/cohorts']);
    } catch (e) {
      this.deleteError.set(toApiError(e));
      await this.store.reload();
    } finally {
      this.busy.set(false);
    }
  }

  protected async open(): Promise<void> {
    const c = this.store.cohort();
    if (!c) return;
    this.busy.set(true);
    this.refusal.set([]);
    this.otherError.set(null);
    try {
      await firstValueFrom(this.api.open(c.id));
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'COHORT_NOT_READY' && error.problems.length) {
        this.refusal.set(error.problems.map((p) => p.code));
        afterRender(this.injector, () => this.summaryBox()?.focus());
      } else {
        this.otherError.set(error);
      }
    } finally {
      await this.store.reload();
      this.busy.set(false);
    }
  }
}
