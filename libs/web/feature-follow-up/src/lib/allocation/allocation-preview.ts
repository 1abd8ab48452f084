import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AllocationOutcome, AllocationPair } from '@stl/web/data-access';
import { StatusBadgeComponent } from '@stl/web/ui';
import type { AllocationFinding, AllocationFindingCode } from '@stl/shared/domain';
import {
  candidatesFor,
  checkPlanned,
  exchangeReviewers,
  noticeKey,
  overridesFor,
  plannedPairs,
  reasonKey,
  replaceReviewer,
} from './adjust';
import type { AdjustProblem, AdjustResult, Adjustments, CheckData, Override, PlannedPair } from './adjust';
import { AllocationContext } from './allocation-context';
import { AllocationFindingsComponent } from './allocation-findings';
import { AllocationLoadsComponent, targetText } from './allocation-loads';

/** One row of the grid: an analysis and its critical friends (empty slots up to k). */
interface GridRow {
  analysisId: string;
  authorId: string;
  pairs: PlannedPair<AllocationPair>[];
  /** Slots without a critical friend (the analysis got fewer than k). */
  empty: number[];
}

const FINDING_CODES: readonly AllocationFindingCode[] = [
  'OWN',
  'DUPLICATE',
  'SAME_SCHOOL',
  'REPEAT',
  'RECIPROCAL',
];

/**
 * The proposed critical friends of a round, before apply, as a grid: one row per analysis, one
 * cell per critical friend with the reasons and rule 4's checks (`allocationFindings`, the function
 * the API runs), re-checked on every change; the loads per reviewer under it. A pair is changed by
 * choosing ("Ändra": the list never holds the author nor anyone already on the analysis) or by
 * dragging one critical friend onto another pair (they trade places). Apply sends the proposal's
 * seed with the changes; the page runs it.
 */
@Component({
  selector: 'stl-allocation-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent, AllocationFindingsComponent, AllocationLoadsComponent],
  templateUrl: './allocation-preview.html',
  styleUrl: './allocation.page.css',
  styles: [':host { display: block; }'],
})
export class AllocationPreviewComponent {
  protected readonly ctx = inject(AllocationContext);

  readonly outcome = input.required<AllocationOutcome>();
  /** The course leader asked for a new proposal after apply. */
  readonly rerun = input(false);
  readonly loading = input(false);

  /** Apply the proposal with these changes. */
  readonly applyWith = output<Override[]>();
  readonly another = output<void>();
  readonly keepCurrent = output<void>();

  /** The changes by hand, reset whenever another proposal is shown. */
  protected readonly adjustments = linkedSignal<AllocationOutcome, Adjustments>({
    source: this.outcome,
    computation: () => ({}),
  });
  protected readonly editing = linkedSignal<AllocationOutcome, string | null>({
    source: this.outcome,
    computation: () => null,
  });
  protected readonly choice = signal('');
  protected readonly dragging = signal<string | null>(null);
  protected readonly dropTarget = signal<string | null>(null);
  protected readonly problem = signal<AdjustProblem | null>(null);

