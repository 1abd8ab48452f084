import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { AuditApi, SessionStore, apiResource } from '@stl/web/data-access';
import type { AuditEvent } from '@stl/web/data-access';
import { ExportLinksComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import {
  AUDIT_KINDS,
  AUDIT_OUTCOMES,
  auditApiFilter,
  auditExportQuery,
  auditFilterFromParams,
  utcTime,
} from './audit-filter';
import type { AuditUrlFilter } from './audit-filter';

const PAGE_SIZE = 50;

/**
 * The organisation's audit log (issue 12, ADR 0029): who signed in or was refused, who changed
 * roles, certifications and single sign-on, who downloaded what, what was erased, and which
 * administrator read whose analysis. Newest first; the filters live in the URL, so a search can be
 * bookmarked or sent to a colleague, and the download takes the same filters.
 */
@Component({
  selector: 'stl-admin-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ExportLinksComponent,
    AdminBackLinkComponent,
  ],
  styleUrls: ['../shared/admin.css'],
  template: `
    <stl-page-header [heading]="'audit.title' | transloco" [lead]="'audit.lead' | transloco">
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>

    <form
      class="card form section"
      role="search"
      [attr.aria-label]="'audit.searchLabel' | transloco"
      (ngSubmit)="search(draft)"
      data-testid="audit-filters"
    >
      <div class="form-row">
        <div class="field">
          <label for="audit-from">{{ 'audit.from' | transloco }}</label>
          <input id="audit-from" name="from" type="date" [(ngModel)]="draft.from" />
        </div>
        <div class="field">
          <label for="audit-to">{{ 'audit.to' | transloco }}</label>
          <input id="audit-to" name="to" type="date" [(ngModel)]="draft.to" />
        </div>
        <div class="field">
          <label for="audit-kind">{{ 'audit.kind' | transloco }}</label>
          <select id="audit-kind" name="kind" [(ngModel)]="draft.kind" data-testid="audit-kind">
            <option value="">{{ 'audit.anyKind' | transloco }}</option>
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'audit.kinds.' + k | transloco }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="audit-outcome">{{ 'audit.outcome' | transloco }}</label>
          <select id="audit-outcome" name="outcome" [(ngModel)]="draft.outcome" data-testid="audit-outcome">
            <option value="">{{ 'audit.anyOutcome' | transloco }}</option>
            @for (o of outcomes; track o) {
              <option [value]="o">{{ 'audit.outcomes.' + o | transloco }}</option>
            }
          </select>
        </div>
      </div>
      @if (filter().actor) {
        <p data-testid="audit-actor-filter">
          {{ 'audit.onlyActor' | transloco: { name: actorName() } }}
          <a routerLink="." [queryParams]="{ actor: null }" queryParamsHandling="merge">{{
            'audit.allActors' | transloco
          }}</a>
        </p>
      }
      <div class="actions">
        <button type="submit" class="button">{{ 'audit.find' | transloco }}</button>
        <a routerLink="." class="button">{{ 'audit.clear' | transloco }}</a>
      </div>
    </form>

    <div class="section toolbar">
      <stl-export-links kind="audit" [organisationId]="organisationId()" [query]="exportQuery()" />
    </div>

    <ng-container *stlLoad="events; let page">
      <p role="status" class="muted" data-testid="audit-count">
        {{ 'audit.count' | transloco: { count: page.totalCount } }}
      </p>
      @if (page.nodes.length) {
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'audit.caption' | transloco">
          <table data-testid="audit-table">
            <caption>
              {{
                'audit.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'audit.when' | transloco }}</th>
                <th scope="col">{{ 'audit.kind' | transloco }}</th>
                <th scope="col">{{ 'audit.outcome' | transloco }}</th>
                <th scope="col">{{ 'audit.actor' | transloco }}</th>
                <th scope="col">{{ 'audit.target' | transloco }}</th>
                <th scope="col">{{ 'audit.details' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of page.nodes; track e.id) {
                <tr data-testid="audit-row" [attr.data-kind]="e.kind">
                  <td class="nowrap">
                    <time [attr.datetime]="e.occurredAt">{{ time(e.occurredAt) }}</time>
                  </td>
                  <td>{{ 'audit.kinds.' + e.kind | transloco }}</td>
                  <td>
                    <stl-status-badge [tone]="tone(e)">{{
                      'audit.outcomes.' + e.outcome | transloco
                    }}</stl-status-badge>
                  </td>
                  <td>
                    @if (e.actor; as a) {
                      <a routerLink="." [queryParams]="{ actor: a.id }" queryParamsHandling="merge"
                        >{{ a.fullName
                        }}<span class="visually-hidden">{{ 'audit.onlyThem' | transloco }}</span></a
                      >
                    } @else if (e.actorId) {
                      <span class="muted">{{ 'audit.unknownActor' | transloco }}</span>
                    } @else {
                      <span class="muted">{{ 'audit.noActor' | transloco }}</span>
                    }
                  </td>
                  <td>
                    @if (e.targetType) {
                      {{ 'audit.targets.' + e.targetType | transloco }}
                      <code class="id">{{ e.targetId }}</code>
                    }
                  </td>
                  <td>
                    @for (d of e.details; track d.key) {
                      <code class="detail">{{ d.key }}={{ d.value }}</code>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p data-testid="audit-empty">{{ 'audit.none' | transloco }}</p>
      }
      <nav class="actions" [attr.aria-label]="'audit.pages' | transloco">
        @if (after()) {
          <a routerLink="." [queryParams]="{ after: null }" queryParamsHandling="merge" class="button">{{
            'audit.first' | transloco
          }}</a>
        }
        @if (page.pageInfo.hasNextPage) {
          <a
            routerLink="."
            [queryParams]="{ after: page.pageInfo.endCursor }"
            queryParamsHandling="merge"
            class="button"
            data-testid="audit-next"
            >{{ 'audit.next' | transloco }}</a
          >
        }
      </nav>
    </ng-container>
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
    .id,
    .detail {
      font-size: 0.8125rem;
      word-break: break-all;
    }
    .detail {
      display: block;
    }
    .toolbar {
      min-height: 2.75rem;
    }
  `,
})
export class AdminAuditPage {
  private readonly api = inject(AuditApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly kinds = AUDIT_KINDS;
  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly organisationId = computed(() => this.session.viewer()?.organisation?.id ?? '');
  private readonly params = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  protected readonly filter = computed(() => auditFilterFromParams((n) => this.params().get(n)));
  protected readonly after = computed(() => this.params().get('after'));
  protected readonly exportQuery = computed(() => auditExportQuery(this.filter()));
  /** The form's values until "Search" puts them in the URL. */
  protected draft: AuditUrlFilter = { ...this.filter() };

  protected readonly events = apiResource({
    params: () => ({ org: this.organisationId(), filter: this.filter(), after: this.after() }),
    stream: ({ org, filter, after }) => this.api.events(org, auditApiFilter(filter), PAGE_SIZE, after),
  });

  /** The name of the person filtered on, from the rows shown (their own lines name them). */
  protected readonly actorName = computed(() => {
    const id = this.filter().actor;
    const rows = this.events.hasValue() ? (this.events.value()?.nodes ?? []) : [];
    return rows.find((e) => e.actor?.id === id)?.actor?.fullName ?? id;
  });

  constructor() {
    // Back and forward in the browser change the URL: the form follows.
    this.route.queryParamMap
      .pipe(
        map((p) => auditFilterFromParams((n) => p.get(n))),
        takeUntilDestroyed(),
      )
      .subscribe((f) => (this.draft = { ...f }));
  }

  protected search(f: AuditUrlFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        from: f.from || null,
        to: f.to || null,
        kind: f.kind || null,
        outcome: f.outcome || null,
        actor: this.filter().actor || null,
        after: null,
      },
    });
  }

  protected time(iso: string): string {
    return utcTime(iso);
  }

  protected tone(e: AuditEvent): 'success' | 'warning' | 'neutral' {
    return e.outcome === 'SUCCESS' ? 'success' : e.outcome === 'REFUSED' ? 'warning' : 'neutral';
  }
}
