import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, map } from 'rxjs';
import {
  CertificateApi,
  apiResource,
  certificatePdfUrl,
  portfolioPdfUrl,
  toApiError,
} from '@stl/web/data-access';
import { FIELD, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { DatePipe, LanguageService } from '@stl/web/util-i18n';

/** The longest closing reflection the API takes (REFLECTION_MAX_LENGTH). */
const REFLECTION_MAX = 10_000;

/**
 * The teacher's portfolio (issue 14, ADR 0032): their analyses of the cohort in round order, each
 * as last published, with the feedback received and their replies; the closing reflection they
 * write here; the PDF of it all; and their certificate of completion once issued. Theirs only.
 */
@Component({
  selector: 'stl-portfolio-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    PageHeaderComponent,
    LoadDirective,
    RouterLink,
    DatePipe,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'certificates.portfolio.title' | transloco"
      [lead]="'certificates.portfolio.lead' | transloco"
    >
      <a stlBeforeHeading class="back-link" [routerLink]="['/cohorts', cohortId()]">{{
        'certificates.portfolio.back' | transloco
      }}</a>
    </stl-page-header>

    <section class="card section" aria-labelledby="my-certificate-heading">
      <h2 id="my-certificate-heading">{{ 'certificates.portfolio.myCertificate' | transloco }}</h2>
      <div *stlLoad="certificates; let list">
        @for (c of list; track c.id) {
          @if (c.revokedAt) {
            <p>{{ 'certificates.portfolio.certificateRevoked' | transloco: { code: c.code } }}</p>
          } @else {
            <p>
              {{
                'certificates.portfolio.certificateCode'
                  | transloco: { code: c.code, date: (c.issuedAt | stlDate: lang()) }
              }}
            </p>
            <p>
              <a class="button" [href]="certificatePdf(c.id)" download data-testid="download-certificate">{{
                'certificates.portfolio.downloadCertificate' | transloco
              }}</a>
            </p>
          }
        } @empty {
          <p>{{ 'certificates.portfolio.noCertificate' | transloco }}</p>
        }
      </div>
    </section>

    <div *stlLoad="portfolio; let p">
      <p class="actions">
        <a class="button" [href]="portfolioPdf()" download data-testid="download-portfolio">{{
          'certificates.portfolio.download' | transloco
        }}</a>
      </p>
      @for (e of p.entries; track e.roundId) {
        <article class="card section entry" [attr.aria-labelledby]="'round-' + e.number">
          <h2 [id]="'round-' + e.number">
            {{ 'certificates.portfolio.round' | transloco: { number: e.number, title: e.title } }}
          </h2>
          @if (e.published && e.publishedAt) {
            <p class="muted">
              {{
                'certificates.portfolio.version'
                  | transloco: { version: e.version, date: (e.publishedAt | stlDate: lang()) }
              }}
            </p>
            @for (s of e.sections; track $index) {
              <h3>{{ s.title }}</h3>
              <p class="text">{{ s.text || '–' }}</p>
            }
            <h3>{{ 'certificates.portfolio.feedback' | transloco }}</h3>
            @for (f of e.feedback; track f.id) {
              <div class="feedback">
                <p class="feedback__from">
                  {{
                    (f.kind === 'LEADER'
                      ? 'certificates.portfolio.fromLeader'
                      : 'certificates.portfolio.fromPeer'
                    )
                      | transloco
                        : { name: f.authorName, date: (f.givenAt | stlDate: lang()), version: f.version }
                  }}
                </p>
                @if (f.sectionTitle) {
                  <p class="muted">
                    {{ 'certificates.portfolio.section' | transloco: { title: f.sectionTitle } }}
                  </p>
                }
                <dl>
                  <dt>{{ 'certificates.portfolio.worksWell' | transloco }}</dt>
                  <dd class="text">{{ f.worksWell }}</dd>
                  <dt>{{ 'certificates.portfolio.questions' | transloco }}</dt>
                  <dd class="text">{{ f.questions }}</dd>
                  <dt>{{ 'certificates.portfolio.nextSteps' | transloco }}</dt>
                  <dd class="text">{{ f.nextSteps }}</dd>
                </dl>
                @for (r of f.replies; track $index) {
                  <div class="reply">
                    <p class="feedback__from">
                      {{
                        'certificates.portfolio.reply' | transloco: { date: (r.writtenAt | stlDate: lang()) }
                      }}
                    </p>
                    <p class="text">{{ r.body }}</p>
                  </div>
                }
              </div>
            } @empty {
              <p class="muted">{{ 'certificates.portfolio.noFeedback' | transloco }}</p>
            }
          } @else {
            <p class="muted">{{ 'certificates.portfolio.notPublished' | transloco }}</p>
          }
        </article>
      }

      <section class="card section" aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">{{ 'certificates.portfolio.reflection' | transloco }}</h2>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <stl-field
            fieldId="portfolio-reflection"
            [label]="'certificates.portfolio.reflection' | transloco"
            [hint]="'certificates.portfolio.reflectionHint' | transloco"
            [error]="problem()"
          >
            <textarea stlControl formControlName="body" rows="8"></textarea>
          </stl-field>
          <div class="actions">
            <button
              type="submit"
              class="button button--primary"
              [disabled]="busy()"
              data-testid="save-reflection"
            >
              {{ (busy() ? 'certificates.portfolio.saving' : 'certificates.portfolio.save') | transloco }}
            </button>
          </div>
          <p role="status" class="saved">
            @if (saved()) {
              {{ 'certificates.portfolio.saved' | transloco }}
            }
          </p>
        </form>
      </section>
    </div>
  `,
  styles: `
    .entry {
      margin-block: 1rem;
    }
    .text {
      white-space: pre-line;
    }
    .feedback {
      border-inline-start: 0.25rem solid #c9d3dc;
      padding-inline-start: 0.75rem;
      margin-block: 0.75rem;
    }
    .feedback__from {
      font-weight: 600;
    }
    .feedback dt {
      font-weight: 600;
    }
    .feedback dd {
      margin: 0 0 0.5rem;
    }
    .reply {
      margin-inline-start: 1.25rem;
    }
    .actions {
      margin-block: 0.75rem;
    }
  `,
})
export class PortfolioPage {
  private readonly api = inject(CertificateApi);
  protected readonly lang = inject(LanguageService).lang;

  readonly cohortId = input.required<string>();

  protected readonly portfolio = apiResource({
    params: () => this.cohortId(),
    stream: (cohortId) => this.api.portfolio(cohortId),
  });
  /** My certificates of this cohort (the API lists all of mine, newest first). */
  protected readonly certificates = apiResource({
    params: () => this.cohortId(),
    stream: (cohortId) => this.api.mine().pipe(map((list) => list.filter((c) => c.cohortId === cohortId))),
  });
  protected readonly form = inject(NonNullableFormBuilder).group({ body: '' });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.portfolio.hasValue()) this.form.setValue({ body: this.portfolio.value()?.reflection ?? '' });
    });
  }

  protected portfolioPdf(): string {
    return portfolioPdfUrl(this.cohortId());
  }

  protected certificatePdf(id: string): string {
    return certificatePdfUrl(id);
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    const body = this.form.controls.body.value;
    if (body.trim().length > REFLECTION_MAX) {
      this.problem.set('certificates.portfolio.reflectionTooLong');
      return;
    }
    this.problem.set(null);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.saveReflection(this.cohortId(), body));
      this.saved.set(true);
    } catch (e) {
      this.problem.set(toApiError(e).messageKey);
    } finally {
      this.busy.set(false);
    }
  }
}