  protected readonly planned = computed(() => plannedPairs(this.outcome().pairs, this.adjustments()));
  protected readonly changes = computed(() => this.planned().filter((p) => p.changed));
  /** What the checks need besides the pairs, as the API sent it with the proposal. */
  private readonly checkData = computed<CheckData>(() => {
    const o = this.outcome();
    return {
      analyses: o.analyses,
      reviewers: o.reviewers,
      earlierPairs: o.earlierPairs,
      cohortSameSchool: o.sameSchoolSupport,
    };
  });
  /** Rule 4's checks on the pairs as they are now, run again on every change. */
  protected readonly checked = computed(() => checkPlanned(this.planned(), this.checkData()));
  protected readonly findingsByKey = computed(() => {
    const map = new Map<string, readonly AllocationFinding[]>();
    this.planned().forEach((p, i) => map.set(p.key, this.checked().assignments[i]?.findings ?? []));
    return map;
  });
  protected readonly balanced = computed(() => this.checked().balanced);
  /** How many pairs have each finding, for the summary above the grid. */
  protected readonly findingCounts = computed(() =>
    FINDING_CODES.map((code) => ({
      code,
      count: this.checked().assignments.filter((a) => a.findings.some((f) => f.code === code)).length,
    })).filter((c) => c.count > 0),
  );
  /** Columns of the grid: k, or more should an analysis have more critical friends. */
  protected readonly slots = computed(() => {
    const perAnalysis = new Map<string, number>();
    for (const p of this.planned()) perAnalysis.set(p.analysisId, (perAnalysis.get(p.analysisId) ?? 0) + 1);
    const most = Math.max(this.outcome().k, ...perAnalysis.values());
    return Array.from({ length: most }, (_, i) => i + 1);
  });
  protected readonly rows = computed<GridRow[]>(() => {
    const slots = this.slots().length;
    const byAnalysis = new Map<string, PlannedPair<AllocationPair>[]>();
    for (const p of this.planned())
      byAnalysis.set(p.analysisId, [...(byAnalysis.get(p.analysisId) ?? []), p]);
    const analyses = this.outcome().analyses.length
      ? this.outcome().analyses
      : [...byAnalysis.values()].map((ps) => ({ analysisId: ps[0].analysisId, authorId: ps[0].authorId }));
    return analyses
      .map((a) => {
        const pairs = byAnalysis.get(a.analysisId) ?? [];
        return {
          analysisId: a.analysisId,
          authorId: a.authorId,
          pairs,
          empty: Array.from({ length: Math.max(0, slots - pairs.length) }, (_, i) => pairs.length + i + 1),
        };
      })
      .sort((x, y) => this.ctx.nameOf(x.authorId).localeCompare(this.ctx.nameOf(y.authorId), 'sv'));
  });
  /** Who could take the pair being changed: never the author, nor anyone already on the analysis. */
  protected readonly candidates = computed(() => {
    const key = this.editing();
    if (!key) return [];
    const weight = (c: { findings: readonly unknown[]; balancedAfter: boolean }) =>
      c.findings.length + (c.balancedAfter ? 0 : 1);
    return candidatesFor(this.planned(), key, this.checkData()).sort(
      (a, b) =>
        weight(a) - weight(b) ||
        this.ctx.nameOf(a.reviewerId).localeCompare(this.ctx.nameOf(b.reviewerId), 'sv'),
    );
  });
  /** The candidate chosen in the open form, whose checks are read out as soon as it is chosen. */
  protected readonly chosen = computed(
    () => this.candidates().find((c) => c.reviewerId === this.choice()) ?? null,
  );

  protected readonly reasonKey = reasonKey;
  protected readonly targetText = targetText;
  protected readonly noticeKey = noticeKey;

  protected findingsOf(p: PlannedPair<AllocationPair>): readonly AllocationFinding[] {
    return this.findingsByKey().get(p.key) ?? [];
  }

  protected percent(share: number): number {
    return Math.round(share * 100);
  }

  protected pairId(p: PlannedPair<AllocationPair>): string {
    return `pair-${p.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  }

  protected startEdit(p: PlannedPair<AllocationPair>): void {
    this.editing.set(p.key);
    this.choice.set('');
    this.problem.set(null);
    this.ctx.focusAfterRender(`${this.pairId(p)}-select`);
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
    if (this.take(replaceReviewer(this.outcome().pairs, this.adjustments(), p.key, to))) {
      this.editing.set(null);
      this.ctx.message.set({
        key: 'followUp.allocation.changed',
        params: { author: this.ctx.nameOf(p.authorId), reviewer: this.ctx.nameOf(to) },
      });
    }
  }

  protected undoChange(p: PlannedPair<AllocationPair>): void {
    this.take(replaceReviewer(this.outcome().pairs, this.adjustments(), p.key, p.originalReviewerId));
    this.ctx.message.set({
      key: 'followUp.allocation.undone',
      params: { author: this.ctx.nameOf(p.authorId) },
    });
  }

  protected undoAll(): void {
    this.adjustments.set({});
    this.ctx.message.set({ key: 'followUp.allocation.allUndone' });
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
    if (this.take(exchangeReviewers(this.outcome().pairs, this.adjustments(), from, target.key)) && source) {
      this.ctx.message.set({
        key: 'followUp.allocation.exchanged',
        params: { a: this.ctx.nameOf(source.reviewerId), b: this.ctx.nameOf(target.reviewerId) },
      });
    }
  }

  protected apply(): void {
    this.problem.set(null);
    this.applyWith.emit(overridesFor(this.planned()));
  }
}
