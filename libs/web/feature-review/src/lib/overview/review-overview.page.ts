import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOADING, ReviewApi, SessionStore, loadable } from '@stl/web/data-access';
import type { AnalysisWithFeedback, Loadable, FeedbackReceivedData } from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { of, switchMap } from 'rxjs';
import { feedbackFormPath, receivedFeedbackPath } from '../review.paths';
import { missingLines, progressLines } from './progress-summary';
import { tasksByRound } from './tasks';
import type { TaskState } from './tasks';

const TONE: Record<TaskState, BadgeTone> = { done: 'success', overdue: 'danger', open: 'warning' };

/**
 * A participant's feedback at a glance: critical-friend tasks per round (whose analysis, by when,
 * done or overdue), the feedback received on each of their analyses, and what is left to complete
 * the course. A course leader sees their leader tasks here too.
 */
@Component({
  selector: 'stl-review-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent, StatusBadgeComponent, ...FORMAT_PIPES],
  templateUrl: './review-overview.page.html',
  styleUrl: './review-overview.page.css',
})
export class ReviewOverviewPage {
  private readonly api = inject(ReviewApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly tone = TONE;
  private readonly now = Date.now();

  /** Route parameter. */
  readonly cohortId = input.required<string>();

  protected readonly state = toSignal(
    toObservable(this.cohortId).pipe(switchMap((id) => loadable(this.api.tasks(id)))),
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
  protected readonly isParticipant = computed(() => this.data()?.cohort.viewerRole === 'PARTICIPANT');
  protected readonly rounds = computed(() => tasksByRound(this.data()?.myReviewTasks ?? [], this.now));

  /** Only participants receive feedback and have progress of their own. */
  private readonly receivedRequest = computed(() => {
    const personId = this.session.viewer()?.person.id;
    return this.isParticipant() && personId ? { cohortId: this.cohortId(), personId } : null;
  });
  protected readonly received = toSignal(
    toObservable(this.receivedRequest).pipe(
      switchMap((r) =>
        r ? loadable(this.api.received(r.cohortId, r.personId)) : of<Loadable<FeedbackReceivedData>>(LOADING),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly receivedData = computed(() => {
    const s = this.received();
    return s.status === 'ready' ? s.data : null;
  });
  protected readonly receivedErrorKey = computed(() => {
    const s = this.received();
    return s.status === 'error' ? s.error.messageKey : '';
  });
  protected readonly myAnalyses = computed(() =>
    [...(this.receivedData()?.sharedSpace.nodes ?? [])].sort((a, b) => a.round.number - b.round.number),
  );
  protected readonly progressLines = computed(() => {
    const p = this.receivedData()?.myProgress;
    return p ? progressLines(p) : [];
  });
  protected readonly missingLines = computed(() => {
    const p = this.receivedData()?.myProgress;
    return p ? missingLines(p) : [];
  });

  protected formPath(analysisId: string): string {
    return feedbackFormPath(this.cohortId(), analysisId);
  }

  protected receivedPath(analysisId: string): string {
    return receivedFeedbackPath(this.cohortId(), analysisId);
  }

  protected counts(a: AnalysisWithFeedback): { leader: number; peer: number; helpful: number } {
    return {
      leader: a.feedback.filter((f) => f.kind === 'LEADER').length,
      peer: a.feedback.filter((f) => f.kind === 'PEER').length,
      helpful: a.feedback.filter((f) => f.helpful).length,
    };
  }
}
