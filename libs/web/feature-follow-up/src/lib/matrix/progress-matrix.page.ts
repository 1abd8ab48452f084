import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { roundTitleBesideNumber } from '@stl/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi, apiResource, toApiError } from '@stl/web/data-access';
import type {
  ApiError,
  FollowUpCohort,
  NudgeOutcomes,
  ProgressRow,
  PublishedAnalysisRef,
} from '@stl/web/data-access';
import { ExportLinksComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService, formatTime, supportReasonText } from '@stl/web/util-i18n';
import type { Observable } from 'rxjs';
import { combineLatest, firstValueFrom, of, switchMap } from 'rxjs';
import { STATUS_FILTERS, buildMatrix, filterMatrix, isStatusFilter, overdueIn, schoolsOf } from './matrix';
import type { MatrixCell, MatrixFilter, MatrixRow } from './matrix';

interface MatrixData {
  cohort: FollowUpCohort;
  progress: ProgressRow[];
  analyses: PublishedAnalysisRef[];
}

/** What the side panel shows: one participant, with one round in focus (or none). */
interface Details {
  personId: string;
  roundId: string | null;
}

/**
 * The course leader's progress matrix: one compact row per participant, one cell per round (an
 * icon with its words for screen readers), the details in a side panel (a modal dialog), and
 * reminders to several chosen participants at once. Filters live in the address
 * (`?school=&status=&round=`), so a filtered view can be bookmarked. The table scrolls inside its
 * own region, sized to the window, so the page itself fits a laptop screen (issue 19).
 */
@Component({
  selector: 'stl-progress-matrix-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ExportLinksComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './progress-matrix.page.html',
  styleUrl: './progress-matrix.page.css',
})
export class ProgressMatrixPage {
  private readonly api = inject(FollowUpApi);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly reasonText = supportReasonText;
  /** A round's title beside its number, or null when it only repeats it ("Analys 3"). */
  protected readonly titleBeside = roundTitleBesideNumber;

  /** Route parameter and query parameters. */
  readonly cohortId = input.required<string>();
  readonly school = input<string>();
  readonly status = input<string>();
  readonly round = input<string>();

  private readonly now = Date.now();

  protected readonly state = apiResource({
    params: this.cohortId,
    stream: (id): Observable<MatrixData> =>
      this.api.cohort(id).pipe(
        switchMap((cohort) =>
          combineLatest({
            cohort: of(cohort),
            progress: this.api.progress(id),
            // Leaders and administrators link to the analyses; school leaders never see them.
            analyses: cohort.viewerCanManage ? this.api.publishedAnalyses(id) : of([]),
          }),
        ),
      ),
  });
  protected readonly data = computed<MatrixData | null>(() =>
    this.state.hasValue() ? (this.state.value() ?? null) : null,
  );

  protected readonly rows = computed(() => {
    const d = this.data();
    return d ? buildMatrix(d.progress, d.cohort.rounds, d.analyses, d.cohort.peersPerAnalysis, this.now) : [];
  });
  protected readonly schools = computed(() => schoolsOf(this.rows()));
  protected readonly filter = computed<MatrixFilter>(() => {
    const status = this.status();
    const school = this.school() || null;
    const round = this.round() || null;
    return {
      schoolId: school && this.schools().some((s) => s.id === school) ? school : null,
      status: isStatusFilter(status) ? status : 'ALL',
      roundId: round && this.data()?.cohort.rounds.some((r) => r.id === round) ? round : null,
    };
  });
  protected readonly shown = computed(() => filterMatrix(this.rows(), this.filter()));
  protected readonly filtered = computed(() => {
    const f = this.filter();
    return !!f.schoolId || f.status !== 'ALL' || !!f.roundId;
  });

  constructor() {
    this.fitToWindow();
  }

