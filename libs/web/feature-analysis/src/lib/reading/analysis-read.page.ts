import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, apiResource } from '@stl/web/data-access';
import { AnnotatedAnalysisComponent } from '@stl/web/feature-review';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { roundTitleBesideNumber } from '@stl/shared/domain';

/**
 * A published analysis as the cohort reads it, section by section in the template's order, with
 * comments on its passages in the margin (ADR 0026).
 */
@Component({
  selector: 'stl-analysis-read-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    AnnotatedAnalysisComponent,
    ...FORMAT_PIPES,
  ],
  template: `
    @if (state.error()) {
      <stl-page-header [heading]="'read.title' | transloco" />
    }
    <ng-container *stlLoad="state">
      @if (analysis(); as a) {
        <stl-page-header
          [heading]="'read.heading' | transloco: { author: a.author.fullName, number: a.round.number }"
          [lead]="roundTitle()"
        >
          <a stlBeforeHeading [routerLink]="['/cohorts', cohortId(), 'shared']" class="back-link">{{
            'read.backToShared' | transloco
          }}</a>
        </stl-page-header>
        @if (a.current; as current) {
          <p class="muted">
            {{ 'shared.publishedAt' | transloco: { when: (current.publishedAt | stlDateTime: lang()) } }} ·
            {{ 'shared.version' | transloco: { version: current.version } }}
          </p>
          <stl-annotated-analysis
            [analysisId]="a.id"
            [version]="current.version"
            [sections]="sections()"
            [answers]="answers()"
            [attachments]="current.attachments"
            [comments]="a.passageComments"
            [canComment]="a.canCommentOnPassages"
            [headingLevel]="2"
            noAnswerKey="read.noAnswer"
          />
        } @else {
          <p>{{ 'read.notPublished' | transloco }}</p>
        }
      }
    </ng-container>
    @if (state.error()) {
      <p>
        <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
      </p>
    }
  `,
})
export class AnalysisReadPage {
  private readonly api = inject(AnalysisApi);
  protected readonly lang = inject(LanguageService).lang;
  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly analysisId = input.required<string>();

  protected readonly state = apiResource({ params: this.analysisId, stream: (id) => this.api.read(id) });
  protected readonly analysis = computed(() => (this.state.hasValue() ? this.state.value().analysis : null));
  /** The round's title under the heading, unless it only repeats the number ("Analys 3"). */
  protected readonly roundTitle = computed(() => {
    const round = this.analysis()?.round;
    return round ? roundTitleBesideNumber(round.title, round.number) : null;
  });
  protected readonly sections = computed(() =>
    [...(this.analysis()?.round.templateVersion.sections ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly answers = computed(
    () => new Map(this.analysis()?.current?.answers.map((a) => [a.sectionKey, a.html]) ?? []),
  );
}
