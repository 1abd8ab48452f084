import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi, LOADING, loadable, toApiError } from '@stl/web/data-access';
import type {
  AllocationOutcome,
  AllocationPair,
  AllocationRoundData,
  ApiError,
  FollowUpCohort,
  ProgressRow,
  RoundAssignment,
} from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { combineLatest, firstValueFrom, switchMap } from 'rxjs';
import {
  candidatesFor,
  exchangeReviewers,
  isBalanced,
  noticeKey,
  overridesFor,
  plannedPairs,
  reasonKey,
  replaceReviewer,
  reviewerLoads,
} from './adjust';
import type { AdjustProblem, AdjustResult, Adjustments, PlannedPair } from './adjust';

interface PageData {
  cohort: FollowUpCohort;
  round: AllocationRoundData;
  people: ProgressRow[];
}

interface Person {
  name: string;
  schoolId: string | null;
  schoolName: string | null;
  left: boolean;
}

/** A sentence to announce after an action: a translation key and its parameters. */
interface Message {
  key: string;
  params?: Record<string, unknown>;
}

interface AnalysisGroup<T> {
  analysisId: string;
  authorId: string;
  items: T[];
}

function groupByAnalysis<T extends { analysisId: string }>(
  items: readonly T[],
  authorOf: (item: T) => string,
): AnalysisGroup<T>[] {
  const groups = new Map<string, AnalysisGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.analysisId) ?? {
      analysisId: item.analysisId,
      authorId: authorOf(item),
      items: [],
    };
    group.items.push(item);
    groups.set(item.analysisId, group);
  }
  return [...groups.values()];
}

/**
 * Critical-friend allocation for one round. Before apply: the proposal with its reasons, changed
 * by hand by choosing ("Ändra") or by dragging one critical friend onto another pair (they trade
 * places), then applied. After apply: the assignments, with lock, repair, and add / swap / remove.
 */
@Component({
  selector: 'stl-allocation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent, StatusBadgeComponent, ...FORMAT_PIPES],
  templateUrl: './allocation.page.html',
  styleUrl: './allocation.page.css',
})
export class AllocationPage {
  private readonly api = inject(FollowUpApi);
  protected readonly lang = inject(LanguageService).lang;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly roundId = input.required<string>();

  private readonly reload = signal(0);
  protected readonly state = toSignal(
    toObservable(
      computed(() => ({ cohortId: this.cohortId(), roundId: this.roundId(), n: this.reload() })),
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
  protected readonly firstLoad = computed(() => this.state().status === 'loading' && !this.lastData());
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' && !this.lastData() ? s.error.messageKey : '';
  });

  private readonly people = computed(() => {
    const map = new Map<string, Person>();
    const d = this.data();
    for (const p of d?.people ?? []) {
      map.set(p.person.id, {
        name: p.person.fullName,
        schoolId: p.schoolId ?? null,
        schoolName: p.schoolName ?? null,
        left: !!p.leftAt,
      });
    }
    for (const l of d?.cohort.leaders ?? []) {
      if (!map.has(l.id)) map.set(l.id, { name: l.fullName, schoolId: null, schoolName: null, left: false });
    }
    return map;
  });
  protected readonly applied = computed(() => !!this.data()?.round.allocation);
  protected readonly locked = computed(() => !!this.data()?.round.allocation?.lockedAt);
  protected readonly withdrawnCount = computed(
    () => (this.data()?.people ?? []).filter((p) => p.leftAt).length,
  );

  // ---- Preview -------------------------------------------------------------------------------

  protected readonly preview = signal<AllocationOutcome | null>(null);
  protected readonly previewLoading = signal(false);
  protected readonly adjustments = signal<Adjustments>({});
  protected readonly editing = signal<string | null>(null);
  protected readonly choice = signal('');
  protected readonly dragging = signal<string | null>(null);
  protected readonly dropTarget = signal<string | null>(null);
  /** Set when the course leader asked for a new proposal after apply. */
  protected readonly rerun = signal(false);

  protected readonly planned = computed(() => plannedPairs(this.preview()?.pairs ?? [], this.adjustments()));
  protected readonly changes = computed(() => this.planned().filter((p) => p.changed));
  private readonly previewReviewers = computed(() => {
    const ids = new Set<string>();
    for (const p of this.preview()?.pairs ?? []) {
      ids.add(p.authorId);
      ids.add(p.reviewerId);
    }
    return [...ids].filter((id) => !this.people().get(id)?.left);
  });
  protected readonly loads = computed(() => reviewerLoads(this.planned(), this.previewReviewers()));
  protected readonly balanced = computed(() => isBalanced(this.loads()));
  protected readonly previewGroups = computed(() => groupByAnalysis(this.planned(), (p) => p.authorId));
  protected readonly candidates = computed(() => {
    const key = this.editing();
    return key ? candidatesFor(this.planned(), key, this.previewReviewers()) : [];
  });
  protected readonly showPreview = computed(() => !!this.preview() && (!this.applied() || this.rerun()));

