import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, LOADING, loadable } from '@stl/web/data-access';
import type { AnalysisStatus, CohortDetail, MyProgress } from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
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
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent, StatusBadgeComponent, ...FORMAT_PIPES],
  templateUrl: './cohort-overview.page.html',
  styleUrl: './cohort-overview.page.css',
})
export class CohortOverviewPage {
  private readonly api = inject(CohortApi);
  protected readonly lang = inject(LanguageService).lang;
  /** Route parameter. */
  readonly cohortId = input.required<string>();
  private readonly now = Date.now();

  protected readonly state = toSignal(
    toObservable(this.cohortId).pipe(
      switchMap((id) =>
        loadable(
          this.api
            .overview(id)
            .pipe(
              switchMap(({ cohort }) =>
                cohort.viewerRole === 'PARTICIPANT'
                  ? this.api
                      .myProgress(id)
                      .pipe(map((p): OverviewData => ({ cohort, progress: p.myProgress })))
                  : of<OverviewData>({ cohort, progress: null }),
              ),
            ),
        ),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly data = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.data : null;
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.error.messageKey : '';
  });
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
