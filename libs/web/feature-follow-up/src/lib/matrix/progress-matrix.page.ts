import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi, apiResource, toApiError } from '@stl/web/data-access';
import type {
  ApiError,
  FollowUpCohort,
  NudgeResult,
  ProgressRow,
  PublishedAnalysisRef,
} from '@stl/web/data-access';
import { ExportLinksComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService, supportReasonText } from '@stl/web/util-i18n';
import type { Observable } from 'rxjs';
import { combineLatest, firstValueFrom, of, switchMap } from 'rxjs';
import { STATUS_FILTERS, buildMatrix, filterMatrix, isStatusFilter, schoolsOf } from './matrix';
import type { AnalysisState, MatrixFilter, MatrixRow } from './matrix';

interface MatrixData {
  cohort: FollowUpCohort;
  progress: ProgressRow[];
  analyses: PublishedAnalysisRef[];
}

/**
 * The course leader's progress matrix: every participant × every round, each cell saying in words
 * where the analysis stands, the feedback given to and by the participant, and what is late.
 * Filters live in the address (`?school=&status=&round=`), so a filtered view can be bookmarked.
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

  // ---- Nudges (påminnelser) -------------------------------------------------------------------

  /** The participant whose reminder form is open, and what the leader has typed (kept on error). */
  protected readonly nudging = signal<string | null>(null);
  protected readonly nudgeText = signal('');
  protected readonly nudgeBusy = signal(false);
  protected readonly nudgeError = signal<ApiError | null>(null);
  /** What happened to each reminder sent from this page, per participant. */
  protected readonly nudged = signal<Record<string, NudgeResult>>({});
  protected readonly nudgeMessage = signal<{ key: string; params: Record<string, unknown> } | null>(null);

  protected openNudge(row: MatrixRow): void {
    this.nudging.set(row.personId);
    this.nudgeText.set('');
    this.nudgeError.set(null);
    afterNextRender(() => this.document.getElementById(`nudge-${row.personId}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected cancelNudge(): void {
    this.nudging.set(null);
    this.nudgeError.set(null);
  }

  protected typeNudge(event: Event): void {
    this.nudgeText.set((event.target as HTMLTextAreaElement).value);
  }

  protected async sendNudge(row: MatrixRow): Promise<void> {
    const cohortId = this.cohortId();
    this.nudgeBusy.set(true);
    this.nudgeError.set(null);
    try {
      const text = this.nudgeText().trim();
      const result = await firstValueFrom(this.api.nudge(cohortId, row.personId, text || null));
      this.nudged.update((all) => ({ ...all, [row.personId]: result }));
      this.nudgeMessage.set({
        key: `followUp.nudge.result.${result.outcome}`,
        params: { name: row.fullName, count: result.missingCount },
      });
      this.nudging.set(null);
    } catch (e) {
      this.nudgeError.set(toApiError(e));
    } finally {
      this.nudgeBusy.set(false);
    }
  }

  protected toneOf(state: AnalysisState): BadgeTone {
    return state === 'PUBLISHED' ? 'success' : state === 'DRAFT' ? 'info' : 'neutral';
  }
}
