import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, apiResource } from '@stl/web/data-access';
import type { AnalysisStatus, CohortDetail, MyProgress } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { map, of, switchMap } from 'rxjs';

type MyRoundStatus = AnalysisStatus | 'NOT_STARTED';

interface OverviewData {
  cohort: CohortDetail;
  /** Participants only: their own status per round. */
  progress: MyProgress | null;
}

/**
 * One cohort as its people see it: the meetings and the analysis rounds, with what the viewer can
 * do in each (a participant writes; a leader reads what was published). School leaders see the
 * plan but no link to the analyses themselves.
 */
@Component({
  selector: 'stl-cohort-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './cohort-overview.page.html',
  styleUrl: './cohort-overview.page.css',
})
export class CohortOverviewPage {
  private readonly api = inject(CohortApi);
  protected readonly lang = inject(LanguageService).lang;
  /** Route parameter. */
  readonly cohortId = input.required<string>();
  private readonly now = Date.now();

  protected readonly state = apiResource({
    params: this.cohortId,
    stream: (id) =>
      this.api
        .overview(id)
        .pipe(
          switchMap(({ cohort }) =>
            cohort.viewerRole === 'PARTICIPANT'
              ? this.api.myProgress(id).pipe(map((p): OverviewData => ({ cohort, progress: p.myProgress })))
              : of<OverviewData>({ cohort, progress: null }),
          ),
        ),
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly canReadAnalyses = computed(() => {
    const role = this.data()?.cohort.viewerRole;
    return role === 'PARTICIPANT' || role === 'LEADER' || role === 'ADMINISTRATOR';
  });
  private readonly myStatus = computed(
    () => new Map(this.data()?.progress?.rounds.map((r) => [r.roundId, r.analysisStatus]) ?? []),
  );

  protected statusOf(roundId: string): MyRoundStatus {
    return this.myStatus().get(roundId) ?? 'NOT_STARTED';
  }

  protected toneOf(status: MyRoundStatus): BadgeTone {
    return status === 'PUBLISHED' ? 'success' : status === 'DRAFT' ? 'info' : 'neutral';
  }

  protected isOpen(opensAt: string): boolean {
    return new Date(opensAt).getTime() <= this.now;
  }

  protected isPast(endsAt: string): boolean {
    return new Date(endsAt).getTime() < this.now;
  }
}
