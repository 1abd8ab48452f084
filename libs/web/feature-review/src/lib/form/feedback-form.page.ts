import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
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
import { richTextToPlainText, roundTitleBesideNumber } from '@stl/shared/domain';
import { guessCoachLanguage } from '@stl/shared/domain/feedback-coach';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ReviewApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, FeedbackItem } from '@stl/web/data-access';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { ErrorSummaryItem } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { feedbackOverviewPath, receivedFeedbackPath } from '../review.paths';
import { AnnotatedAnalysisComponent } from '../passages/annotated-analysis.component';
import { FeedbackCardComponent } from '../shared/feedback-card.component';
import {
  FEEDBACK_PARTS,
  MAX_FEEDBACK_PART_LENGTH,
  asPartProblem,
  feedbackProblems,
  partCount,
  partOfField,
} from '../shared/feedback-rules';
import type { FeedbackPart, FeedbackTexts } from '../shared/feedback-rules';
import { FeedbackDraftStore, emptyTexts, feedbackDraftKey, hasText } from './feedback-draft';
import { FeedbackCoachComponent } from './feedback-coach.component';

/** The API's RequirableQuality values, by the analyser's (and the checklist's) keys. */
const QUALITY_KEY: Record<string, string> = {
  ANCHORED: 'anchored',
  QUESTION: 'question',
  NEXT_STEP: 'nextStep',
  ABOUT_LEARNING: 'aboutLearning',
};

/**
 * Feedback on one published analysis, for its critical friends and its course leaders alike (the
 * API decides who holds an assignment on it): the analysis, read-only, beside the three-part,
 * forward-looking form. Each part shows its length against the cohort's minimum as the reviewer
 * types; the text is kept in this browser until the API has it; it is final once sent.
 */
