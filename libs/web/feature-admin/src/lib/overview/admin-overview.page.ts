import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { leaderStandingOf } from '../certifications/certification-standing';

interface Area {
  path: string;
  key: string;
  /** Omitted where the overview does not count (undelivered mail has a page of its own). */
  count?: number;
  /** Leaders whose certification needs the administrator (certifications only). */
  attention?: number;
}

/** The administrator's landing page: one entry per area, with how much is in it. */
@Component({
  selector: 'stl-admin-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, PageHeaderComponent, StatusBadgeComponent],
  template: `
    <stl-page-header
      [heading]="'admin.overview.title' | transloco"
      [lead]="'admin.overview.lead' | transloco: { organisation: organisation() }"
    />
    <ng-container *stlLoad="state">
      <ul class="areas">
        @for (area of areas(); track area.path) {
          <li class="card area">
            <h2>
              <a [routerLink]="area.path">{{ 'admin.overview.' + area.key + '.title' | transloco }}</a>
            </h2>
            <p>{{ 'admin.overview.' + area.key + '.lead' | transloco }}</p>
            @if (area.count !== undefined) {
              <p class="muted">
                {{ 'admin.overview.' + area.key + '.count' | transloco: { count: area.count } }}
              </p>
            }
            @if (area.attention) {
              <p>
                <stl-status-badge tone="warning">{{
                  'admin.overview.needsAction' | transloco
                }}</stl-status-badge>
                {{ 'admin.overview.certifications.attention' | transloco: { count: area.attention } }}
              </p>
            }
          </li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .areas {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
      gap: 1rem;
    }
    .area h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
    .area p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class AdminOverviewPage {
  private readonly session = inject(SessionStore);
  private readonly api = inject(AdminApi);
  protected readonly organisation = computed(() => this.session.viewer()?.organisation?.name ?? '');
  protected readonly state = apiResource({
    stream: () => this.api.overview(this.session.viewer()?.organisation?.id ?? ''),
  });
  protected readonly areas = computed<Area[]>(() => {
    if (!this.state.hasValue()) return [];
    const d = this.state.value();
    const attention = d.leaders.nodes.filter((p) => {
      const standing = leaderStandingOf(p.certifications ?? []);
      return standing !== 'CERTIFIED' && standing !== 'NOT_YET_VALID';
    }).length;
    return [
      { path: 'schools', key: 'schools', count: d.schools.totalCount },
      { path: 'people', key: 'people', count: d.people.totalCount },
      { path: 'people/import', key: 'staffImport' },
      { path: 'certifications', key: 'certifications', count: d.leaders.totalCount, attention },
      { path: 'templates', key: 'templates', count: d.analysisTemplates.length },
      { path: 'cohorts', key: 'cohorts', count: d.cohorts.totalCount },
      { path: 'mail', key: 'mail' },
      // Single sign-on (ADR 0014)
      { path: 'sso', key: 'sso' },
      // When participants show as behind or needing support (course rule 8)
      { path: 'support', key: 'support' },
      // The school holidays that suggested meeting dates avoid (issue 19)
      { path: 'holidays', key: 'holidays' },
      // The audit log (issue 12, ADR 0029)
      { path: 'audit', key: 'audit' },
      // The retention schedule and the record of processing (ADR 0030)
      { path: 'retention', key: 'retention' },
      { path: 'record-of-processing', key: 'recordOfProcessing' },
      // Who receives reports from the accessibility statement (issue 12)
      { path: 'accessibility', key: 'accessibility' },
    ];
  });
}
