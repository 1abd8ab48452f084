import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, SharedAnalysis } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';

/** The cohort's shared space: every published analysis, newest first, by round if chosen. */
@Component({
  selector: 'stl-shared-space-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  template: `
    @if (state.error()) {
      <stl-page-header [heading]="'shared.title' | transloco" />
    }
    <ng-container *stlLoad="state">
      @if (data(); as d) {
        <stl-page-header
          [heading]="'shared.title' | transloco"
          [lead]="'shared.lead' | transloco: { cohort: d.cohort.name }"
        >
          <a stlBeforeHeading [routerLink]="['/cohorts', d.cohort.id]" class="back-link">{{
            'editor.backToCohort' | transloco: { cohort: d.cohort.name }
          }}</a>
        </stl-page-header>

        <div class="field filter">
          <label for="round-filter">{{ 'shared.roundFilter' | transloco }}</label>
          <select id="round-filter" [value]="round() ?? ''" (change)="chooseRound($event)">
            <option value="">{{ 'shared.allRounds' | transloco }}</option>
            @for (r of d.cohort.rounds; track r.id) {
              <option [value]="r.id" [selected]="r.id === round()">
                {{ 'cohort.roundTitle' | transloco: { number: r.number, title: r.title } }}
              </option>
            }
          </select>
        </div>

        <p role="status">{{ 'shared.count' | transloco: { count: d.sharedSpace.totalCount } }}</p>
        <ul class="shared-list">
          @for (a of items(); track a.id) {
            <li class="card shared-item" data-testid="shared-item">
              <h2 class="shared-item__title">
                @let label =
                  'shared.itemTitle' | transloco: { author: a.author.fullName, number: a.round.number };
                <a [routerLink]="['/cohorts', d.cohort.id, 'analyses', a.id]">{{ label }}</a>
              </h2>
              <p class="muted">
                {{ a.round.title }} ·
                {{ 'shared.publishedAt' | transloco: { when: (a.lastPublishedAt | stlDateTime: lang()) } }}
                @if (a.publishedVersion > 1) {
                  · {{ 'shared.version' | transloco: { version: a.publishedVersion } }}
                }
              </p>
              @if (a.publishedLate) {
                <stl-status-badge tone="warning">{{ 'shared.late' | transloco }}</stl-status-badge>
              }
            </li>
          } @empty {
            <li>{{ 'shared.empty' | transloco }}</li>
          }
        </ul>
        @if (moreError(); as error) {
          <p class="error-text" role="alert">{{ error.messageKey | transloco }}</p>
        }
        @if (hasMore()) {
          <button type="button" class="button" [disabled]="loadingMore()" (click)="loadMore()">
            {{ 'shared.more' | transloco }}
          </button>
        }
      }
    </ng-container>
    @if (state.error()) {
      <p>
        <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
      </p>
    }
  `,
  styles: `
    .filter {
      max-width: 24rem;
      margin-block-end: 1rem;
    }
    .shared-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .shared-item__title {
      font-size: 1.125rem;
      margin: 0 0 0.25rem;
    }
    .shared-item p {
      margin: 0 0 0.25rem;
    }
  `,
})
export class SharedSpacePage {
  private readonly api = inject(AnalysisApi);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameter and query parameter (`?round=`). */
  readonly cohortId = input.required<string>();
  readonly round = input<string>();

  private readonly extra = signal<SharedAnalysis[]>([]);
  private readonly cursor = signal<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);

  protected readonly state = apiResource({
    params: () => ({ cohortId: this.cohortId(), round: this.round() ?? null }),
    stream: ({ cohortId, round }) => {
      // A new filter starts from its first page.
      this.extra.set([]);
      this.cursor.set(null);
      return this.api.sharedSpace(cohortId, round, null);
    },
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly items = computed(() => [...(this.data()?.sharedSpace.nodes ?? []), ...this.extra()]);
  private readonly pageInfo = computed(() => this.cursor() ?? this.data()?.sharedSpace.pageInfo ?? null);
  protected readonly hasMore = computed(() => !!this.pageInfo()?.hasNextPage);

  protected chooseRound(event: Event): void {
    const round = (event.target as HTMLSelectElement).value || null;
    void this.router.navigate([], { queryParams: { round }, replaceUrl: true });
  }

  protected async loadMore(): Promise<void> {
    const after = this.pageInfo()?.endCursor ?? null;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await firstValueFrom(this.api.sharedSpace(this.cohortId(), this.round() ?? null, after));
      this.extra.update((list) => [...list, ...page.sharedSpace.nodes]);
      this.cursor.set(page.sharedSpace.pageInfo);
    } catch (e) {
      this.moreError.set(toApiError(e));
    } finally {
      this.loadingMore.set(false);
    }
  }
}