@Component({
  selector: 'stl-feedback-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ErrorSummaryComponent,
    FeedbackCardComponent,
    AnnotatedAnalysisComponent,
    FeedbackCoachComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './feedback-form.page.html',
  styleUrl: './feedback-form.page.css',
})
export class FeedbackFormPage {
  private readonly api = inject(ReviewApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly parts = FEEDBACK_PARTS;
  protected readonly maxLength = MAX_FEEDBACK_PART_LENGTH;

  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly analysisId = input.required<string>();

  protected readonly state = apiResource({
    params: () => ({ cohortId: this.cohortId(), analysisId: this.analysisId() }),
    stream: ({ cohortId, analysisId }) => this.api.form(cohortId, analysisId),
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  /** The round's title, unless it only repeats the number the heading already gives ("Analys 3"). */
  protected readonly roundTitle = computed(() => {
    const round = this.data()?.analysis.round;
    return round ? roundTitleBesideNumber(round.title, round.number) : null;
  });
  protected readonly overviewPath = computed(() => feedbackOverviewPath(this.cohortId()));
  protected readonly receivedPath = computed(() => receivedFeedbackPath(this.cohortId(), this.analysisId()));

  protected readonly analysis = computed(() => this.data()?.analysis ?? null);
  protected readonly sections = computed(() =>
    [...(this.analysis()?.round.templateVersion.sections ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly answers = computed(
    () => new Map(this.analysis()?.current?.answers.map((a) => [a.sectionKey, a.html]) ?? []),
  );
  /**
   * The published text as plain text, for the feedback coach's "refers to the analysis": the
   * answers only, as the server reads them when the feedback is sent (section titles are the
   * template's words, not the author's, and would make the checklist tick where the server does not).
   */
  protected readonly analysisPlainText = computed(() =>
    this.sections()
      .map((s) => richTextToPlainText(this.answers().get(s.key) ?? ''))
      .join('\n\n'),
  );
  /** The feedback as typed, its parts joined, for the coach. */
  protected readonly coachText = computed(() => FEEDBACK_PARTS.map((p) => this.texts()[p]).join('\n'));
  /**
   * The coach reads the feedback in the language it is written in, guessed from the text as the
   * server does, not in the language of the interface: Swedish feedback typed with the English
   * interface must tick the same qualities the server finds when it is sent.
   */
  protected readonly coachLanguage = computed(() => guessCoachLanguage(this.coachText()));
  protected readonly sectionTitles = computed(() => new Map(this.sections().map((s) => [s.key, s.title])));
  protected readonly min = computed(() => this.data()?.cohort.feedbackMinLength ?? 1);
  /** The qualities the cohort's course leaders require (ADR 0035), by the analyser's keys. */
  protected readonly required = computed<string[]>(() =>
    (this.data()?.cohort.requiredFeedbackQualities ?? []).map((q) => QUALITY_KEY[q]),
  );
  protected readonly requiredNames = computed(() => {
    this.lang(); // re-translate when the language changes
    return this.required()
      .map((q) => this.transloco.translate(`review.coach.${q}.name`).toLowerCase())
      .join(', ');
  });
  /** Qualities the API named as missing on the last try to send (FEEDBACK_QUALITY_MISSING). */
  protected readonly refusedQualities = signal<string[]>([]);
  /** My assignment on this analysis (critical friend or course leader), if any. */
  protected readonly assignment = computed(
    () => this.data()?.myReviewTasks.find((t) => t.analysisId === this.analysisId()) ?? null,
  );
  protected readonly isOwnAnalysis = computed(
    () => !!this.analysis() && this.analysis()?.author.id === this.session.viewer()?.person.id,
  );
  protected readonly isLeader = computed(() => this.data()?.cohort.viewerCanManage ?? false);
  /** Feedback given now, or before (then the assignment carries it). */
  private readonly sent = signal<FeedbackItem | null>(null);
  protected readonly given = computed(() => this.sent() ?? this.assignment()?.feedback ?? null);
  protected readonly justSent = computed(() => this.sent() !== null);
  /** A course leader sees the critical friends' feedback on the analysis, to add notes on it. */
  protected readonly peerFeedback = computed(() =>
    this.isLeader() ? (this.analysis()?.feedback ?? []).filter((f) => f.kind === 'PEER') : [],
  );

  protected readonly texts = signal<FeedbackTexts>(emptyTexts());
  protected readonly sectionKey = signal<string | null>(null);
  protected readonly restored = signal(false);
  protected readonly submitting = signal(false);
  /** Translation keys per part, shown beside each field once the reviewer tried to send. */
  protected readonly partErrors = signal<Partial<Record<FeedbackPart, string>>>({});
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly counts = computed(() => {
    const t = this.texts();
    const min = this.min();
    return Object.fromEntries(FEEDBACK_PARTS.map((p) => [p, partCount(t[p], min)])) as Record<
      FeedbackPart,
      ReturnType<typeof partCount>
    >;
  });
  private store: FeedbackDraftStore | null = null;
  private readonly summary = viewChild(ErrorSummaryComponent);
  private readonly sentNotice = viewChild<ElementRef<HTMLElement>>('sentNotice');

  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    const errors = this.partErrors();
    for (const part of FEEDBACK_PARTS) {
      const key = errors[part];
      if (key) items.push({ target: `part-${part}`, key, params: this.errorParams(part) });
    }
    const formError = this.formError();
    if (formError) items.push({ key: formError.messageKey });
    this.lang();
    for (const q of this.refusedQualities()) {
      items.push({
        target: 'coach-heading',
        key: 'review.coach.refusedItem',
        params: {
          name: this.transloco.translate(`review.coach.${q}.name`),
          hint: this.transloco.translate(`review.coach.${q}.hint`),
        },
      });
    }
    return items;
  });

  constructor() {
    effect(() => {
      const assignment = this.assignment();
      const personId = this.session.viewer()?.person.id;
      if (!assignment || assignment.done || !personId) return;
      untracked(() => this.startDraft(personId, assignment.id));
    });
  }

  protected errorParams(part: FeedbackPart): Record<string, unknown> {
    const c = this.counts()[part];
    this.lang(); // re-translate the part's name when the language changes
    const label = this.transloco.translate(`review.parts.${part}.label`);
    return { min: c.min, length: c.length, max: this.maxLength, part: label };
  }

  protected onInput(part: FeedbackPart, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.texts.update((t) => ({ ...t, [part]: value }));
    this.save();
    // An error goes away once the part is fixed, not before.
    if (this.partErrors()[part] && !feedbackProblems(this.texts(), this.min())[part]) {
      this.partErrors.update(({ [part]: _fixed, ...rest }) => rest);
    }
  }

  protected onSection(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.sectionKey.set(value || null);
    this.save();
  }

  protected readonly starting = signal(false);
  protected readonly startError = signal<ApiError | null>(null);

  /** A course leader before allocation: make their leader assignment, then the form opens. */
  protected async startLeaderFeedback(): Promise<void> {
    this.starting.set(true);
    this.startError.set(null);
    try {
      await firstValueFrom(this.api.startLeaderFeedback(this.analysisId()));
      this.state.reload();
    } catch (e) {
      this.startError.set(toApiError(e));
    } finally {
      this.starting.set(false);
    }
  }

  protected reload(): void {
    this.formError.set(null);
    this.state.reload();
  }

  protected async submit(): Promise<void> {
    const assignment = this.assignment();
    const analysis = this.analysis();
    if (!assignment || !analysis) return;
    this.formError.set(null);
    this.refusedQualities.set([]);
    const problems = feedbackProblems(this.texts(), this.min());
    this.partErrors.set(
      Object.fromEntries(Object.entries(problems).map(([part, code]) => [part, `review.problems.${code}`])),
    );
    if (Object.keys(problems).length) return this.focusSummary();

    this.submitting.set(true);
    try {
      const t = this.texts();
      const res = await firstValueFrom(
        this.api.give(assignment.id, {
          worksWell: t.worksWell,
          questions: t.questions,
          nextSteps: t.nextSteps,
          sectionKey: this.sectionKey(),
          expectedVersion: analysis.current?.version ?? null,
        }),
      );
      this.store?.clear();
      this.sent.set(res.giveFeedback);
      afterNextRender(() => this.sentNotice()?.nativeElement.focus(), { injector: this.injector });
    } catch (e) {
      // Nothing typed is lost: the form and this browser's copy keep the text.
      const error = toApiError(e);
      const fromApi: Partial<Record<FeedbackPart, string>> = {};
      for (const p of error.problems) {
        const part = partOfField(p.field);
        if (part) fromApi[part] = `review.problems.${asPartProblem(p.code)}`;
      }
      if (error.code === 'FEEDBACK_QUALITY_MISSING') {
        this.formError.set(error);
        this.refusedQualities.set(error.problems.map((p) => p.field));
      } else if (Object.keys(fromApi).length) this.partErrors.set(fromApi);
      else this.formError.set(error);
      this.focusSummary();
    } finally {
      this.submitting.set(false);
    }
  }

  private startDraft(personId: string, assignmentId: string): void {
    const storage = typeof localStorage === 'undefined' ? null : localStorage;
    this.store = new FeedbackDraftStore(storage, feedbackDraftKey(personId, assignmentId));
    const local = this.store.read();
    if (local && (hasText(local) || local.sectionKey)) {
      // Only when the form is still empty: a reload after an error keeps what is on screen.
      if (!hasText({ texts: this.texts() })) {
        this.texts.set(local.texts);
        this.sectionKey.set(local.sectionKey);
        this.restored.set(true);
      }
    }
  }

  private save(): void {
    this.store?.write({
      texts: this.texts(),
      sectionKey: this.sectionKey(),
      updatedAt: new Date().toISOString(),
    });
  }

  private focusSummary(): void {
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
