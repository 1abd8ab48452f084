import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi } from '@stl/web/data-access';
import type { AllocationRoundData, RoundAssignment } from '@stl/web/data-access';
import { StatusBadgeComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { reasonKey } from './adjust';
import type { AdjustProblem } from './adjust';
import { AllocationContext, groupByAnalysis } from './allocation-context';
import type { AnalysisGroup, Message } from './allocation-context';

/** After apply: the assignments per analysis, each changed on its own (swap, add, remove). */
@Component({
  selector: 'stl-allocation-assignments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent],
  templateUrl: './allocation-assignments.html',
  styleUrl: './allocation.page.css',
  styles: [':host { display: block; }'],
})
export class AllocationAssignmentsComponent {
  private readonly api = inject(FollowUpApi);
  protected readonly ctx = inject(AllocationContext);

  readonly round = input.required<AllocationRoundData>();

  protected readonly groups = computed(() =>
    groupByAnalysis(
      [...this.round().assignments].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'PEER' ? -1 : 1)),
      (a) => a.analysis?.authorId ?? '',
    ).sort((a, b) => this.ctx.nameOf(a.authorId).localeCompare(this.ctx.nameOf(b.authorId), 'sv')),
  );
  /** Which assignment or analysis has its swap / add form open. */
  protected readonly swapping = signal<string | null>(null);
  protected readonly adding = signal<string | null>(null);
  protected readonly choice = signal('');
  protected readonly problem = signal<AdjustProblem | null>(null);

  protected readonly reasonKey = reasonKey;

  protected openSwap(assignmentId: string): void {
    this.swapping.set(assignmentId);
    this.adding.set(null);
    this.choice.set('');
    this.ctx.actionError.set(null);
    this.ctx.focusAfterRender(`swap-${assignmentId}`);
  }

  protected openAdd(analysisId: string): void {
    this.adding.set(analysisId);
    this.swapping.set(null);
    this.choice.set('');
    this.ctx.actionError.set(null);
    this.ctx.focusAfterRender(`add-${analysisId}`);
  }

  protected closeForms(): void {
    this.swapping.set(null);
    this.adding.set(null);
  }

  protected chooseReviewer(event: Event): void {
    this.choice.set((event.target as HTMLSelectElement).value);
  }

  /** Active participants who could review this analysis now (not the author, not already on it). */
  protected eligibleFor(
    group: AnalysisGroup<RoundAssignment>,
  ): { id: string; name: string; school: string | null; sameSchool: boolean }[] {
    const taken = new Set(group.items.map((a) => a.reviewerId));
    const authorSchool = this.ctx.people().get(group.authorId)?.schoolId ?? null;
    return this.ctx
      .participants()
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
        params: { from: this.ctx.nameOf(a.reviewerId), to: this.ctx.nameOf(to) },
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
        params: { reviewer: this.ctx.nameOf(to), author: this.ctx.nameOf(group.authorId) },
      };
    });
  }

  protected remove(a: RoundAssignment, authorId: string): Promise<void> {
    return this.act(async () => {
      await firstValueFrom(this.api.removeReviewer(a.id));
      return {
        key: 'followUp.allocation.removedDone',
        params: { reviewer: this.ctx.nameOf(a.reviewerId), author: this.ctx.nameOf(authorId) },
      };
    });
  }

  private async act(run: () => Promise<Message>): Promise<void> {
    this.problem.set(null);
    if (await this.ctx.act(run)) this.closeForms();
  }
}
