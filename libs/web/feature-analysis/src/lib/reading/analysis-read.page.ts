import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, apiResource } from '@stl/web/data-access';
import { AttachmentGalleryComponent, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { roundTitleBesideNumber } from '@stl/shared/domain';

/** A published analysis as the cohort reads it, section by section in the template's order. */
@Component({
  selector: 'stl-analysis-read-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    AttachmentGalleryComponent,
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
          <article class="analysis">
            @for (section of sections(); track section.key) {
              <section [attr.aria-labelledby]="'read-' + section.key">
                <h2 [id]="'read-' + section.key">{{ section.position }}. {{ section.title }}</h2>
                @if (answers().get(section.key); as html) {
                  <div class="analysis__text" [innerHTML]="html"></div>
                } @else {
                  <p class="muted">{{ 'read.noAnswer' | transloco }}</p>
                }
                <stl-attachment-gallery [attachments]="attachmentsOf(section.key)" />
              </section>
            }
          </article>
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
  styles: `
    .analysis section {
      margin-block-end: 1.5rem;
    }
    .analysis h2 {
      font-size: 1.25rem;
      margin-block-end: 0.5rem;
    }
    .analysis__text {
      max-width: 70ch;
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

  /** The published version's files of one section (ADR 0024). */
  protected attachmentsOf(sectionKey: string) {
    return this.analysis()?.current?.attachments.filter((a) => a.sectionKey === sectionKey) ?? [];
  }
}
