import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, ReviewApi, SessionStore, apiResource } from '@stl/web/data-access';
import type { CohortSummary } from '@stl/web/data-access';
import { LoadDirective, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { combineLatest, map } from 'rxjs';
import { feedbackFormPath, feedbackOverviewPath, receivedFeedbackPath } from '@stl/web/feature-review';
import { feedbackToRead, nextMeeting, nextRound, roundsToWrite } from './next-steps';

/**
 * A participant's next steps in one cohort: analyses to write, critical-friend feedback to give,
 * feedback received to read and answer, the next meeting.
 */
@Component({
  selector: 'stl-participant-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, StatusBadgeComponent, ...FORMAT_PIPES],
  template: `
    <!-- What is known at once comes first: the to-do below fills in later and must push nothing (CLS). -->
    @if (meeting(); as m) {
      <p>
        <strong>{{ 'home.nextMeeting' | transloco }}</strong>
        {{ m.number }}. {{ m.title }} – {{ m.startsAt | stlDateTime: lang() }} ({{
          m.startsAt | stlWeek: lang()
        }})
      </p>
    }
    <h3>{{ 'home.toDo' | transloco }}</h3>
    <ng-container *stlLoad="state">
      <ul class="todo">
        @for (item of toWrite(); track item.round.id) {
          <li>
            @let key = item.started ? 'home.continueAnalysis' : 'home.writeAnalysis';
            @let label =
              (item.title ? key : key + 'NumberOnly')
                | transloco: { number: item.round.number, title: item.title };
            <a [routerLink]="['/cohorts', cohort().id, 'rounds', item.round.id, 'analysis']">{{ label }}</a>
            <span class="todo__when">
              {{ 'home.dueBy' | transloco: { when: (item.round.submissionDeadline | stlDateTime: lang()) } }}
              ({{ item.round.submissionDeadline | stlWeek: lang() }})
            </span>
            @if (item.overdue) {
              <stl-status-badge tone="danger">{{ 'status.overdue' | transloco }}</stl-status-badge>
            } @else if (item.started) {
              <stl-status-badge tone="info">{{ 'status.DRAFT' | transloco }}</stl-status-badge>
            }
          </li>
        }
        @for (task of tasks(); track task.id) {
          @if (task.analysis; as analysis) {
            <li>
              @let label =
                'home.giveFeedback'
                  | transloco: { author: analysis.author.fullName, number: analysis.round.number };
              <a [routerLink]="formPath(analysis.id)">{{ label }}</a>
              @if (task.dueAt) {
                <span class="todo__when">
                  {{ 'home.dueBy' | transloco: { when: (task.dueAt | stlDateTime: lang()) } }}
                </span>
              }
              @if (task.dueAt && isPast(task.dueAt)) {
                <stl-status-badge tone="danger">{{ 'status.overdue' | transloco }}</stl-status-badge>
              }
            </li>
          }
        }
        @for (item of toRead(); track item.analysisId) {
          <li data-testid="home-feedback-received">
            <a [routerLink]="receivedPath(item.analysisId)">{{
              'review.home.readFeedback' | transloco: { number: item.number, count: item.open }
            }}</a>
          </li>
        }
      </ul>
      <p>
        <a [routerLink]="overviewPath()">{{ 'review.home.toOverview' | transloco }}</a>
      </p>
      @if (!toWrite().length && !tasks().length && !toRead().length) {
        <p>{{ 'home.allDone' | transloco }}</p>
      }
      @if (upcoming(); as round) {
        <p>
          {{
            'home.nextRoundOpens'
              | transloco: { number: round.number, when: (round.opensAt | stlDateTime: lang()) }
          }}
        </p>
      }
      @if (progress(); as p) {
        <p>{{ 'home.publishedCount' | transloco: { count: p.publishedCount, min: p.minPublished } }}</p>
      }
    </ng-container>
  `,
})
export class ParticipantCardComponent {
  private readonly api = inject(CohortApi);
  private readonly reviews = inject(ReviewApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;
  readonly cohort = input.required<CohortSummary>();
  private readonly now = Date.now();

  protected readonly state = apiResource({
    params: () => this.cohort().id,
    stream: (cohortId) =>
      combineLatest([
        this.api.myProgress(cohortId),
        this.api.myOpenReviewTasks(cohortId),
        this.reviews.received(cohortId, this.session.viewer()?.person.id ?? ''),
      ]).pipe(
        map(([p, t, r]) => ({
          progress: p.myProgress,
          tasks: t.myReviewTasks,
          received: feedbackToRead(r.sharedSpace.nodes),
        })),
      ),
  });
  private readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly progress = computed(() => this.data()?.progress ?? null);
  protected readonly tasks = computed(() => this.data()?.tasks ?? []);
  /** My analyses with feedback to read and answer. */
  protected readonly toRead = computed(() => this.data()?.received ?? []);
  protected readonly overviewPath = computed(() => feedbackOverviewPath(this.cohort().id));
  protected readonly toWrite = computed(() => {
    const p = this.progress();
    return p ? roundsToWrite(this.cohort(), p, this.now) : [];
  });
  protected readonly upcoming = computed(() => nextRound(this.cohort(), this.now));
  protected readonly meeting = computed(() => nextMeeting(this.cohort(), this.now));

  protected formPath(analysisId: string): string {
    return feedbackFormPath(this.cohort().id, analysisId);
  }

  protected receivedPath(analysisId: string): string {
    return receivedFeedbackPath(this.cohort().id, analysisId);
  }

  protected isPast(iso: string): boolean {
    return new Date(iso).getTime() < this.now;
  }
}
