import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roundTitleBesideNumber } from '@stl/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReviewApi, SessionStore, apiResource } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { feedbackOverviewPath } from '../review.paths';
import { FeedbackCardComponent } from '../shared/feedback-card.component';

/**
 * The feedback on one of my analyses, from critical friends and course leaders: I reply, and mark
 * what helped me (or take it back). Others who may read it see the same pieces without actions.
 */
@Component({
  selector: 'stl-received-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    FeedbackCardComponent,
    ...FORMAT_PIPES,
  ],
  template: `
    @if (state.error()) {
      <stl-page-header [heading]="'review.received.title' | transloco" />
    }
    <ng-container *stlLoad="state">
      @if (analysis(); as a) {
        <stl-page-header
          [heading]="
            (roundTitle() ? 'review.received.heading' : 'review.received.headingNumberOnly')
              | transloco: { number: a.round.number, title: roundTitle() }
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
    </ng-container>
    @if (state.error()) {
      <p>
        <a [routerLink]="overviewPath()">{{ 'review.backToOverview' | transloco }}</a>
      </p>
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

  protected readonly state = apiResource({
    params: this.analysisId,
    stream: (id) => this.api.receivedOn(id),
  });
  protected readonly analysis = computed(() => (this.state.hasValue() ? this.state.value().analysis : null));
  /** The round's title beside its number, unless it only repeats the number ("Analys 3"). */
  protected readonly roundTitle = computed(() => {
    const round = this.analysis()?.round;
    return round ? roundTitleBesideNumber(round.title, round.number) : null;
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