  // ---- After apply ---------------------------------------------------------------------------

  protected readonly assignmentGroups = computed(() =>
    groupByAnalysis(
      [...(this.data()?.round.assignments ?? [])].sort((a, b) =>
        a.kind === b.kind ? 0 : a.kind === 'PEER' ? -1 : 1,
      ),
      (a) => a.analysis?.authorId ?? '',
    ).sort((a, b) => this.nameOf(a.authorId).localeCompare(this.nameOf(b.authorId), 'sv')),
  );
  /** Which assignment or analysis has its swap / add form open. */
  protected readonly swapping = signal<string | null>(null);
  protected readonly adding = signal<string | null>(null);

  protected readonly busy = signal(false);
  protected readonly message = signal<Message | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly problem = signal<AdjustProblem | null>(null);

  constructor() {
    // Keep the last good data, and show the proposal at once while nothing is applied yet.
    toObservable(this.state).subscribe((s) => {
      if (s.status !== 'ready') return;
      this.lastData.set(s.data);
      if (!s.data.round.allocation && !this.preview() && !this.previewLoading()) void this.loadPreview(null);
    });
  }

  protected nameOf(personId: string): string {
    return this.people().get(personId)?.name ?? '–';
  }

  protected schoolOf(personId: string): string | null {
    return this.people().get(personId)?.schoolName ?? null;
  }

  protected reasonKey(code: string): string | null {
    return reasonKey(code);
  }

  protected noticeKey(code: string): string | null {
    return noticeKey(code);
  }

  protected percent(share: number): number {
    return Math.round(share * 100);
  }

