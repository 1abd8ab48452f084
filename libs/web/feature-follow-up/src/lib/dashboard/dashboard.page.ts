import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { DashboardApi, apiResource } from '@stl/web/data-access';
import type { DashboardFigures, DashboardFilter, OrganisationDashboard } from '@stl/web/data-access';
import { ExportLinksComponent, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { LanguageService } from '@stl/web/util-i18n';
import { BarChartComponent } from './bar-chart.component';
import type { ChartSeries } from './bar-chart.component';
import { durationIn, durationUnit, formatDurationNumber } from './duration';
import type { DurationUnit } from './duration';

/** The filter parameters in the address. */
type Param = 'year' | 'school' | 'cohort';

/**
 * The organisation dashboard (issue 14, ADR 0033): key figures of the selection, charts where a
 * picture says it faster (each with its numbers as a table and a sentence), and a table per cohort.
 * Filters live in the address (`?year=&school=&cohort=`), so a view can be bookmarked and shared;
 * the download holds the same selection.
 */
@Component({
  selector: 'stl-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ExportLinksComponent,
    BarChartComponent,
  ],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.css',
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;

  readonly year = input<string>();
  readonly school = input<string>();
  readonly cohort = input<string>();

  private readonly filter = computed<DashboardFilter>(() => ({
    schoolYear: this.year() || null,
    schoolId: this.school() || null,
    cohortId: this.cohort() || null,
  }));
  protected readonly state = apiResource({
    params: this.filter,
    stream: (filter) => this.api.dashboard(filter),
  });
  protected readonly data = computed<OrganisationDashboard | null>(() =>
    this.state.hasValue() ? (this.state.value() ?? null) : null,
  );
  protected readonly filtered = computed(() => !!(this.year() || this.school() || this.cohort()));
  protected readonly exportQuery = computed(() => {
    const d = this.data();
    if (!d) return '';
    const q = new URLSearchParams();
    if (d.schoolYear) q.set('schoolYear', d.schoolYear);
    if (d.schoolId) q.set('school', d.schoolId);
    if (d.cohortId) q.set('cohort', d.cohortId);
    return `?${q.toString()}`;
  });

  protected choose(param: Param, event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    // A cohort belongs to one year: choosing another year lets go of the cohort.
    const extra = param === 'year' ? { cohort: null } : {};
    void this.router.navigate([], {
      queryParams: { [param]: value, ...extra },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  // ---- Words and numbers ----------------------------------------------------------------------

  private t(key: string, params?: Record<string, unknown>): string {
    this.lang();
    return this.i18n.translate(`dashboard.${key}`, params);
  }

  protected readonly percent = (v: number | null): string => {
    if (v === null || Number.isNaN(v)) return '–';
    return `${new Intl.NumberFormat(this.lang(), { maximumFractionDigits: 0 }).format(v * 100)} %`;
  };
  protected readonly count = (v: number | null): string =>
    v === null ? '–' : new Intl.NumberFormat(this.lang()).format(v);
  /** A duration given in hours: "36 tim", or from two days on "85,6 dygn". */
  protected readonly duration = (hours: number | null): string => {
    if (hours === null || Number.isNaN(hours)) return '–';
    const unit = durationUnit(hours);
    return this.inUnit(unit)(durationIn(hours, unit));
  };
  /** Writes a number that is already in `unit` (a chart's values and axis, all in one unit). */
  private inUnit(unit: DurationUnit): (value: number | null) => string {
    return (value) =>
      value === null || Number.isNaN(value)
        ? '–'
        : this.t(unit, { value: formatDurationNumber(value, unit, this.lang()) });
  }

  /** A table's rows, typed again (a template's context is not). */
  protected asFigures(rows: unknown): readonly DashboardFigures[] {
    return rows as readonly DashboardFigures[];
  }

  protected schoolName(f: DashboardFigures): string {
    return f.id ? f.label : this.t('noSchool');
  }

  // ---- Charts ---------------------------------------------------------------------------------

  protected readonly completion = computed(() => {
    const d = this.data();
    if (!d || !d.bySchool.length) return null;
    const rows = d.bySchool;
    const ranked = rows.filter((r) => r.completionRate !== null);
    const best = ranked.reduce<DashboardFigures | null>(
      (b, r) => (!b || (r.completionRate ?? 0) > (b.completionRate ?? 0) ? r : b),
      null,
    );
    const worst = ranked.reduce<DashboardFigures | null>(
      (w, r) => (!w || (r.completionRate ?? 0) < (w.completionRate ?? 0) ? r : w),
      null,
    );
    const series: ChartSeries[] = [
      { label: this.t('chart.rate'), values: rows.map((r) => r.completionRate) },
    ];
    return {
      labels: rows.map((r) => this.schoolName(r)),
      series,
      summary: this.t('chart.completionBySchoolSummary', {
        count: rows.length,
        best: best ? this.schoolName(best) : '–',
        bestRate: this.percent(best?.completionRate ?? null),
        worst: worst ? this.schoolName(worst) : '–',
        worstRate: this.percent(worst?.completionRate ?? null),
      }),
    };
  });

  protected readonly rounds = computed(() => {
    const d = this.data();
    if (!d || !d.rounds.length) return null;
    const first = d.rounds[0];
    const last = d.rounds[d.rounds.length - 1];
    const series: ChartSeries[] = [
      { label: this.t('chart.published'), values: d.rounds.map((r) => r.published) },
      { label: this.t('chart.participants'), values: d.rounds.map((r) => r.participants) },
    ];
    return {
      labels: d.rounds.map((r) => this.t('chart.round', { number: r.number })),
      series,
      summary: this.t('chart.roundsSummary', {
        first: first.published,
        participants: first.participants,
        last: last.number,
        lastPublished: `${last.published} / ${last.participants}`,
      }),
    };
  });

  protected readonly turnaround = computed(() => {
    const d = this.data();
    if (!d || !d.bySchool.length) return null;
    const rows = d.bySchool;
    const hours: [string, (number | null)[]][] = [
      [this.t('chart.peerMedian'), rows.map((r) => r.peerTurnaround.medianHours)],
      [this.t('chart.peerP90'), rows.map((r) => r.peerTurnaround.p90Hours)],
      [this.t('chart.leaderMedian'), rows.map((r) => r.leaderTurnaround.medianHours)],
      [this.t('chart.leaderP90'), rows.map((r) => r.leaderTurnaround.p90Hours)],
    ];
    // One unit for the whole chart, so its bars, axis and table compare at a glance.
    const unit = durationUnit(Math.max(0, ...hours.flatMap(([, values]) => values.map((v) => v ?? 0))));
    const series: ChartSeries[] = hours.map(([label, values]) => ({
      label,
      values: values.map((v) => (v === null ? null : durationIn(v, unit))),
    }));
    return {
      labels: rows.map((r) => this.schoolName(r)),
      series,
      format: this.inUnit(unit),
      summary: this.t('chart.turnaroundSummary', {
        peer: this.duration(d.total.peerTurnaround.medianHours),
        leader: this.duration(d.total.leaderTurnaround.medianHours),
      }),
    };
  });

  protected readonly years = computed(() => {
    const d = this.data();
    if (!d || !d.bySchoolYear.length) return null;
    const rows = d.bySchoolYear;
    const first = rows[0];
    const last = rows[rows.length - 1];
    const series: ChartSeries[] = [
      { label: this.t('chart.rate'), values: rows.map((r) => r.completionRate) },
      { label: this.t('chart.attendanceRate'), values: rows.map((r) => r.attendanceRate) },
    ];
    return {
      labels: rows.map((r) => r.label),
      series,
      summary: this.t('chart.yearsSummary', {
        count: rows.length,
        first: first.label,
        firstRate: this.percent(first.completionRate),
        last: last.label,
        lastRate: this.percent(last.completionRate),
      }),
    };
  });
}
