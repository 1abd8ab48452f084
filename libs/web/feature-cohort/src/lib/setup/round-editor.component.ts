import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupRound } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { afterRender, errorOf, summaryItems } from './form-errors';
import type { FieldError } from './form-errors';
import { meetingLabels } from './meeting-label';
import { EMPTY_ROUND, roundDraftOf, roundInput, roundProblems } from './round-form';
import { SetupStore } from './setup.store';

const FIELD_IDS: Record<string, string> = {
  title: 'round-title',
  opensDate: 'round-opens-date',
  opensAt: 'round-opens-date',
  opensTime: 'round-opens-time',
  submissionDate: 'round-submission-date',
  submissionDeadline: 'round-submission-date',
  submissionTime: 'round-submission-time',
  feedbackDate: 'round-feedback-date',
  feedbackDeadline: 'round-feedback-date',
  feedbackTime: 'round-feedback-time',
  meetingId: 'round-meeting',
  templateVersionId: 'round-template',
};

/** The API names the moments by their instants; the form by the date typed. */
const API_ALIAS: Record<string, string> = {
  opensDate: 'opensAt',
  submissionDate: 'submissionDeadline',
  feedbackDate: 'feedbackDeadline',
};

const DATE_FIELDS = [
  { key: 'opens', label: 'setup.rounds.opens' },
  { key: 'submission', label: 'setup.rounds.submission' },
  { key: 'feedback', label: 'setup.rounds.feedback' },
] as const;

/** The form that adds a round by hand, or changes the one chosen in the list. */
@Component({
  selector: 'stl-setup-round-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, ...FIELD],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    <h2 id="round-form-heading">
      {{
        (editing() ? 'setup.rounds.editHeading' : 'setup.rounds.addHeading')
          | transloco: { number: editing()?.number ?? 0 }
      }}
    </h2>
    @if (savedNote(); as note) {
      <p role="status" class="notice notice--success">{{ note | transloco }}</p>
    }
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="summary()" />
    <form
      class="form-grid"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      aria-labelledby="round-form-heading"
    >
      <stl-field fieldId="round-title" [label]="'setup.rounds.title' | transloco" [error]="err('title')">
        <input stlControl formControlName="title" type="text" />
      </stl-field>
      @for (f of dateFields; track f.key) {
        @let problem = err(f.key + 'Date') || err(f.key + 'Time');
        <fieldset [class.field--invalid]="problem">
          <legend>{{ f.label | transloco }}</legend>
          @if (problem) {
            <p class="field__error" [id]="'round-' + f.key + '-error'">{{ problem | transloco }}</p>
          }
          <div class="form-row">
            <div class="field">
              <label [for]="'round-' + f.key + '-date'">{{ 'setup.rounds.date' | transloco }}</label>
              <input
                [id]="'round-' + f.key + '-date'"
                type="date"
                [formControlName]="f.key + 'Date'"
                [attr.aria-invalid]="err(f.key + 'Date') ? 'true' : null"
                [attr.aria-describedby]="err(f.key + 'Date') ? 'round-' + f.key + '-error' : null"
              />
            </div>
            <div class="field">
              <label [for]="'round-' + f.key + '-time'">{{ 'setup.rounds.time' | transloco }}</label>
              <input
                [id]="'round-' + f.key + '-time'"
                type="time"
                [formControlName]="f.key + 'Time'"
                [attr.aria-invalid]="err(f.key + 'Time') ? 'true' : null"
                [attr.aria-describedby]="err(f.key + 'Time') ? 'round-' + f.key + '-error' : null"
              />
            </div>
          </div>
        </fieldset>
      }
      <stl-field
        fieldId="round-meeting"
        [label]="'setup.rounds.meeting' | transloco"
        [error]="err('meetingId')"
      >
        <select stlControl formControlName="meetingId">
          <option value="">{{ 'setup.rounds.noMeeting' | transloco }}</option>
          @for (m of store.meetings(); track m.id) {
            <option [value]="m.id">{{ meetingLabel(m.id) }}</option>
          }
        </select>
      </stl-field>
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ (editing() ? 'setup.rounds.saveChanges' : 'setup.rounds.add') | transloco }}
        </button>
        @if (editing()) {
          <button type="button" class="button" (click)="stopEditing()">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
})
export class RoundEditorComponent {
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly meetingLabel = meetingLabels();
  protected readonly dateFields = DATE_FIELDS;

  /** The template version a new round gets. */
  readonly templateVersionId = input.required<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ ...EMPTY_ROUND });
  protected readonly editing = signal<SetupRound | null>(null);
  protected readonly busy = signal(false);
  private readonly localErrors = signal<FieldError[]>([]);
  private readonly apiError = signal<ApiError | null>(null);
  protected readonly savedNote = signal<string | null>(null);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  protected readonly summary = computed(() =>
    summaryItems(this.localErrors(), this.apiError(), (f) => FIELD_IDS[f] ?? null),
  );

  protected err(field: string): string | null {
    return (
      errorOf(this.localErrors(), this.apiError(), field) ??
      (API_ALIAS[field] ? errorOf([], this.apiError(), API_ALIAS[field]) : null)
    );
  }

  /** Changes this round (chosen in the list). */
  edit(r: SetupRound): void {
    this.editing.set(r);
    this.form.setValue(roundDraftOf(r));
    this.clearMessages();
    afterRender(this.injector, () => this.document.getElementById('round-title')?.focus());
  }

  /** Back to adding a new round, unless another one is being changed. */
  stopEditing(roundId?: string): void {
    if (roundId && this.editing()?.id !== roundId) return;
    this.editing.set(null);
    this.form.setValue(EMPTY_ROUND);
    this.clearMessages();
  }

  protected async save(): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    this.clearMessages();
    const draft = this.form.getRawValue();
    const problems = roundProblems(draft);
    if (problems.length) {
      this.localErrors.set(problems);
      afterRender(this.injector, () => this.summaryBox()?.focus());
      return;
    }
    this.busy.set(true);
    try {
      const editing = this.editing();
      const input = roundInput(draft);
      if (editing) await firstValueFrom(this.api.updateRound(editing.id, input));
      else
        await firstValueFrom(
          this.api.createRound(cohort.id, { ...input, templateVersionId: this.templateVersionId() }),
        );
      await this.store.reload();
      this.editing.set(null);
      this.form.setValue(EMPTY_ROUND);
      this.savedNote.set(editing ? 'setup.rounds.updated' : 'setup.rounds.added');
    } catch (e) {
      this.apiError.set(toApiError(e));
      afterRender(this.injector, () => this.summaryBox()?.focus());
    } finally {
      this.busy.set(false);
    }
  }

  private clearMessages(): void {
    this.localErrors.set([]);
    this.apiError.set(null);
    this.savedNote.set(null);
  }
}
