import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, SupportApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupMeeting } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { afterRender, errorOf, summaryItems } from './form-errors';
import type { FieldError } from './form-errors';
import { draftOf, meetingInput, meetingProblems, nextDraft } from './meeting-form';
import type { MeetingDraft } from './meeting-form';
import { SetupStore } from './setup.store';

const FIELD_IDS: Record<string, string> = {
  title: 'meeting-title',
  date: 'meeting-date',
  startTime: 'meeting-start',
  startsAt: 'meeting-start',
  endTime: 'meeting-end',
  endsAt: 'meeting-end',
  location: 'meeting-location',
  videoUrl: 'meeting-video',
  theme: 'meeting-theme',
  preparation: 'meeting-preparation',
  discussionQuestions: 'meeting-questions',
};

/** The API names the times by their instants; the form by the clock time typed. */
const API_ALIAS: Record<string, string> = { startTime: 'startsAt', endTime: 'endsAt' };

/**
 * The form that adds a meeting, or changes the one chosen in the list. It starts from the meeting
 * after the last one planned (four weeks later, same time and place), so only what differs is typed.
 */
@Component({
  selector: 'stl-setup-meeting-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, ...FIELD],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    <h2 id="meeting-form-heading">
      {{
        (editing() ? 'setup.meetings.editHeading' : 'setup.meetings.addHeading')
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
      aria-labelledby="meeting-form-heading"
    >
      <stl-field fieldId="meeting-title" [label]="'setup.meetings.title' | transloco" [error]="err('title')">
        <input stlControl formControlName="title" type="text" />
      </stl-field>
      <div class="form-row">
        <stl-field fieldId="meeting-date" [label]="'setup.meetings.date' | transloco" [error]="err('date')">
          <input stlControl formControlName="date" type="date" />
        </stl-field>
        <stl-field
          fieldId="meeting-start"
          [label]="'setup.meetings.start' | transloco"
          [error]="err('startTime')"
        >
          <input stlControl formControlName="startTime" type="time" />
        </stl-field>
        <stl-field fieldId="meeting-end" [label]="'setup.meetings.end' | transloco" [error]="err('endTime')">
          <input stlControl formControlName="endTime" type="time" />
        </stl-field>
      </div>
      <fieldset>
        <legend>{{ 'setup.meetings.mode' | transloco }}</legend>
        <label class="choice">
          <input type="radio" formControlName="mode" value="PHYSICAL" />
          {{ 'meetingMode.PHYSICAL' | transloco }}
        </label>
        <label class="choice">
          <input type="radio" formControlName="mode" value="DIGITAL" />
          {{ 'meetingMode.DIGITAL' | transloco }}
        </label>
      </fieldset>
      @if (mode() === 'PHYSICAL') {
        <stl-field
          fieldId="meeting-location"
          [label]="'setup.meetings.location' | transloco"
          [error]="err('location')"
        >
          <input stlControl formControlName="location" type="text" />
        </stl-field>
      }
      <stl-field
        fieldId="meeting-video"
        [label]="(mode() === 'DIGITAL' ? 'setup.meetings.video' : 'setup.meetings.videoOptional') | transloco"
        [hint]="'setup.meetings.videoHint' | transloco"
        [error]="err('videoUrl')"
      >
        <input stlControl formControlName="videoUrl" type="url" />
      </stl-field>
      <stl-field fieldId="meeting-theme" [label]="'setup.meetings.theme' | transloco" [error]="err('theme')">
        <input stlControl formControlName="theme" type="text" />
      </stl-field>
      <stl-field
        fieldId="meeting-preparation"
        [label]="'setup.meetings.preparation' | transloco"
        [hint]="'setup.meetings.preparationHint' | transloco"
        [error]="err('preparation')"
      >
        <textarea stlControl formControlName="preparation" rows="3"></textarea>
      </stl-field>
      <stl-field
        fieldId="meeting-questions"
        [label]="'setup.meetings.questions' | transloco"
        [hint]="'setup.meetings.questionsHint' | transloco"
        [error]="err('discussionQuestions')"
      >
        <textarea stlControl formControlName="questions" rows="3"></textarea>
      </stl-field>
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ (editing() ? 'setup.meetings.saveChanges' : 'setup.meetings.add') | transloco }}
        </button>
        @if (editing()) {
          <button type="button" class="button" (click)="cancel()">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
})
export class MeetingEditorComponent {
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly support = inject(SupportApi);
  /** The organisation's own school holidays of the cohort's year, which suggested dates avoid. */
  private readonly holidays = apiResource({
    // A string, so reloading the cohort after each save asks again only if the year changed.
    params: () => {
      const c = this.store.cohort();
      return c ? `${c.organisationId} ${c.schoolYear}` : undefined;
    },
    stream: (key) => {
      const [organisationId, schoolYear] = key.split(' ');
      return this.support.holidays(organisationId, schoolYear);
    },
  });

  /** The step is shown once the cohort is loaded, so the next meeting is known from the start. */
  protected readonly form = this.formFor(this.nextMeeting());
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });
  protected readonly editing = signal<SetupMeeting | null>(null);
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

  /** Changes this meeting (chosen in the list). */
  edit(m: SetupMeeting): void {
    this.editing.set(m);
    this.form.setValue(draftOf(m));
    this.clearMessages();
    this.focusTitle();
  }

  /** Back to adding a new meeting, unless another one is being changed. */
  stopEditing(meetingId?: string): void {
    if (meetingId && this.editing()?.id !== meetingId) return;
    this.editing.set(null);
    this.clearMessages();
    this.form.setValue(this.nextMeeting());
  }

  protected cancel(): void {
    this.stopEditing();
  }

  protected async save(): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    this.clearMessages();
    const draft = this.form.getRawValue();
    const problems = meetingProblems(draft);
    if (problems.length) {
      this.localErrors.set(problems);
      afterRender(this.injector, () => this.summaryBox()?.focus());
      return;
    }
    this.busy.set(true);
    try {
      const editing = this.editing();
      const input = meetingInput(draft);
      if (editing) {
        await firstValueFrom(this.api.updateMeeting(editing.id, input));
      } else {
        await firstValueFrom(this.api.createMeeting(cohort.id, input));
      }
      await this.store.reload();
      this.editing.set(null);
      this.savedNote.set(editing ? 'setup.meetings.updated' : 'setup.meetings.added');
      this.form.setValue(this.nextMeeting());
      this.focusTitle();
    } catch (e) {
      this.apiError.set(toApiError(e));
      afterRender(this.injector, () => this.summaryBox()?.focus());
    } finally {
      this.busy.set(false);
    }
  }

  private nextMeeting(): MeetingDraft {
    const own = this.holidays.hasValue() ? this.holidays.value() : null;
    return nextDraft(this.store.meetings().at(-1) ?? null, own && !own.isDefault ? own : null);
  }

  private formFor(draft: MeetingDraft) {
    const fb = inject(NonNullableFormBuilder);
    return fb.group({ ...draft, mode: fb.control<MeetingDraft['mode']>(draft.mode) });
  }

  private clearMessages(): void {
    this.localErrors.set([]);
    this.apiError.set(null);
    this.savedNote.set(null);
  }

  private focusTitle(): void {
    afterRender(this.injector, () => this.document.getElementById('meeting-title')?.focus());
  }
}
