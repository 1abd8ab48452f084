import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  DOCUMENT,
  computed,
  linkedSignal,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupRound } from '@stl/web/data-access';
import { MIN_ANALYSIS_ROUNDS, MIN_MEETINGS } from '@stl/shared/domain';
import { ErrorSummaryComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { catchError, firstValueFrom, of } from 'rxjs';
import { derivableRoundCount, deriveRounds } from './derive-rounds';
import type { DerivedRound } from './derive-rounds';
import { afterRender, errorOf, fieldErrorKey, summaryItems } from './form-errors';
import type { FieldError } from './form-errors';
import { EMPTY_ROUND, planFrom, roundDraftOf, roundInput, roundProblems } from './round-form';
import type { RoundDraft } from './round-form';
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

const DATE_FIELDS = [
  { key: 'opens', label: 'setup.rounds.opens' },
  { key: 'submission', label: 'setup.rounds.submission' },
  { key: 'feedback', label: 'setup.rounds.feedback' },
] as const;

/** Step 3: the analysis rounds (at least six), derived from the meetings and adjusted by hand. */
@Component({
  selector: 'stl-setup-rounds-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ErrorSummaryComponent, ...FORMAT_PIPES],
  styleUrl: './setup-form.css',
  template: `
    <h2>
      {{ 'setup.rounds.heading' | transloco: { count: store.cohort()?.rounds?.length ?? 0, min: minRounds } }}
    </h2>
    <p>{{ 'setup.rounds.lead' | transloco: { min: minRounds } }}</p>

    <div class="field template-field">
      <label for="round-template">{{ 'setup.rounds.template' | transloco }}</label>
      <p class="field__hint" id="round-template-hint">{{ 'setup.rounds.templateHint' | transloco }}</p>
      <select
        id="round-template"
        [value]="templateVersionId()"
        (change)="templateVersionId.set(val($event))"
        aria-describedby="round-template-hint"
      >
        @for (t of versions(); track t.versionId) {
          <option [value]="t.versionId">
            {{ 'setup.rounds.templateOption' | transloco: { name: t.name, version: t.version } }}
          </option>
        }
      </select>
    </div>

    @if (rounds().length) {
      <div class="table-wrap">
        <table data-testid="round-table">
          <caption>
            {{
              'setup.rounds.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'setup.rounds.titleCol' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.opens' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.submission' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.feedback' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.meeting' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rounds(); track r.id) {
              <tr data-testid="setup-round">
                <th scope="row">{{ r.number }}. {{ r.title }}</th>
                <td>{{ r.opensAt | stlDateTime: lang() }}</td>
                <td>
                  {{ r.submissionDeadline | stlDateTime: lang() }} ({{
                    r.submissionDeadline | stlWeek: lang()
                  }})
                </td>
                <td>
                  {{ r.feedbackDeadline | stlDateTime: lang() }} ({{ r.feedbackDeadline | stlWeek: lang() }})
                </td>
                <td>{{ meetingLabel(r.meetingId) }}</td>
                <td>
                  @if (confirmingDelete() === r.id) {
                    <button type="button" class="button danger" (click)="remove(r)" [disabled]="busy()">
                      {{ 'setup.rounds.confirmDelete' | transloco: { number: r.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirmingDelete.set(null)">
                      {{ 'setup.common.cancel' | transloco }}
                    </button>
                  } @else {
                    <button type="button" class="link-button" (click)="edit(r)">
                      {{ 'setup.rounds.edit' | transloco: { number: r.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirmingDelete.set(r.id)">
                      {{ 'setup.rounds.delete' | transloco: { number: r.number } }}
                    </button>
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

    <section aria-labelledby="derive-heading" class="card">
      <h3 id="derive-heading">{{ 'setup.rounds.deriveHeading' | transloco }}</h3>
      <p>{{ 'setup.rounds.deriveRule' | transloco }}</p>
      @if (derivable() < minRounds) {
        <p class="notice notice--warning">
          {{
            'setup.rounds.deriveNeedsMeetings'
              | transloco: { meetings: store.meetings().length, needed: minMeetingsForRounds }
          }}
        </p>
      }
      <button type="button" class="button" (click)="derive()" [disabled]="derivable() === 0 || busy()">
        {{ 'setup.rounds.derive' | transloco }}
      </button>
      @if (derived(); as proposal) {
        <div class="table-wrap">
          <table data-testid="derived-table">
            <caption>
              {{
                'setup.rounds.derivedCaption' | transloco: { count: proposal.length }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'setup.rounds.titleCol' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.opens' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.submission' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.feedback' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.meeting' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.change' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of proposal; track d.number) {
                <tr>
                  <th scope="row">{{ d.number }}</th>
                  <td>{{ d.opensAt | stlDateTime: lang() }}</td>
                  <td>
                    {{ d.submissionDeadline | stlDateTime: lang() }} ({{
                      d.submissionDeadline | stlWeek: lang()
                    }})
                  </td>
                  <td>
                    {{ d.feedbackDeadline | stlDateTime: lang() }} ({{
                      d.feedbackDeadline | stlWeek: lang()
                    }})
                  </td>
                  <td>{{ meetingLabel(d.meetingId) }}</td>
                  <td>
                    {{
                      (roundByNumber(d.number) ? 'setup.rounds.willUpdate' : 'setup.rounds.willCreate')
                        | transloco
                    }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (applyError(); as e) {
          <div class="notice notice--error" role="alert" data-testid="plan-refused">
            <p>{{ 'setup.rounds.planRefused' | transloco }}</p>
            @if (planProblems().length) {
              <ul>
                @for (p of planProblems(); track $index) {
                  <li>
                    @if (p.number !== null) {
                      {{ 'setup.rounds.refusedRound' | transloco: { number: p.number } }}:
                    }
                    {{ p.key | transloco }}
                  </li>
                }
              </ul>
            } @else {
              <p>{{ e.messageKey | transloco }}</p>
            }
          </div>
        }
        <div class="actions">
          <button
            type="button"
            class="button button--primary"
            (click)="applyDerived(proposal)"
            [disabled]="busy()"
          >
            {{ 'setup.rounds.applyDerived' | transloco: { count: proposal.length } }}
          </button>
          <button type="button" class="button" (click)="derived.set(null)">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        </div>
      }
      @if (appliedNote()) {
        <p role="status" class="notice notice--success">
          {{ 'setup.rounds.applied' | transloco: { count: appliedNote() } }}
        </p>
      }
    </section>

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
      (submit)="$event.preventDefault(); save()"
      novalidate
      aria-labelledby="round-form-heading"
    >
      <div class="field" [class.field--invalid]="err('title')">
        <label for="round-title">{{ 'setup.rounds.title' | transloco }}</label>
        @if (err('title'); as e) {
          <p class="field__error" id="round-title-error">{{ e | transloco }}</p>
        }
        <input
          id="round-title"
          type="text"
          [value]="draft().title"
          (input)="set('title', $event)"
          [attr.aria-invalid]="!!err('title')"
          [attr.aria-describedby]="err('title') ? 'round-title-error' : null"
        />
      </div>
      @for (f of dateFields; track f.key) {
        <fieldset [class.field--invalid]="err(f.key + 'Date') || err(f.key + 'Time')">
          <legend>{{ f.label | transloco }}</legend>
          @if (err(f.key + 'Date') || err(f.key + 'Time'); as e) {
            <p class="field__error" [id]="'round-' + f.key + '-error'">{{ e | transloco }}</p>
          }
          <div class="form-row">
            <div class="field">
              <label [for]="'round-' + f.key + '-date'">{{ 'setup.rounds.date' | transloco }}</label>
              <input
                [id]="'round-' + f.key + '-date'"
                type="date"
                [value]="draftValue(f.key + 'Date')"
                (input)="set(f.key + 'Date', $event)"
                [attr.aria-invalid]="!!err(f.key + 'Date')"
                [attr.aria-describedby]="err(f.key + 'Date') ? 'round-' + f.key + '-error' : null"
              />
            </div>
            <div class="field">
              <label [for]="'round-' + f.key + '-time'">{{ 'setup.rounds.time' | transloco }}</label>
              <input
                [id]="'round-' + f.key + '-time'"
                type="time"
                [value]="draftValue(f.key + 'Time')"
                (input)="set(f.key + 'Time', $event)"
                [attr.aria-invalid]="!!err(f.key + 'Time')"
                [attr.aria-describedby]="err(f.key + 'Time') ? 'round-' + f.key + '-error' : null"
              />
            </div>
          </div>
        </fieldset>
      }
      <div class="field">
        <label for="round-meeting">{{ 'setup.rounds.meeting' | transloco }}</label>
        <select id="round-meeting" [value]="draft().meetingId" (change)="set('meetingId', $event)">
          <option value="">{{ 'setup.rounds.noMeeting' | transloco }}</option>
          @for (m of store.meetings(); track m.id) {
            <option [value]="m.id">{{ meetingLabel(m.id) }}</option>
          }
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ (editing() ? 'setup.rounds.saveChanges' : 'setup.rounds.add') | transloco }}
        </button>
        @if (editing()) {
          <button type="button" class="button" (click)="cancelEdit()">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
  styles: `
    .template-field {
      max-width: 40rem;
      margin-block-end: 1rem;
    }
    .card h3 {
      margin-top: 0;
    }
  `,
})
export class RoundsStep {
  private readonly injector = inject(Injector);
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly minRounds = MIN_ANALYSIS_ROUNDS;
  protected readonly minMeetingsForRounds = MIN_MEETINGS;
  protected readonly dateFields = DATE_FIELDS;

  private readonly templates = toSignal(this.api.templates().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly versions = computed(() =>
    this.templates().flatMap((t) =>
      t.latestVersion
        ? [{ versionId: t.latestVersion.id, name: t.name, version: t.latestVersion.version }]
        : [],
    ),
  );
  /** The template of the rounds already planned, else the first one offered, until one is chosen. */
  protected readonly templateVersionId = linkedSignal<string, string>({
    source: () => this.rounds()[0]?.templateVersionId ?? this.versions()[0]?.versionId ?? '',
    computation: (fallback, previous) => previous?.value || fallback,
  });
  protected readonly rounds = computed(() =>
    [...(this.store.cohort()?.rounds ?? [])].sort((a, b) => a.number - b.number),
  );
  protected readonly derivable = computed(() => derivableRoundCount(this.store.meetings().length));
  protected readonly derived = signal<DerivedRound[] | null>(null);
  protected readonly applyError = signal<ApiError | null>(null);
  protected readonly appliedNote = signal(0);
  protected readonly planProblems = signal<{ number: number | null; key: string }[]>([]);

  protected readonly draft = signal<RoundDraft>(EMPTY_ROUND);
  protected readonly editing = signal<SetupRound | null>(null);
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

  protected val(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected draftValue(field: string): string {
    return this.draft()[field as keyof RoundDraft];
  }

  protected set(field: string, event: Event): void {
    const value = this.val(event);
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected err(field: string): string | null {
    const alias: Record<string, string> = {
      opensDate: 'opensAt',
      submissionDate: 'submissionDeadline',
      feedbackDate: 'feedbackDeadline',
    };
    return (
      errorOf(this.localErrors(), this.apiError(), field) ??
      (alias[field] ? errorOf([], this.apiError(), alias[field]) : null)
    );
  }

  protected problemText(code: string): string {
    return errorOf([{ field: 'x', code }], null, 'x') ?? 'problems.INVALID';
  }

  protected meetingLabel(id: string | null | undefined): string {
    const m = this.store.meetings().find((x) => x.id === id);
    return m ? this.transloco.translate('cohort.meetingTitle', { number: m.number, title: m.title }) : '–';
  }

  protected roundByNumber(n: number): SetupRound | undefined {
    return this.rounds().find((r) => r.number === n);
  }

  protected derive(): void {
    this.applyError.set(null);
    this.appliedNote.set(0);
    const wanted = Math.max(MIN_ANALYSIS_ROUNDS, this.rounds().length);
    this.derived.set(deriveRounds(this.store.meetings(), wanted));
  }

  /**
   * Saves the proposal as the cohort's whole round plan in one call (planRounds): rounds that exist
   * get the proposed dates, missing ones are created, any others are kept as they are. The API
   * saves all of it or nothing, and lists every refused round.
   */
  protected async applyDerived(proposal: DerivedRound[]): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    const plan = planFrom(this.rounds(), proposal, this.templateVersionId(), (n) =>
      this.transloco.translate('setup.rounds.defaultTitle', { number: n }),
    );
    this.busy.set(true);
    this.applyError.set(null);
    this.planProblems.set([]);
    try {
      await firstValueFrom(this.api.planRounds(cohort.id, plan));
      this.derived.set(null);
      this.appliedNote.set(proposal.length);
    } catch (e) {
      const error = toApiError(e);
      this.applyError.set(error);
      this.planProblems.set(
        error.problems.map((p) => {
          const index = /^rounds\.(\d+)\./.exec(p.field)?.[1];
          return {
            number: index === undefined ? null : (plan[Number(index)]?.number ?? null),
            key: fieldErrorKey(p.code),
          };
        }),
      );
    } finally {
      await this.store.reload();
      this.busy.set(false);
    }
  }

  protected edit(r: SetupRound): void {
    this.editing.set(r);
    this.draft.set(roundDraftOf(r));
    this.clearMessages();
    afterRender(this.injector, () => this.document.getElementById('round-title')?.focus());
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.draft.set(EMPTY_ROUND);
    this.clearMessages();
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
    const problems = roundProblems(this.draft());
    if (problems.length) {
      this.localErrors.set(problems);
      afterRender(this.injector, () => this.summaryBox()?.focus());
      return;
    }
    this.busy.set(true);
    try {
      const editing = this.editing();
      const input = roundInput(this.draft());
      if (editing) await firstValueFrom(this.api.updateRound(editing.id, input));
      else
        await firstValueFrom(
          this.api.createRound(cohort.id, { ...input, templateVersionId: this.templateVersionId() }),
        );
      await this.store.reload();
      this.editing.set(null);
      this.draft.set(EMPTY_ROUND);
      this.savedNote.set(editing ? 'setup.rounds.updated' : 'setup.rounds.added');
    } catch (e) {
      this.apiError.set(toApiError(e));
      afterRender(this.injector, () => this.summaryBox()?.focus());
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(r: SetupRound): Promise<void> {
    this.busy.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.api.deleteRound(r.id));
      this.confirmingDelete.set(null);
      if (this.editing()?.id === r.id) this.cancelEdit();
      await this.store.reload();
    } catch (e) {
      this.deleteError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
