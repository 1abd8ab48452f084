import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnalysisApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, SharedAnalysis, SharedSpaceFilters, SharedSpaceHit } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom, map } from 'rxjs';
import type { Observable } from 'rxjs';

/** Wait this long after the last keystroke before searching (and writing the URL). */
const SEARCH_DEBOUNCE_MS = 300;
/** The API's limit (SearchSharedSpaceArgs.query); the field never lets more through. */
const MAX_SEARCH_LENGTH = 200;

/** An item of the list: an analysis, and in a search the excerpt where it matched. */
interface Item {
  analysis: SharedAnalysis;
  excerpt: SharedSpaceHit['excerpt'] | null;
}

/** What the page shows, the same for the newest-first list and for a search. */
interface View {
  cohort: { id: string; name: string; rounds: { id: string; number: number; title: string }[] };
  schools: { id: string; name: string }[];
  items: Item[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** False when the search held only common words; null when not searching. */
  searchable: boolean | null;
}

/**
 * The cohort's shared space: every published analysis, newest first, or searched in Swedish
 * (ranked, with the matched words marked). Search text, round and school live in the URL
 * (`?q=&round=&school=`), so a search can be shared, reloaded and gone back to.
 */
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

        <form class="search" role="search" (submit)="$event.preventDefault(); searchNow()">
          <div class="field search__query">
            <label for="shared-search">{{ 'shared.searchLabel' | transloco }}</label>
            <input
              id="shared-search"
              type="search"
              autocomplete="off"
              [attr.maxlength]="maxLength"
              aria-describedby="shared-search-hint"
              [value]="draft()"
              (input)="typed($event)"
            />
            <p id="shared-search-hint" class="muted hint">{{ 'shared.searchHint' | transloco }}</p>
          </div>
          <div class="field">
            <label for="round-filter">{{ 'shared.roundFilter' | transloco }}</label>
            <select id="round-filter" (change)="choose('round', $event)">
              <option value="" [selected]="!round()">{{ 'shared.allRounds' | transloco }}</option>
              @for (r of d.cohort.rounds; track r.id) {
                <option [value]="r.id" [selected]="r.id === round()">
                  {{ 'cohort.roundTitle' | transloco: { number: r.number, title: r.title } }}
                </option>
              }
            </select>
          </div>
          @if (d.schools.length > 1 || school()) {
            <div class="field">
              <label for="school-filter">{{ 'shared.schoolFilter' | transloco }}</label>
              <select id="school-filter" (change)="choose('school', $event)">
                <option value="" [selected]="!school()">{{ 'shared.allSchools' | transloco }}</option>
                @for (s of d.schools; track s.id) {
                  <option [value]="s.id" [selected]="s.id === school()">{{ s.name }}</option>
                }
              </select>
            </div>
          }
        </form>

