import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { roundsPerVersion } from './template-usage';

/** The organisation's analysis templates with their versions and where each version is used. */
@Component({
  selector: 'stl-admin-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    AdminBackLinkComponent,
    ...FORMAT_PIPES,
  ],
  template: `
    <stl-page-header
      [heading]="'admin.templates.title' | transloco"
      [lead]="'admin.templates.lead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>
    <p>
      <a routerLink="new" class="button button--primary">{{ 'admin.templates.create' | transloco }}</a>
    </p>
    <ng-container *stlLoad="state">
      <ul class="plain-list">
        @for (t of templates(); track t.id) {
          <li class="card" data-testid="template">
            <h2 class="template__name">
              <a [routerLink]="t.id">{{ t.name }}</a>
            </h2>
            @if (t.description) {
              <p>{{ t.description }}</p>
            }
            <div class="table-wrap">
              <table>
                <caption>
                  {{
                    'admin.templates.versionsCaption' | transloco: { name: t.name }
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'admin.templates.version' | transloco }}</th>
                    <th scope="col">{{ 'admin.templates.created' | transloco }}</th>
                    <th scope="col">{{ 'admin.templates.sectionCount' | transloco }}</th>
                    <th scope="col">{{ 'admin.templates.usage' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (v of t.versions; track v.id; let last = $last) {
                    <tr>
                      <th scope="row">
                        {{ 'admin.templates.versionNumber' | transloco: { version: v.version } }}
                        @if (last) {
                          <stl-status-badge tone="info">{{
                            'admin.templates.latest' | transloco
                          }}</stl-status-badge>
                        }
                      </th>
                      <td>{{ v.createdAt | stlDate: lang() }}</td>
                      <td>{{ v.sections.length }}</td>
                      <td>
                        @if (usage().get(v.id); as n) {
                          <stl-status-badge tone="warning">{{
                            'admin.templates.inUse' | transloco
                          }}</stl-status-badge>
                          {{ 'admin.templates.usedInRounds' | transloco: { count: n } }}
                        } @else {
                          {{ 'admin.templates.notUsed' | transloco }}
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            <p>
              <a [routerLink]="t.id">{{ 'admin.templates.newVersionOf' | transloco: { name: t.name } }}</a>
            </p>
          </li>
        } @empty {
          <li>{{ 'admin.templates.empty' | transloco }}</li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .template__name {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
  `,
  styleUrls: ['../shared/admin.css'],
})
export class AdminTemplatesPage {
  private readonly api = inject(AdminApi);
  protected readonly lang = inject(LanguageService).lang;
  private readonly organisationId = inject(SessionStore).viewer()?.organisation.id ?? '';
  protected readonly state = apiResource({ stream: () => this.api.templates(this.organisationId) });
  protected readonly templates = computed(() =>
    this.state.hasValue() ? this.state.value().analysisTemplates : [],
  );
  protected readonly usage = computed(() =>
    this.state.hasValue() ? roundsPerVersion(this.state.value().cohorts.nodes) : new Map<string, number>(),
  );
}
