import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SelfAssessmentApi, SessionStore, apiResource } from '@stl/web/data-access';
import type { SelfAssessmentGroup, SelfAssessmentResults } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { LanguageService } from '@stl/web/util-i18n';

type Figure = SelfAssessmentGroup['before'];

/**
 * The self-assessment's follow-up (issue 14, ADR 0034) for administrators and course leaders: a
 * table per cohort and per school, each statement's mean before and after and the change. Small
 * groups come from the API already withheld; the page only says so.
 */
@Component({
  selector: 'stl-self-assessment-results-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, LoadDirective, RouterLink],
  template: `
    <stl-page-header [heading]="'selfAssessment.results.title' | transloco" />
    <ng-container *stlLoad="results; let r">
      <p>{{ 'selfAssessment.results.lead' | transloco: { min: r.minGroupSize } }}</p>
      @if (isAdmin()) {
        <p>
          <a routerLink="/self-assessment/questions">{{
            'selfAssessment.results.editQuestions' | transloco
          }}</a>
        </p>
      }
      @for (section of sections(r); track section.key) {
        <h2>{{ section.key | transloco }}</h2>
        @for (g of section.groups; track g.id) {
          <section class="card group">
            <table>
              <caption>
                <strong>{{ g.name }}</strong>
                <span class="muted">
                  {{
                    'selfAssessment.results.respondents'
                      | transloco: { before: count(g.before, r), after: count(g.after, r) }
                  }}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'selfAssessment.results.statement' | transloco }}</th>
                  <th scope="col">{{ 'selfAssessment.results.before' | transloco }}</th>
                  <th scope="col">{{ 'selfAssessment.results.after' | transloco }}</th>
                  <th scope="col">{{ 'selfAssessment.results.change' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (q of g.questions; track q.questionId) {
                  <tr>
                    <th scope="row">{{ statement(r, q.questionId) }}</th>
                    <td>{{ mean(q.before, r) }}</td>
                    <td>{{ mean(q.after, r) }}</td>
                    <td>{{ q.change === null ? '–' : signed(q.change) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </section>
        } @empty {
          <p>{{ 'selfAssessment.results.none' | transloco }}</p>
        }
      }
    </ng-container>
  `,
  styles: `
    .group {
      margin-block-end: 1rem;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-block-end: 0.5rem;
    }
    th,
    td {
      padding: 0.4rem 0.5rem;
      border-block-end: 1px solid #d0d5dd;
      text-align: start;
      vertical-align: top;
    }
    td {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    tbody th {
      font-weight: normal;
    }
  `,
})
export class SelfAssessmentResultsPage {
  private readonly api = inject(SelfAssessmentApi);
  private readonly session = inject(SessionStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly isAdmin = computed(() => this.session.roles().includes('ADMINISTRATOR'));
  protected readonly results = apiResource({
    params: () => this.session.viewer()?.organisation?.id ?? undefined,
    stream: (organisationId: string) => this.api.results(organisationId),
  });

  protected sections(r: SelfAssessmentResults) {
    return [
      { key: 'selfAssessment.results.byCohort', groups: r.byCohort },
      { key: 'selfAssessment.results.bySchool', groups: r.bySchool },
    ];
  }

  protected statement(r: SelfAssessmentResults, id: string): string {
    const q = r.questions.find((x) => x.id === id);
    return q ? (this.lang() === 'en' ? q.textEn : q.textSv) : '';
  }

  protected count(f: Figure, r: SelfAssessmentResults): string {
    return f.suppressed ? this.fewer(r) : String(f.respondents ?? 0);
  }

  protected mean(f: Figure, r: SelfAssessmentResults): string {
    if (f.suppressed) return this.fewer(r);
    return f.mean === null ? '–' : this.decimal(f.mean);
  }

  protected signed(n: number): string {
    return (n > 0 ? '+' : n < 0 ? '−' : '') + this.decimal(Math.abs(n));
  }

  private decimal(n: number): string {
    return n.toLocaleString(this.lang() === 'en' ? 'en-GB' : 'sv-SE', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  }

  private fewer(r: SelfAssessmentResults): string {
    this.lang();
    return this.transloco.translate('selfAssessment.results.suppressed', { min: r.minGroupSize });
  }
}
