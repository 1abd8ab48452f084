import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  DOCUMENT,
  computed,
  linkedSignal,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupMeeting } from '@stl/web/data-access';
import { MIN_MEETINGS } from '@stl/shared/domain';
import { ErrorSummaryComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { afterRender, errorOf, summaryItems } from './form-errors';
import type { FieldError } from './form-errors';
import { EMPTY_MEETING, draftOf, meetingInput, meetingProblems, nextDraft } from './meeting-form';
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

/** Step 2: the joint meetings (at least eight), added, changed and removed one at a time. */
@Component({
  selector: 'stl-setup-meetings-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ErrorSummaryComponent, StatusBadgeComponent, ...FORMAT_PIPES],
  styleUrl: './setup-form.css',
  template: `
    <h2 id="meetings-heading">
      {{ 'setup.meetings.heading' | transloco: { count: store.meetings().length, min: min } }}
    </h2>
    <p>{{ 'setup.meetings.lead' | transloco: { min: min } }}</p>

    @if (store.meetings().length) {
      <div class="table-wrap">
        <table data-testid="meeting-table">
          <caption>
            {{
              'setup.meetings.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'setup.meetings.number' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.titleCol' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.when' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.where' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (m of store.meetings(); track m.id) {
              <tr data-testid="setup-meeting">
                <td>{{ m.number }}</td>
                <th scope="row">{{ m.title }}</th>
                <td>
                  {{ m.startsAt | stlDateTime: lang() }}–{{ m.endsAt | stlTime: lang() }} ({{
                    m.startsAt | stlWeek: lang()
                  }})
                </td>
                <td>
                  <stl-status-badge [tone]="m.mode === 'DIGITAL' ? 'info' : 'neutral'">{{
                    'meetingMode.' + m.mode | transloco
                  }}</stl-status-badge>
                  {{ m.location ?? '' }}
                </td>
                <td>
                  @if (confirmingDelete() === m.id) {
                    <span
                      role="group"
                      [attr.aria-label]="'setup.meetings.confirmDelete' | transloco: { title: m.title }"
                    >
                      <button type="button" class="button danger" (click)="remove(m)" [disabled]="busy()">
                        {{ 'setup.meetings.confirmDelete' | transloco: { title: m.title } }}
                      </button>
                      <button type="button" class="link-button" (click)="confirmingDelete.set(null)">
                        {{ 'setup.common.cancel' | transloco }}
                      </button>
                    </span>
                  } @else {
                    <button type="button" class="link-button" (click)="edit(m)">
                      {{ 'setup.meetings.edit' | transloco: { number: m.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirmingDelete.set(m.id)">
                      {{ 'setup.meetings.delete' | transloco: { number: m.number } }}
                    </button>
                    <a [routerLink]="['/cohorts', store.cohort()?.id, 'meetings', m.id, 'attendance']">{{
                      'setup.meetings.attendance' | transloco: { number: m.number }
                    }}</a>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (deleteError(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }

    <h2 id="meeting-form-heading">
      {{
        (editing() ? 'setup.meetings.editHeading' : 'setup.meetings.addHeading')
          | transloco: { number: editingNumber() }
      }}
    </h2>
    @if (savedNote(); as note) {
      <p role="status" class="notice notice--success">{{ note | transloco }}</p>
    }
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="summary()" />
    <form
      class="form-grid"
      (submit)="$event.preventDefault(); save()"
      novalidate
      aria-labelledby="meeting-form-heading"
    >
      <div class="field" [class.field--invalid]="err('title')">
        <label for="meeting-title">{{ 'setup.meetings.title' | transloco }}</label>
        @if (err('title'); as e) {
          <p class="field__error" id="meeting-title-error">{{ e | transloco }}</p>
        }
        <input
          id="meeting-title"
          type="text"
          [value]="draft().title"
          (input)="set('title', $event)"
          [attr.aria-invalid]="!!err('title')"
          [attr.aria-describedby]="err('title') ? 'meeting-title-error' : null"
        />
      </div>
      <div class="form-row">
        <div class="field" [class.field--invalid]="err('date')">
          <label for="meeting-date">{{ 'setup.meetings.date' | transloco }}</label>
          @if (err('date'); as e) {
            <p class="field__error" id="meeting-date-error">{{ e | transloco }}</p>
          }
          <input
            id="meeting-date"
            type="date"
            [value]="draft().date"
            (input)="set('date', $event)"
            [attr.aria-invalid]="!!err('date')"
            [attr.aria-describedby]="err('date') ? 'meeting-date-error' : null"
          />
        </div>
        <div class="field" [class.field--invalid]="err('startTime')">
          <label for="meeting-start">{{ 'setup.meetings.start' | transloco }}</label>
          @if (err('startTime'); as e) {
            <p class="field__error" id="meeting-start-error">{{ e | transloco }}</p>
          }
          <input
            id="meeting-start"
            type="time"
            [value]="draft().startTime"
            (input)="set('startTime', $event)"
            [attr.aria-invalid]="!!err('startTime')"
            [attr.aria-describedby]="err('startTime') ? 'meeting-start-error' : null"
          />
        </div>
        <div class="field" [class.field--invalid]="err('endTime')">
          <label for="meeting-end">{{ 'setup.meetings.end' | transloco }}</label>
          @if (err('endTime'); as e) {
            <p class="field__error" id="meeting-end-error">{{ e | transloco }}</p>
          }
          <input
            id="meeting-end"
            type="time"
            [value]="draft().endTime"
            (input)="set('endTime', $event)"
            [attr.aria-invalid]="!!err('endTime')"
            [attr.aria-describedby]="err('endTime') ? 'meeting-end-error' : null"
          />
        </div>
      </div>
      <fieldset>
        <legend>{{ 'setup.meetings.mode' | transloco }}</legend>
        <label class="choice">
          <input
            type="radio"
            name="meeting-mode"
            value="PHYSICAL"
            [checked]="draft().mode === 'PHYSICAL'"
            (change)="setMode('PHYSICAL')"
          />
          {{ 'meetingMode.PHYSICAL' | transloco }}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="meeting-mode"
            value="DIGITAL"
            [checked]="draft().mode === 'DIGITAL'"
            (change)="setMode('DIGITAL')"
          />
          {{ 'meetingMode.DIGITAL' | transloco }}
        </label>
      </fieldset>
      @if (draft().mode === 'PHYSICAL') {
        <div class="field" [class.field--invalid]="err('location')">
          <label for="meeting-location">{{ 'setup.meetings.location' | transloco }}</label>
          @if (err('location'); as e) {
            <p class="field__error" id="meeting-location-error">{{ e | transloco }}</p>
          }
          <input
            id="meeting-location"
            type="text"
            [value]="draft().location"
            (input)="set('location', $event)"
            [attr.aria-invalid]="!!err('location')"
            [attr.aria-describedby]="err('location') ? 'meeting-location-error' : null"
          />
        </div>
      }
      <div class="field" [class.field--invalid]="err('videoUrl')">
        <label for="meeting-video">{{
          (draft().mode === 'DIGITAL' ? 'setup.meetings.video' : 'setup.meetings.videoOptional') | transloco
        }}</label>
        <p class="field__hint" id="meeting-video-hint">{{ 'setup.meetings.videoHint' | transloco }}</p>
        @if (err('videoUrl'); as e) {
          <p class="field__error" id="meeting-video-error">{{ e | transloco }}</p>
        }
        <input
          id="meeting-video"
          type="url"
          [value]="draft().videoUrl"
          (input)="set('videoUrl', $event)"
          [attr.aria-invalid]="!!err('videoUrl')"
          [attr.aria-describedby]="
            err('videoUrl') ? 'meeting-video-hint meeting-video-error' : 'meeting-video-hint'
          "
        />
      </div>
      <div class="field" [class.field--invalid]="err('theme')">
        <label for="meeting-theme">{{ 'setup.meetings.theme' | transloco }}</label>
        @if (err('theme'); as e) {
          <p class="field__error" id="meeting-theme-error">{{ e | transloco }}</p>
        }
        <input id="meeting-theme" type="text" [value]="draft().theme" (input)="set('theme', $event)" />
      </div>
      <div class="field" [class.field--invalid]="err('preparation')">
        <label for="meeting-preparation">{{ 'setup.meetings.preparation' | transloco }}</label>
        <p class="field__hint" id="meeting-preparation-hint">
          {{ 'setup.meetings.preparationHint' | transloco }}
        </p>
        <textarea
          id="meeting-preparation"
          rows="3"
          [value]="draft().preparation"
          (input)="set('preparation', $event)"
          aria-describedby="meeting-preparation-hint"
        ></textarea>
      </div>
      <div class="field" [class.field--invalid]="err('discussionQuestions')">
        <label for="meeting-questions">{{ 'setup.meetings.questions' | transloco }}</label>
        <p class="field__hint" id="meeting-questions-hint">
          {{ 'setup.meetings.questionsHint' | transloco }}
        </p>
        <textarea
          id="meeting-questions"
          rows="3"
          [value]="draft().questions"
          (input)="set('questions', $event)"
          aria-describedby="meeting-questions-hint"
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ (editing() ? 'setup.meetings.saveChanges' : 'setup.meetings.add') | transloco }}
        </button>
        @if (editing()) {
          <button type="button" class="button" (click)="cancelEdit()">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
})
export class MeetingsStep {
  private readonly injector = inject(Injector);
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly min = MIN_MEETINGS;

  /** Starts from the meeting after the last one planned, once the plan is known; then it is the form's. */
  protected readonly draft = linkedSignal<boolean, MeetingDraft>({
    source: () => this.store.cohort() !== null,
    computation: (loaded, previous) => {
      if (previous && previous.source === loaded) return previous.value;
      return loaded ? untracked(() => nextDraft(this.store.meetings().at(-1) ?? null)) : EMPTY_MEETING;
    },
  });
  protected readonly editing = signal<SetupMeeting | null>(null);
  protected readonly editingNumber = computed(() => this.editing()?.number ?? 0);
  protected readonly busy = signal(false);
  protected readonly localErrors = signal<FieldError[]>([]);
  protected readonly apiError = signal<ApiError | null>(null);
  protected readonly deleteError = signal<ApiError | null>(null);
  protected readonly savedNote = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  protected readonly summary = computed(() =>
    summaryItems(this.localErrors(), this.apiError(), (f) => FIELD_IDS[f] ?? null),
  );

  protected err(field: string): string | null {
    const alias: Record<string, string> = { startTime: 'startsAt', endTime: 'endsAt' };
    return (
      errorOf(this.localErrors(), this.apiError(), field) ??
      (alias[field] ? errorOf([], this.apiError(), alias[field]) : null)
    );
  }

  protected set(field: keyof MeetingDraft, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setMode(mode: MeetingDraft['mode']): void {
    this.draft.update((d) => ({ ...d, mode }));
  }

  protected edit(m: SetupMeeting): void {
    this.editing.set(m);
    this.draft.set(draftOf(m));
    this.clearMessages();
    afterRender(this.injector, () => this.document.getElementById('meeting-title')?.focus());
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.clearMessages();
    this.draft.set(nextDraft(this.store.meetings().at(-1) ?? null));
  }

  private clearMessages(): void {
    this.localErrors.set([]);
    this.apiError.set(null);
    this.savedNote.set(null);
  }

  protected async save(): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    this.clearMessages();
    const problems = meetingProblems(this.draft());
    if (problems.length) {
      this.localErrors.set(problems);
      afterRender(this.injector, () => this.summaryBox()?.focus());
      return;
    }
    this.busy.set(true);
    try {
      const editing = this.editing();
      const input = meetingInput(this.draft());
      if (editing) {
        await firstValueFrom(this.api.updateMeeting(editing.id, input));
      } else {
        await firstValueFrom(this.api.createMeeting(cohort.id, input));
      }
      await this.store.reload();
      this.editing.set(null);
      this.savedNote.set(editing ? 'setup.meetings.updated' : 'setup.meetings.added');
      this.draft.set(nextDraft(this.store.meetings().at(-1) ?? null));
      afterRender(this.injector, () => this.document.getElementById('meeting-title')?.focus());
    } catch (e) {
      this.apiError.set(toApiError(e));
      afterRender(this.injector, () => this.summaryBox()?.focus());
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(m: SetupMeeting): Promise<void> {
    this.busy.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.api.deleteMeeting(m.id));
      this.confirmingDelete.set(null);
      if (this.editing()?.id === m.id) this.cancelEdit();
      await this.store.reload();
    } catch (e) {
      this.deleteError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
