import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, SessionStore, apiResource, problemKey, sectionOfProblem } from '@stl/web/data-access';
import type { ApiError, FieldProblem, TemplateSection } from '@stl/web/data-access';
import {
  AutosaveIndicatorComponent,
  ErrorSummaryComponent,
  LoadDirective,
  PageHeaderComponent,
  StatusBadgeComponent,
} from '@stl/web/ui';
import type { ErrorSummaryItem } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { roundTitleBesideNumber } from '@stl/shared/domain';
import { isBlank } from '../text/rich-text';
import { SectionAttachmentsComponent } from '../attachments/section-attachments.component';
import { ConflictPanelComponent } from './conflict-panel.component';
import { SetAsidePanelComponent } from './set-aside-panel.component';
import { VersionHistoryComponent } from './version-history.component';
import type { RestoreSection } from './version-history.component';
import { DraftEditor } from './draft-editor';
import type { ConflictChoice } from './draft-editor';
import { SectionEditorComponent } from './section-editor.component';

const CONFIRM_ID = 'confirm-no-pupil';

/**
 * A participant writes their analysis for a round in the round's template: one text per section,
 * autosaved as they type, published to the cohort with a privacy confirmation.
 */
@Component({
  selector: 'stl-analysis-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    AutosaveIndicatorComponent,
    ErrorSummaryComponent,
    ConflictPanelComponent,
    SetAsidePanelComponent,
    VersionHistoryComponent,
    SectionEditorComponent,
    SectionAttachmentsComponent,
    ...FORMAT_PIPES,
  ],
  providers: [DraftEditor],
  templateUrl: './analysis-editor.page.html',
  styleUrl: './analysis-editor.page.css',
})
export class AnalysisEditorPage {
  private readonly api = inject(AnalysisApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly editor = inject(DraftEditor);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly confirmId = CONFIRM_ID;

  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly roundId = input.required<string>();

  protected readonly state = apiResource({
    params: () => ({ cohortId: this.cohortId(), roundId: this.roundId() }),
    stream: ({ cohortId, roundId }) => this.api.editor(cohortId, roundId),
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly sections = computed<readonly TemplateSection[]>(() =>
    [...(this.data()?.analysisRound.templateVersion.sections ?? [])].sort((a, b) => a.position - b.position),
  );
  /** The round's title beside its number, unless it only repeats the number ("Analys 3"). */
  protected readonly roundTitle = computed(() => {
    const round = this.data()?.analysisRound;
    return round ? roundTitleBesideNumber(round.title, round.number) : null;
  });
  /** The titles of the sections just taken in from another tab or device, or null. */
  protected readonly mergedTitles = computed(() => {
    const keys = new Set(this.editor.mergedIn());
    const titles = this.sections()
      .filter((s) => keys.has(s.key))
      .map((s) => `${s.position}. ${s.title}`);
    return titles.length ? titles.join(', ') : null;
  });
  protected readonly isParticipant = computed(() => this.data()?.cohort.viewerRole === 'PARTICIPANT');

  protected readonly confirmed = signal(false);
  protected readonly publishing = signal(false);
  protected readonly published = signal(false);
  /** Translation keys of problems per section key (and CONFIRM_ID), shown beside each field. */
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly formError = signal<ApiError | 'notSaved' | null>(null);
  /** The title of the section just restored from the version history, for the status line. */
  protected readonly restoredTitle = signal<string | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    const errors = this.fieldErrors();
    for (const s of this.sections()) {
      const key = errors[s.key];
      if (key) items.push({ target: `section-${s.key}`, key, params: { section: s.title } });
    }
    if (errors[CONFIRM_ID]) items.push({ target: CONFIRM_ID, key: errors[CONFIRM_ID] });
    const formError = this.formError();
    if (formError === 'notSaved') items.push({ key: 'editor.publishNotSaved' });
    else if (formError) items.push({ key: formError.messageKey });
    return items;
  });

  constructor() {
    effect(() => {
      const data = this.data();
      const personId = this.session.viewer()?.person.id;
      if (!data || !personId) return;
      untracked(() => this.editor.start(personId, data.analysisRound.id, data.myAnalysis));
    });
  }

  protected textOf(key: string): string {
    return this.editor.answers()[key] ?? '';
  }

  protected onChange(key: string, html: string): void {
    this.editor.edit(key, html);
    this.published.set(false);
    if (this.fieldErrors()[key] && !isBlank(this.textOf(key))) {
      this.fieldErrors.update(({ [key]: _fixed, ...rest }) => rest);
    }
  }

  /** A conflict decided for one section: the panel's part goes away, so focus goes to that section. */
  protected choose(key: string, choice: ConflictChoice): void {
    this.editor.choose(key, choice);
    afterNextRender(() => this.document.getElementById(`section-${key}`)?.focus(), {
      injector: this.injector,
    });
  }

  /** A section put back from the version history: an edit like any other, so it saves as usual. */
  protected restoreFromHistory({ sectionKey, html }: RestoreSection): void {
    this.onChange(sectionKey, html);
    const section = this.sections().find((s) => s.key === sectionKey);
    this.restoredTitle.set(section ? `${section.position}. ${section.title}` : sectionKey);
    afterNextRender(() => this.document.getElementById(`section-${sectionKey}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected onConfirm(event: Event): void {
    this.confirmed.set((event.target as HTMLInputElement).checked);
    if (this.confirmed()) this.fieldErrors.update(({ [CONFIRM_ID]: _fixed, ...rest }) => rest);
  }

  protected async publish(): Promise<void> {
    this.formError.set(null);
    this.published.set(false);
    const errors: Record<string, string> = {};
    for (const s of this.sections()) {
      if (s.required && isBlank(this.textOf(s.key))) errors[s.key] = 'problems.REQUIRED_SECTION_EMPTY';
    }
    if (!this.confirmed()) errors[CONFIRM_ID] = 'problems.CONFIRMATION_REQUIRED';
    this.fieldErrors.set(errors);
    if (Object.keys(errors).length) return this.focusSummary();

    this.publishing.set(true);
    try {
      const outcome = await this.editor.publish(true);
      switch (outcome.kind) {
        case 'published':
          this.published.set(true);
          this.confirmed.set(false);
          return;
        case 'problems':
          this.fieldErrors.set(this.fieldErrorsOf(outcome.problems));
          return this.focusSummary();
        case 'notSaved':
          if (!this.editor.conflict()) this.formError.set('notSaved');
          return this.focusSummary();
        case 'error':
          this.formError.set(outcome.error);
          return this.focusSummary();
      }
    } finally {
      this.publishing.set(false);
    }
  }

  protected sectionError(key: string): string | null {
    return this.fieldErrors()[key] ?? null;
  }

  private fieldErrorsOf(problems: readonly FieldProblem[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of problems) {
      const section = sectionOfProblem(p);
      if (section) out[section] = problemKey(p);
      else if (p.field === 'confirmNoPupilIdentifiable') out[CONFIRM_ID] = problemKey(p);
    }
    return out;
  }

  private focusSummary(): void {
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
