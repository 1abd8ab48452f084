import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, LOADING, loadable } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { switchMap } from 'rxjs';

/** A published analysis as the cohort reads it, section by section in the template's order. */
@Component({
  selector: 'stl-analysis-read-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent, ...FORMAT_PIPES],
  template: `
    @switch (state().status) {
      @case ('loading') {
        <p>{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <stl-page-header [heading]="'read.title' | transloco" />
        <p class="error-text" role="alert">{{ errorKey() | transloco }}</p>
        <p>
          <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
        </p>
      }
      @case ('ready') {
        @if (analysis(); as a) {
          <stl-page-header
            [heading]="'read.heading' | transloco: { author: a.author.fullName, number: a.round.number }"
            [lead]="a.round.title"
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
                </section>
              }
            </article>
          } @else {
            <p>{{ 'read.notPublished' | transloco }}</p>
          }
        }
      }
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

  protected readonly state = toSignal(
    toObservable(this.analysisId).pipe(switchMap((id) => loadable(this.api.read(id)))),
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
  protected readonly sections = computed(() =>
    [...(this.analysis()?.round.templateVersion.sections ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly answers = computed(
    () => new Map(this.analysis()?.current?.answers.map((a) => [a.sectionKey, a.html]) ?? []),
  );
}
