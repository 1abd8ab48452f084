import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SelfAssessmentApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { SelfAssessmentTheme } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';

interface Row {
  id: string | null;
  theme: SelfAssessmentTheme;
  textSv: string;
  textEn: string;
}

/**
 * An administrator edits the organisation's self-assessment statements (issue 14): the whole list
 * at once, in order; the API retires a removed statement that has answers.
 */
@Component({
  selector: 'stl-self-assessment-questions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, LoadDirective],
  template: `
    <stl-page-header
      [heading]="'selfAssessment.questions.title' | transloco"
      [lead]="'selfAssessment.questions.lead' | transloco"
    />
    <ng-container *stlLoad="questions">
      <form class="card section" (submit)="$event.preventDefault(); save()" novalidate>
        @for (row of rows(); track $index; let i = $index) {
          <fieldset class="row">
            <legend class="visually-hidden">{{ i + 1 }}</legend>
            <label [for]="'sv-' + i">{{ 'selfAssessment.questions.textSv' | transloco: { n: i + 1 } }}</label>
            <textarea
              [id]="'sv-' + i"
              rows="2"
              maxlength="400"
              [value]="row.textSv"
              (input)="edit(i, 'textSv', $event)"
            ></textarea>
            <label [for]="'en-' + i">{{ 'selfAssessment.questions.textEn' | transloco: { n: i + 1 } }}</label>
            <textarea
              [id]="'en-' + i"
              rows="2"
              maxlength="400"
              [value]="row.textEn"
              (input)="edit(i, 'textEn', $event)"
            ></textarea>
            <label [for]="'theme-' + i">{{
              'selfAssessment.questions.theme' | transloco: { n: i + 1 }
            }}</label>
            <select [id]="'theme-' + i" (change)="edit(i, 'theme', $event)">
              @for (t of themes; track t) {
                <option [value]="t" [selected]="row.theme === t">
                  {{ 'selfAssessment.theme.' + t | transloco }}
                </option>
              }
            </select>
            <button type="button" class="button button--small" (click)="remove(i)">
              {{ 'selfAssessment.questions.remove' | transloco: { n: i + 1 } }}
            </button>
          </fieldset>
        }
        <p>
          <button type="button" class="button" (click)="add()">
            {{ 'selfAssessment.questions.add' | transloco }}
          </button>
        </p>
        @if (error()) {
          <p role="alert" class="error">{{ error() | transloco }}</p>
        }
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ 'selfAssessment.questions.save' | transloco }}
        </button>
        <p role="status">
          @if (saved()) {
            {{ 'selfAssessment.questions.saved' | transloco }}
          }
        </p>
      </form>
    </ng-container>
  `,
  styles: `
    .row {
      display: grid;
      gap: 0.35rem;
      border: none;
      border-block-end: 1px solid #d0d5dd;
      padding: 0 0 1rem;
      margin-block-end: 1rem;
    }
    .row button {
      justify-self: start;
    }
  `,
})
export class SelfAssessmentQuestionsPage {
  private readonly api = inject(SelfAssessmentApi);
  private readonly session = inject(SessionStore);
  protected readonly themes: SelfAssessmentTheme[] = ['DIGITAL_TOOLS', 'FORMATIVE_FEEDBACK', 'OTHER'];
  private readonly organisationId = computed(() => this.session.viewer()?.organisation?.id ?? undefined);
  protected readonly questions = apiResource({
    params: () => this.organisationId(),
    stream: (organisationId: string) => this.api.questions(organisationId),
  });
  protected readonly rows = signal<Row[]>([]);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      if (this.questions.hasValue())
        this.rows.set(
          this.questions
            .value()
            .map((q) => ({ id: q.id, theme: q.theme, textSv: q.textSv, textEn: q.textEn })),
        );
    });
  }

  protected edit(i: number, field: 'textSv' | 'textEn' | 'theme', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.rows.update((rows) => rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
    this.saved.set(false);
  }

  protected add(): void {
    this.rows.update((rows) => [...rows, { id: null, theme: 'OTHER', textSv: '', textEn: '' }]);
  }

  protected remove(i: number): void {
    this.rows.update((rows) => rows.filter((_, j) => j !== i));
  }

  protected save(): void {
    const organisationId = this.organisationId();
    if (!organisationId) return;
    this.busy.set(true);
    this.error.set('');
    this.api.setQuestions({ organisationId, questions: this.rows() }).subscribe({
      next: (questions) => {
        this.busy.set(false);
        this.saved.set(true);
        this.rows.set(
          questions.map((q) => ({ id: q.id, theme: q.theme, textSv: q.textSv, textEn: q.textEn })),
        );
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(e).messageKey);
      },
    });
  }
}