  protected pairId(p: PlannedPair<AllocationPair>): string {
    return `pair-${p.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  }

  protected async loadPreview(seed: string | null): Promise<void> {
    this.previewLoading.set(true);
    this.actionError.set(null);
    try {
      const outcome = await firstValueFrom(this.api.previewAllocation(this.roundId(), seed));
      this.preview.set(outcome);
      this.adjustments.set({});
      this.editing.set(null);
      if (seed) this.message.set({ key: 'followUp.allocation.newProposalShown' });
    } catch (e) {
      this.actionError.set(toApiError(e));
    } finally {
      this.previewLoading.set(false);
    }
  }

  protected async startRerun(): Promise<void> {
    this.rerun.set(true);
    this.message.set(null);
    await this.loadPreview(null);
  }

  protected cancelRerun(): void {
    this.rerun.set(false);
    this.preview.set(null);
    this.adjustments.set({});
  }

  protected anotherProposal(): Promise<void> {
    // Another seed picks among equally good allocations; the rules stay the same.
    return this.loadPreview(`${this.roundId()}-${Date.now().toString(36)}`);
  }

  protected startEdit(p: PlannedPair<AllocationPair>): void {
    this.editing.set(p.key);
    this.choice.set('');
    this.problem.set(null);
    this.focusAfterRender(`${this.pairId(p)}-select`);
  }

  /** Keyboard and screen-reader users land on the select that just opened. */
  private focusAfterRender(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.problem.set(null);
  }

  protected chooseReviewer(event: Event): void {
    this.choice.set((event.target as HTMLSelectElement).value);
  }

  protected confirmEdit(p: PlannedPair<AllocationPair>): void {
    const to = this.choice();
    if (!to) {
      this.problem.set('UNKNOWN_PAIR');
      return;
    }
    const result = replaceReviewer(this.preview()?.pairs ?? [], this.adjustments(), p.key, to);
    if (this.take(result)) {
      this.editing.set(null);
      this.message.set({
        key: 'followUp.allocation.changed',
        params: { author: this.nameOf(p.authorId), reviewer: this.nameOf(to) },
      });
    }
  }

  protected undoChange(p: PlannedPair<AllocationPair>): void {
    this.take(replaceReviewer(this.preview()?.pairs ?? [], this.adjustments(), p.key, p.originalReviewerId));
    this.message.set({ key: 'followUp.allocation.undone', params: { author: this.nameOf(p.authorId) } });
  }

  protected undoAll(): void {
    this.adjustments.set({});
    this.message.set({ key: 'followUp.allocation.allUndone' });
  }

  private take(result: AdjustResult): boolean {
    if (!result.ok) {
      this.problem.set(result.problem);
      return false;
    }
    this.problem.set(null);
    this.adjustments.set(result.adjustments);
    return true;
  }

  // Native drag and drop: drop one critical friend onto another pair and the two trade places.
  protected dragStart(event: DragEvent, key: string): void {
    this.dragging.set(key);
    event.dataTransfer?.setData('text/plain', key);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  protected dragOver(event: DragEvent, key: string): void {
    if (!this.dragging() || this.dragging() === key) return;
    event.preventDefault();
    this.dropTarget.set(key);
  }

  protected dragLeave(key: string): void {
    if (this.dropTarget() === key) this.dropTarget.set(null);
  }

  protected dragEnd(): void {
    this.dragging.set(null);
    this.dropTarget.set(null);
  }

  protected drop(event: DragEvent, target: PlannedPair<AllocationPair>): void {
    event.preventDefault();
    const from = this.dragging() ?? event.dataTransfer?.getData('text/plain') ?? null;
    this.dragEnd();
    if (!from || from === target.key) return;
    const source = this.planned().find((p) => p.key === from);
    if (
      this.take(exchangeReviewers(this.preview()?.pairs ?? [], this.adjustments(), from, target.key)) &&
      source
    ) {
      this.message.set({
        key: 'followUp.allocation.exchanged',
        params: {
          a: this.nameOf(source.reviewerId),
          b: this.nameOf(target.reviewerId),
        },
      });
    }
  }

  protected async apply(): Promise<void> {
    const outcome = this.preview();
    if (!outcome) return;
    await this.act(async () => {
      // One request: the preview's seed plus the changes; all or nothing, mails for the final pairs only.
      const overrides = overridesFor(this.planned());
      const result = await firstValueFrom(this.api.applyAllocation(this.roundId(), outcome.seed, overrides));
      this.preview.set(null);
      this.adjustments.set({});
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

  protected lock(): Promise<void> {
    return this.act(async () => {
      await firstValueFrom(this.api.lockAllocation(this.roundId()));
      return { key: 'followUp.allocation.lockedDone' };
    });
  }

  protected repair(): Promise<void> {
    return this.act(async () => {
      const r = await firstValueFrom(this.api.repairAllocation(this.roundId()));
      return {
        key: 'followUp.allocation.repairedDone',
        params: {
          created: r.created + r.leaderAssignmentsCreated,
          cancelled: r.cancelled,
          unmet: r.unmet.length,
        },
      };
    });
  }

  protected openSwap(assignmentId: string): void {
    this.swapping.set(assignmentId);
    this.adding.set(null);
    this.choice.set('');
    this.actionError.set(null);
    this.focusAfterRender(`swap-${assignmentId}`);
  }

  protected openAdd(analysisId: string): void {
    this.adding.set(analysisId);
    this.swapping.set(null);
    this.choice.set('');
    this.actionError.set(null);
    this.focusAfterRender(`add-${analysisId}`);
  }

  protected closeForms(): void {
    this.swapping.set(null);
    this.adding.set(null);
  }

  /** Active participants who could review this analysis now (not the author, not already on it). */
  protected eligibleFor(
    group: AnalysisGroup<RoundAssignment>,
  ): { id: string; name: string; school: string | null; sameSchool: boolean }[] {
    const taken = new Set(group.items.map((a) => a.reviewerId));
    const authorSchool = this.people().get(group.authorId)?.schoolId ?? null;
    return (this.data()?.people ?? [])
      .filter((p) => !p.leftAt && p.person.id !== group.authorId && !taken.has(p.person.id))
      .map((p) => ({
        id: p.person.id,
        name: p.person.fullName,
        school: p.schoolName ?? null,
        sameSchool: !!authorSchool && p.schoolId === authorSchool,
      }))
      .sort((a, b) => Number(a.sameSchool) - Number(b.sameSchool) || a.name.localeCompare(b.name, 'sv'));
  }

  protected swap(a: RoundAssignment): Promise<void> {
    const to = this.choice();
    if (!to) return Promise.resolve(this.problem.set('UNKNOWN_PAIR'));
    return this.act(async () => {
      await firstValueFrom(this.api.swapReviewer(a.id, to));
      return {
        key: 'followUp.allocation.swappedDone',
        params: { from: this.nameOf(a.reviewerId), to: this.nameOf(to) },
      };
    });
  }

  protected add(group: AnalysisGroup<RoundAssignment>): Promise<void> {
    const to = this.choice();
    if (!to) return Promise.resolve(this.problem.set('UNKNOWN_PAIR'));
    return this.act(async () => {
      await firstValueFrom(this.api.addReviewer(group.analysisId, to));
      return {
        key: 'followUp.allocation.addedDone',
        params: { reviewer: this.nameOf(to), author: this.nameOf(group.authorId) },
      };
    });
  }

  protected remove(a: RoundAssignment, authorId: string): Promise<void> {
    return this.act(async () => {
      await firstValueFrom(this.api.removeReviewer(a.id));
      return {
        key: 'followUp.allocation.removedDone',
        params: { reviewer: this.nameOf(a.reviewerId), author: this.nameOf(authorId) },
      };
    });
  }

  /** Runs one change; on success reloads and announces it, on failure keeps every choice made. */
  private async act(run: () => Promise<Message>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    this.problem.set(null);
    this.message.set(null);
    try {
      const message = await run();
      this.closeForms();
      this.message.set(message);
      this.reload.update((n) => n + 1);
    } catch (e) {
      this.actionError.set(toApiError(e));
      // Something may have changed before the failure (e.g. apply done, a swap refused).
      this.reload.update((n) => n + 1);
    } finally {
      this.busy.set(false);
    }
  }
}