  protected choose(param: 'school' | 'status' | 'round', event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    void this.router.navigate([], {
      queryParams: { [param]: value === 'ALL' ? null : value },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  /** The words a cell says (for screen readers and the cell's button name), as translation keys. */
  protected cellKeys(cell: MatrixCell): string[] {
    const keys = [`followUp.state.${cell.state}`];
    if (cell.state === 'PUBLISHED')
      keys.push(cell.leaderFeedback ? 'followUp.cell.leaderGiven' : 'followUp.cell.leaderMissing');
    for (const o of cell.overdue) keys.push(`followUp.overdue.${o}`);
    return keys;
  }

  // ---- The table's height: the page fits the window, the table scrolls inside -----------------

  private readonly scroller = viewChild<ElementRef<HTMLElement>>('scroller');
  /** The table region's height in px, so that the whole page fits the window; null until measured. */
  protected readonly tableHeight = signal<number | null>(null);

  private fitToWindow(): void {
    const measure = () => {
      const el = this.scroller()?.nativeElement;
      const view = this.document.defaultView;
      if (!el || !view) return;
      // Everything on the page but the table region (the document's own height, not the window's),
      // then the window's height less that.
      const page = this.document.documentElement.getBoundingClientRect().height;
      const rest = page - el.getBoundingClientRect().height;
      const fit = Math.floor(view.innerHeight - rest);
      // Never smaller than a few rows: on a very short window the page scrolls instead.
      const next = Math.max(fit, 200);
      if (next !== this.tableHeight()) this.tableHeight.set(next);
    };
    const view = this.document.defaultView;
    view?.addEventListener('resize', measure);
    inject(DestroyRef).onDestroy(() => view?.removeEventListener('resize', measure));
    // Again whenever what is above or around the table may have changed height.
    effect(() => {
      this.shown();
      this.notice();
      this.selected();
      this.lang();
      this.scroller();
      afterNextRender(measure, { injector: this.injector });
    });
  }

  // ---- Side panel: a participant's details ------------------------------------------------------

  private readonly panel = viewChild<ElementRef<HTMLDialogElement>>('panel');
  protected readonly details = signal<Details | null>(null);
  protected readonly detailsRow = computed(() => {
    const d = this.details();
    return d ? (this.rows().find((r) => r.personId === d.personId) ?? null) : null;
  });
  private opener: HTMLElement | null = null;

  protected openDetails(row: MatrixRow, roundId: string | null, event: Event): void {
    this.opener = event.currentTarget as HTMLElement;
    this.details.set({ personId: row.personId, roundId });
    afterNextRender(() => this.panel()?.nativeElement.showModal(), { injector: this.injector });
  }

  protected closeDetails(): void {
    this.panel()?.nativeElement.close();
  }

  /** The dialog closed (Esc, the close button): focus goes back to where the leader was. */
  protected onPanelClosed(): void {
    this.details.set(null);
    this.opener?.focus();
    this.opener = null;
  }

  // ---- Choosing participants and reminding them (påminnelser) -----------------------------------

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedRows = computed(() =>
    this.rows().filter((r) => this.selected().has(r.personId)),
  );
  protected readonly allShownSelected = computed(
    () => this.shown().length > 0 && this.shown().every((r) => this.selected().has(r.personId)),
  );
  /** The round of the quick choice "everyone late in round N"; the latest round with a deadline passed. */
  protected readonly quickRound = signal<string | null>(null);
  protected readonly quickRoundId = computed(() => {
    const chosen = this.quickRound();
    const rounds = this.data()?.cohort.rounds ?? [];
    if (chosen && rounds.some((r) => r.id === chosen)) return chosen;
    const passed = rounds.filter((r) => new Date(r.submissionDeadline).getTime() < this.now);
    return (passed.at(-1) ?? rounds[0])?.id ?? null;
  });

  protected toggle(personId: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }

  protected toggleAllShown(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.selected.update((s) => {
      const next = new Set(s);
      for (const r of this.shown()) {
        if (on) next.add(r.personId);
        else next.delete(r.personId);
      }
      return next;
    });
  }

  protected chooseQuickRound(event: Event): void {
    this.quickRound.set((event.target as HTMLSelectElement).value || null);
  }

  /** Chooses everyone whose own work in the round is late (their analysis, or their critical-friend tasks). */
  protected selectOverdueIn(): void {
    const roundId = this.quickRoundId();
    if (!roundId) return;
    const late = overdueIn(this.rows(), roundId);
    this.selected.set(new Set(late.map((r) => r.personId)));
    const number = this.data()?.cohort.rounds.find((r) => r.id === roundId)?.number ?? 0;
    this.notice.set({ key: 'followUp.select.chosenOverdue', params: { count: late.length, number } });
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  private readonly composer = viewChild<ElementRef<HTMLDialogElement>>('composer');
  protected readonly nudgeText = signal('');
  protected readonly nudgeBusy = signal(false);
  protected readonly nudgeError = signal<ApiError | null>(null);
  /** What happened to the reminders sent from this page, per participant. */
  protected readonly nudged = signal<Record<string, NudgeOutcomes['results'][number]>>({});
  /** What the last action did, in words (a second sentence for reminders not sent). */
  protected readonly notice = signal<{
    key: string;
    params: Record<string, unknown>;
    more?: string | null;
  } | null>(null);
  private composerOpener: HTMLElement | null = null;

  protected openComposer(event: Event): void {
    this.composerOpener = event.currentTarget as HTMLElement;
    this.nudgeError.set(null);
    this.composer()?.nativeElement.showModal();
  }

  protected closeComposer(): void {
    this.composer()?.nativeElement.close();
  }

  protected onComposerClosed(): void {
    this.composerOpener?.focus();
    this.composerOpener = null;
  }

  protected typeNudge(event: Event): void {
    this.nudgeText.set((event.target as HTMLTextAreaElement).value);
  }

  protected async sendNudges(): Promise<void> {
    const people = this.selectedRows();
    if (people.length === 0) return;
    this.nudgeBusy.set(true);
    this.nudgeError.set(null);
    try {
      const text = this.nudgeText().trim();
      const result = await firstValueFrom(
        this.api.nudge(
          this.cohortId(),
          people.map((r) => r.personId),
          text || null,
        ),
      );
      this.nudged.update((all) => ({
        ...all,
        ...Object.fromEntries(result.results.map((r) => [r.personId, r])),
      }));
      const count = (outcome: string) => result.results.filter((r) => r.outcome === outcome).length;
      const queued = count('QUEUED');
      const notSent = result.results.length - queued;
      this.notice.set({
        key: result.sendsAt
          ? 'followUp.nudge.sentLater'
          : queued
            ? 'followUp.nudge.sent'
            : 'followUp.nudge.noneSent',
        params: {
          queued,
          time: result.sendsAt ? formatTime(result.sendsAt, this.lang()) : '',
          notSent,
          already: count('ALREADY_TODAY'),
          optedOut: count('OPTED_OUT'),
        },
        more: notSent && queued ? 'followUp.nudge.notSent' : null,
      });
      this.nudgeText.set('');
      this.selected.set(new Set());
      this.closeComposer();
    } catch (e) {
      this.nudgeError.set(toApiError(e));
    } finally {
      this.nudgeBusy.set(false);
    }
  }
}
