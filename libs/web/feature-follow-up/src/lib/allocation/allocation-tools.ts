import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi } from '@stl/web/data-access';
import type { AllocationRoundData } from '@stl/web/data-access';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { AllocationContext } from './allocation-context';

/** After apply: repair the allocation, lock it, or ask for a new proposal. */
@Component({
  selector: 'stl-allocation-tools',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ...FORMAT_PIPES],
  templateUrl: './allocation-tools.html',
  styleUrl: './allocation.page.css',
  styles: [':host { display: block; }'],
})
export class AllocationToolsComponent {
  private readonly api = inject(FollowUpApi);
  protected readonly ctx = inject(AllocationContext);
  protected readonly lang = inject(LanguageService).lang;

  readonly roundId = input.required<string>();
  readonly allocation = input.required<NonNullable<AllocationRoundData['allocation']>>();
  readonly withdrawnCount = input(0);
  readonly previewLoading = input(false);
  /** The course leader asks for a new proposal. */
  readonly rerun = output<void>();

  protected readonly locked = computed(() => !!this.allocation().lockedAt);

  protected async lock(): Promise<void> {
    await this.ctx.act(async () => {
      await firstValueFrom(this.api.lockAllocation(this.roundId()));
      return { key: 'followUp.allocation.lockedDone' };
    });
  }

  protected async repair(): Promise<void> {
    await this.ctx.act(async () => {
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
}
