import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReviewerLoadFinding } from '@stl/shared/domain';
import { AllocationContext } from './allocation-context';

const ORDER = { OVER: 0, UNDER: 1, WITHIN: 2 } as const;

/** Rule 4's target as people write it: "2" or "1–2". */
export function targetText(load: Pick<ReviewerLoadFinding, 'min' | 'max'>): string {
  return load.min === load.max ? String(load.min) : `${load.min}–${load.max}`;
}

/**
 * How many analyses each critical friend reads, against rule 4's target (floor to ceiling of the
 * mean): those over or under it first, flagged with an icon and words, not colour alone.
 */
@Component({
  selector: 'stl-allocation-loads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  templateUrl: './allocation-loads.html',
  styleUrl: './allocation.page.css',
  styles: [':host { display: block; }'],
})
export class AllocationLoadsComponent {
  protected readonly ctx = inject(AllocationContext);

  readonly loads = input.required<readonly ReviewerLoadFinding[]>();

  protected readonly target = computed(() => this.loads()[0] ?? null);
  protected readonly off = computed(() => this.loads().filter((l) => l.status !== 'WITHIN').length);
  protected readonly targetText = targetText;

  protected readonly sorted = computed(() =>
    [...this.loads()].sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        b.load - a.load ||
        this.ctx.nameOf(a.reviewerId).localeCompare(this.ctx.nameOf(b.reviewerId), 'sv'),
    ),
  );
}
