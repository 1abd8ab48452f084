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
import type { AdjustProblem, AdjustResult, Adjustments, Override, PlannedPair } from './adjust';
import { AllocationContext, groupByAnalysis } from './allocation-context';

/**
 * The proposed critical friends of a round, before apply: the pairs with their reasons, changed by
 * hand by choosing ("Ändra") or by dragging one critical friend onto another pair (they trade
 * places). Apply sends the proposal's seed with the changes; the page runs it.
 */
@Component({
  selector: 'stl-allocation-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent],
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
  private readonly reviewers = computed(() => {
    const ids = new Set<string>();
    for (const p of this.outcome().pairs) {
      ids.add(p.authorId);
      ids.add(p.reviewerId);
    }
    return [...ids].filter((id) => !this.ctx.people().get(id)?.left);
  });
  protected readonly balanced = computed(() => isBalanced(reviewerLoads(this.planned(), this.reviewers())));
  protected readonly groups = computed(() => groupByAnalysis(this.planned(), (p) => p.authorId));
  protected readonly candidates = computed(() => {
    const key = this.editing();
    const schoolOf = (id: string) => this.ctx.people().get(id)?.schoolId ?? null;
    return key ? candidatesFor(this.planned(), key, this.reviewers(), schoolOf) : [];
  });
  /** The candidate chosen in the open form, whose warnings are read out as soon as it is chosen. */
  protected readonly chosen = computed(
    () => this.candidates().find((c) => c.reviewerId === this.choice()) ?? null,
  );

  protected readonly reasonKey = reasonKey;
  protected readonly noticeKey = noticeKey;

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
