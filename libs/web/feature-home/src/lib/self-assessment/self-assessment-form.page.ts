import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import { SelfAssessmentApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { LanguageService } from '@stl/web/util-i18n';

/**
 * A participant answers the open self-assessment of a cohort (issue 14): each statement on a
 * 1–5 scale, as a group of radio buttons per statement (a fieldset with the statement as legend).
 */
@Component({
  selector: 'stl-self-assessment-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, LoadDirective, RouterLink],
  template: `
    <stl-page-header
      [heading]="'selfAssessment.title' | transloco"
      [lead]="'selfAssessment.formLead' | transloco"
    />
    <ng-container *stlLoad="data; let d">
      @if (d.prompt; as p) {
        <form class="card section" (submit)="$event.preventDefault(); submit(p.phase)" novalidate>
          <h2>{{ p.cohortName }}: {{ 'selfAssessment.phase.' + p.phase | transloco }}</h2>
          @for (q of d.questions; track q.id; let i = $index) {
            <fieldset class="statement" [attr.data-testid]="'statement-' + (i + 1)">
              <legend>{{ i + 1 }}. {{ lang() === 'en' ? q.textEn : q.textSv }}</legend>
              <div class="scale">
                @for (v of scale; track v) {
                  <label>
                    <input
                      type="radio"
                      [name]="'q-' + q.id"
                      [value]="v"
                      [checked]="answers()[q.id] === v"
                      (change)="choose(q.id, v)"
                    />
                    {{ 'selfAssessment.scale.' + v | transloco }}
                  </label>
                }
              </div>
            </fieldset>
          }
          @if (error()) {
            <p role="alert" class="error">{{ error() | transloco }}</p>
          }
          <button type="submit" class="button button--primary" [disabled]="busy()">
            {{ (busy() ? 'selfAssessment.saving' : 'selfAssessment.submit') | transloco }}
          </button>
          <p role="status">
            @if (saved()) {
              {{ 'selfAssessment.saved' | transloco }}
              <a routerLink="/">{{ 'selfAssessment.backHome' | transloco }}</a>
            }
          </p>
        </form>
      } @else {
        <p>{{ 'selfAssessment.notOpen' | transloco }}</p>
        <p>
          <a routerLink="/">{{ 'selfAssessment.backHome' | transloco }}</a>
        </p>
      }
    </ng-container>
  `,
  styles: `
    .statement {
      border: none;
      padding: 0;
      margin-block: 1.25rem;
    }
    .statement legend {
      font-weight: 600;
      margin-block-end: 0.5rem;
    }
    .scale {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
    }
    .scale label {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
    }
  `,
})
export class SelfAssessmentFormPage {
  private readonly api = inject(SelfAssessmentApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;
  readonly cohortId = input.required<string>();
  protected readonly scale = [1, 2, 3, 4, 5];
  protected readonly answers = signal<Record<string, number>>({});
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal('');
  private readonly organisationId = computed(() => this.session.viewer()?.organisation?.id ?? null);
  protected readonly data = apiResource({
    params: () => {
      const organisationId = this.organisationId();
      return organisationId ? { organisationId, cohortId: this.cohortId() } : undefined;
    },
    stream: ({ organisationId, cohortId }) =>
      forkJoin({ prompts: this.api.myPrompts(), questions: this.api.questions(organisationId) }).pipe(
        map(({ prompts, questions }) => ({
          prompt: prompts.find((p) => p.cohortId === cohortId) ?? null,
          questions,
        })),
      ),
  });

  protected choose(questionId: string, value: number): void {
    this.answers.update((a) => ({ ...a, [questionId]: value }));
    this.saved.set(false);
  }

  protected submit(phase: 'BEFORE' | 'AFTER'): void {
    const questions = this.data.hasValue() ? this.data.value().questions : [];
    const answers = this.answers();
    if (questions.some((q) => !answers[q.id])) {
      this.error.set('selfAssessment.missing');
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api
      .submit({
        cohortId: this.cohortId(),
        phase,
        answers: questions.map((q) => ({ questionId: q.id, value: answers[q.id] })),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.saved.set(true);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(toApiError(e).messageKey);
        },
      });
  }
}
