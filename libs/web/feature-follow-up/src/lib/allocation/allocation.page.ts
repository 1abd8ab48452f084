import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { roundTitleBesideNumber } from '@stl/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi, LOADING, loadable, toApiError } from '@stl/web/data-access';
import type {
  AllocationOutcome,
  AllocationRoundData,
  FollowUpCohort,
  ProgressRow,
} from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { combineLatest, firstValueFrom, switchMap } from 'rxjs';
import type { Override } from './adjust';
import { AllocationAssignmentsComponent } from './allocation-assignments';
import { AllocationContext } from './allocation-context';
import { AllocationPreviewComponent } from './allocation-preview';
import { AllocationToolsComponent } from './allocation-tools';

interface PageData {
  cohort: FollowUpCohort;
  round: AllocationRoundData;
  people: ProgressRow[];
}

/**
 * Critical-friend allocation for one round. Before apply: the proposal, changed by hand and then
 * applied (AllocationPreviewComponent). After apply: the tools (repair, lock, new proposal) and the
 * assignments, each changed on its own (AllocationToolsComponent, AllocationAssignmentsComponent).
 * The page loads the data and holds the proposal; AllocationContext is what the parts share.
 */
@Component({
  selector: 'stl-allocation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    StatusBadgeComponent,
    AllocationPreviewComponent,
    AllocationToolsComponent,
    AllocationAssignmentsComponent,
    ...FORMAT_PIPES,
  ],
  providers: [AllocationContext],
  templateUrl: './allocation.page.html',
  styleUrl: './allocation.page.css',
})
export class AllocationPage {
  private readonly api = inject(FollowUpApi);
  protected readonly ctx = inject(AllocationContext);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly roundId = input.required<string>();

  protected readonly state = toSignal(
    toObservable(
      computed(() => ({ cohortId: this.cohortId(), roundId: this.roundId(), n: this.ctx.reload() })),
    ).pipe(
      switchMap(({ cohortId, roundId }) =>
        loadable(
          combineLatest({
            cohort: this.api.cohort(cohortId),
            round: this.api.round(roundId),
            people: this.api.progress(cohortId, true),
          }),
        ),
      ),
    ),
    { initialValue: LOADING },
  );
  /** The last data shown, kept while a reload runs, so the page does not jump back to "loading". */
  private readonly lastData = signal<PageData | null>(null);
  protected readonly data = computed<PageData | null>(() => {
    const s = this.state();
    return s.status === 'ready' ? s.data : this.lastData();
  });
  /** The round's title beside its number, unless it only repeats the number ("Analys 3"). */
  protected readonly roundTitle = computed(() => {
    const round = this.data()?.round;
    return round ? roundTitleBesideNumber(round.title, round.number) : null;
  });
  protected readonly firstLoad = computed(() => this.state().status === 'loading' && !this.lastData());
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' && !this.lastData() ? s.error.messageKey : '';
  });

  protected readonly applied = computed(() => !!this.data()?.round.allocation);
  protected readonly withdrawnCount = computed(
    () => (this.data()?.people ?? []).filter((p) => p.leftAt).length,
  );

  protected readonly preview = signal<AllocationOutcome | null>(null);
  protected readonly previewLoading = signal(false);
  /** Set when the course leader asked for a new proposal after apply. */
  protected readonly rerun = signal(false);
  protected readonly showPreview = computed(() => !!this.preview() && (!this.applied() || this.rerun()));

  constructor() {
    // Keep the last good data, and show the proposal at once while nothing is applied yet.
    toObservable(this.state).subscribe((s) => {
      if (s.status !== 'ready') return;
      this.lastData.set(s.data);
      if (!s.data.round.allocation && !this.preview() && !this.previewLoading()) void this.loadPreview(null);
    });
    this.ctx.connect(this.data);
  }

  protected async loadPreview(seed: string | null): Promise<void> {
    this.previewLoading.set(true);
    this.ctx.actionError.set(null);
    try {
      const outcome = await firstValueFrom(this.api.previewAllocation(this.roundId(), seed));
      this.preview.set(outcome);
      if (seed) this.ctx.message.set({ key: 'followUp.allocation.newProposalShown' });
    } catch (e) {
      this.ctx.actionError.set(toApiError(e));
    } finally {
      this.previewLoading.set(false);
    }
  }

  protected async startRerun(): Promise<void> {
    this.rerun.set(true);
    this.ctx.message.set(null);
    await this.loadPreview(null);
  }

  protected cancelRerun(): void {
    this.rerun.set(false);
    this.preview.set(null);
  }

  protected anotherProposal(): Promise<void> {
    // Another seed picks among equally good allocations; the rules stay the same.
    return this.loadPreview(`${this.roundId()}-${Date.now().toString(36)}`);
  }

  protected async apply(overrides: Override[]): Promise<void> {
    const outcome = this.preview();
    if (!outcome) return;
    await this.ctx.act(async () => {
      // One request: the preview's seed plus the changes; all or nothing, mails for the final pairs only.
      const result = await firstValueFrom(this.api.applyAllocation(this.roundId(), outcome.seed, overrides));
      this.preview.set(null);
      this.rerun.set(false);
      return {
        key: 'followUp.allocation.appliedDone',
        params: {
          peers: result.created,
          leaders: result.leaderAssignmentsCreated,
          changes: overrides.length,
        },
      };
    });
  }
}