        <p role="status" aria-live="polite" class="count" data-testid="shared-count">
          @if (d.searchable === null) {
            {{ 'shared.count' | transloco: { count: d.totalCount } }}
          } @else if (d.searchable === false) {
            {{ 'shared.notSearchable' | transloco }}
          } @else if (d.totalCount === 0) {
            {{ 'shared.noHits' | transloco: { query: query() } }}
          } @else if (d.totalCount === 1) {
            {{ 'shared.hitsOne' | transloco: { query: query() } }}
          } @else {
            {{ 'shared.hits' | transloco: { count: d.totalCount, query: query() } }}
          }
        </p>
        <ul class="shared-list">
          @for (item of items(); track item.analysis.id) {
            @let a = item.analysis;
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
              @if (item.excerpt; as parts) {
                <p class="excerpt" data-testid="shared-excerpt">
                  <span class="visually-hidden">{{ 'shared.excerptLabel' | transloco }}: </span>
                  <!-- Parts are plain text set as textContent: what a teacher wrote is never markup here. -->
                  @for (part of parts; track $index) {
                    @if (part.match) {
                      <mark [textContent]="part.text"></mark>
                    } @else {
                      <span [textContent]="part.text"></span>
                    }
                  }
                </p>
              }
              @if (a.publishedLate) {
                <stl-status-badge tone="warning">{{ 'shared.late' | transloco }}</stl-status-badge>
              }
            </li>
          } @empty {
            @if (d.searchable === null) {
              <li>{{ (round() || school() ? 'shared.emptyFiltered' : 'shared.empty') | transloco }}</li>
            }
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
    .search {
      display: grid;
      grid-template-columns: minmax(16rem, 2fr) repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 1rem;
      align-items: start;
      margin-block-end: 0.5rem;
    }
    .hint {
      font-size: 0.875rem;
      margin: 0.25rem 0 0;
    }
    /* One line reserved for the count, so the list never moves when its text changes. */
    .count {
      min-block-size: 1.5em;
      margin-block: 0.5rem;
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
    .excerpt mark {
      background: #fff3b0;
      color: inherit;
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class SharedSpacePage {
  private readonly api = inject(AnalysisApi);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly maxLength = MAX_SEARCH_LENGTH;

  /** Route parameter and query parameters (`?q=&round=&school=`). */
  readonly cohortId = input.required<string>();
  readonly q = input<string>();
  readonly round = input<string>();
  readonly school = input<string>();

  /** The text in the field; the URL follows it after a pause in typing. */
  protected readonly draft = signal('');
  private sent = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly query = computed(() => (this.q() ?? '').trim());
  private readonly extra = signal<Item[]>([]);
  private readonly cursor = signal<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiError | null>(null);

  protected readonly state = apiResource({
    params: () => ({
      cohortId: this.cohortId(),
      query: this.query(),
      filters: { roundId: this.round() || null, schoolId: this.school() || null },
    }),
    stream: ({ cohortId, query, filters }) => {
      // A new search or filter starts from its first page.
      this.extra.set([]);
      this.cursor.set(null);
      this.moreError.set(null);
      return this.fetch(cohortId, query, filters, null);
    },
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly items = computed(() => [...(this.data()?.items ?? []), ...this.extra()]);
  private readonly pageInfo = computed(() => this.cursor() ?? this.data()?.pageInfo ?? null);
  protected readonly hasMore = computed(() => !!this.pageInfo()?.hasNextPage);

  constructor() {
    // The field follows the URL when it changes from outside (back, forward, a shared link).
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (q !== this.sent) {
          this.sent = q;
          this.draft.set(q);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(event: Event): void {
    this.draft.set((event.target as HTMLInputElement).value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.searchNow(), SEARCH_DEBOUNCE_MS);
  }

  protected searchNow(): void {
    clearTimeout(this.timer);
    const q = this.draft();
    if (q.trim() === (this.q() ?? '').trim()) return;
    this.sent = q;
    this.navigate({ q: q.trim() ? q : null });
  }

  protected choose(param: 'round' | 'school', event: Event): void {
    this.navigate({ [param]: (event.target as HTMLSelectElement).value || null });
  }

  protected async loadMore(): Promise<void> {
    const after = this.pageInfo()?.endCursor ?? null;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const filters = { roundId: this.round() || null, schoolId: this.school() || null };
      const page = await firstValueFrom(this.fetch(this.cohortId(), this.query(), filters, after));
      this.extra.update((list) => [...list, ...page.items]);
      this.cursor.set(page.pageInfo);
    } catch (e) {
      this.moreError.set(toApiError(e));
    } finally {
      this.loadingMore.set(false);
    }
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** The list (no search text) or the search, as one view. */
  private fetch(
    cohortId: string,
    query: string,
    filters: SharedSpaceFilters,
    after: string | null,
  ): Observable<View> {
    if (!query) {
      return this.api.sharedSpace(cohortId, filters, after).pipe(
        map((r) => ({
          cohort: r.cohort,
          schools: r.sharedSpaceSchools,
          items: r.sharedSpace.nodes.map((analysis) => ({ analysis, excerpt: null })),
          totalCount: r.sharedSpace.totalCount,
          pageInfo: r.sharedSpace.pageInfo,
          searchable: null,
        })),
      );
    }
    return this.api.searchSharedSpace(cohortId, query, filters, after).pipe(
      map((r) => ({
        cohort: r.cohort,
        schools: r.sharedSpaceSchools,
        items: r.searchSharedSpace.nodes.map((hit) => ({ analysis: hit.analysis, excerpt: hit.excerpt })),
        totalCount: r.searchSharedSpace.totalCount,
        pageInfo: r.searchSharedSpace.pageInfo,
        searchable: r.searchSharedSpace.searchable,
      })),
    );
  }
}
