import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOADING, ReviewApi, SessionStore, loadable } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { switchMap } from 'rxjs';
import { feedbackOverviewPath } from '../review.paths';
import { FeedbackCardComponent } from '../shared/feedback-card.component';

/**
 * The feedback on one of my analyses, from critical friends and course leaders: I reply, and mark
 * what helped me (or take it back). Others who may read it see the same pieces without actions.
 */
@Component({
  selector: 'stl-received-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent, FeedbackCardComponent, ...FORMAT_PIPES],
  template: `
    @switch (state().status) {
      @case ('loading') {
        <p>{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <stl-page-header [heading]="'review.received.title' | transloco" />
        <p class="error-text" role="alert">{{ errorKey() | transloco }}</p>
        <p>
          <a [routerLink]="overviewPath()">{{ 'review.backToOverview' | transloco }}</a>
        </p>
      }
      @case ('ready') {
        @if (analysis(); as a) {
          <stl-page-header
            [heading]="
              'review.received.heading' | transloco: { number: a.round.number, title: a.round.title }
            "
            [lead]="'review.received.lead' | transloco: { version: a.publishedVersion }"
          >
            <a stlBeforeHeading [routerLink]="overviewPath()" class="back-link">{{
              'review.backToOverview' | transloco
            }}</a>
            <p>
              <a [routerLink]="['/cohorts', cohortId(), 'analyses', a.id]">{{
                'review.received.readAnalysis' | transloco
              }}</a>
            </p>
          </stl-page-header>
          @if (isMine()) {
            <p class="muted">{{ 'review.received.howTo' | transloco }}</p>
          }
          @for (f of feedback(); track f.id) {
            <stl-feedback-card
              [feedback]="f"
              [sectionTitle]="sectionTitles().get(f.sectionKey ?? '') ?? null"
              [canReply]="isMine()"
              [canMarkHelpful]="isMine()"
            />
          } @empty {
            <p data-testid="no-feedback">{{ 'review.received.none' | transloco }}</p>
          }
        }
      }
    }
  `,
  styles: `
    stl-feedback-card {
      display: block;
      margin-block-end: 1.5rem;
      max-width: 50rem;
    }
  `,
})
export class ReceivedFeedbackPage {
  private readonly api = inject(ReviewApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly analysisId = input.required<string>();

  protected readonly state = toSignal(
    toObservable(this.analysisId).pipe(switchMap((id) => loadable(this.api.receivedOn(id)))),
    { initialValue: LOADING },
  );
  protected readonly analysis = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.data.analysis : null;
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.error.messageKey : '';
  });
  protected readonly overviewPath = computed(() => feedbackOverviewPath(this.cohortId()));
  protected readonly isMine = computed(() => this.analysis()?.authorId === this.session.viewer()?.person.id);
  /** Course leaders first, then critical friends, each oldest first. */
  protected readonly feedback = computed(() =>
    [...(this.analysis()?.feedback ?? [])].sort((a, b) =>
      a.kind === b.kind ? 0 : a.kind === 'LEADER' ? -1 : 1,
    ),
  );
  protected readonly sectionTitles = computed(
    () => new Map(this.analysis()?.round.templateVersion.sections.map((s) => [s.key, s.title]) ?? []),
  );
}
