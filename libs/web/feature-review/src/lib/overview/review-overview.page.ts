import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roundTitleBesideNumber } from '@stl/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReviewApi, SessionStore, apiResource } from '@stl/web/data-access';
import type { AnalysisWithFeedback } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
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
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './review-overview.page.html',
  styleUrl: './review-overview.page.css',
})
export class ReviewOverviewPage {
  private readonly api = inject(ReviewApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly tone = TONE;
  /** A round's title beside its number, or null when it only repeats it ("Analys 3"). */
  protected readonly titleBeside = roundTitleBesideNumber;
  private readonly now = Date.now();

  /** Route parameter. */
  readonly cohortId = input.required<string>();

  protected readonly state = apiResource({ params: this.cohortId, stream: (id) => this.api.tasks(id) });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly isParticipant = computed(() => this.data()?.cohort.viewerRole === 'PARTICIPANT');
  protected readonly rounds = computed(() => tasksByRound(this.data()?.myReviewTasks ?? [], this.now));

  /** Only participants receive feedback and have progress of their own. */
  private readonly receivedRequest = computed(() => {
    const personId = this.session.viewer()?.person.id;
    return this.isParticipant() && personId ? { cohortId: this.cohortId(), personId } : null;
  });
  protected readonly received = apiResource({
    params: () => this.receivedRequest() ?? undefined,
    stream: ({ cohortId, personId }) => this.api.received(cohortId, personId),
  });
  protected readonly receivedData = computed(() => (this.received.hasValue() ? this.received.value() : null));
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
