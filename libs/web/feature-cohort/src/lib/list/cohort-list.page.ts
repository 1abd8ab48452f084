import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SetupApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, CohortStatus } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { CohortSettingsFormComponent } from '../setup/cohort-settings-form.component';
import type { CohortSettings } from '../setup/cohort-settings-form.component';

const TONE: Record<CohortStatus, BadgeTone> = {
  PLANNING: 'info',
  OPEN: 'success',
  COMPLETED: 'neutral',
  ARCHIVED: 'neutral',
};

/**
 * My cohorts, newest first, with their status; and a new cohort for those who may create one
 * (administrators, and course leaders with a valid certification).
 */
@Component({
  selector: 'stl-cohort-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    CohortSettingsFormComponent,
    ...FORMAT_PIPES,
  ],
  styleUrl: '../setup/setup-form.css',
  template: `
    <stl-page-header [heading]="'setup.list.title' | transloco" [lead]="'setup.list.lead' | transloco">
      <a stlBeforeHeading routerLink="/" class="back-link">{{ 'common.backHome' | transloco }}</a>
    </stl-page-header>

    @if (mayCreate()) {
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{{ 'setup.list.newHeading' | transloco }}</h2>
        @if (creating()) {
          <p>{{ 'setup.list.newLead' | transloco }}</p>
          <stl-cohort-settings-form
            [initial]="suggested"
            [submitLabel]="'setup.list.create' | transloco"
            [busy]="busy()"
            [apiError]="error()"
            (save)="create($event)"
          />
          <p>
            <button type="button" class="link-button" (click)="creating.set(false)">
              {{ 'setup.list.cancel' | transloco }}
            </button>
          </p>
        } @else {
          <p>
            <button type="button" class="button button--primary" (click)="creating.set(true)">
              {{ 'setup.list.new' | transloco }}
            </button>
          </p>
        }
      </section>
    }

    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{{ 'setup.list.mine' | transloco }}</h2>
      <ng-container *stlLoad="state">
        @if (cohorts().length === 0) {
          <p>{{ 'setup.list.none' | transloco }}</p>
        } @else {
          <ul class="cohort-list">
            @for (c of cohorts(); track c.id) {
              <li class="card" data-testid="cohort-item">
                <h3>
                  <a [routerLink]="['/cohorts', c.id]">{{ c.name }}</a>
                </h3>
                <p>
                  <stl-status-badge [tone]="tone(c.status)">{{
                    'cohortStatus.' + c.status | transloco
                  }}</stl-status-badge>
                  {{
                    'setup.list.period'
                      | transloco
                        : {
                            year: c.schoolYear,
                            from: (c.startsOn | stlCalendarDate: lang()),
                            to: (c.endsOn | stlCalendarDate: lang()),
                          }
                  }}
                </p>
                @if (c.viewerCanManage && (c.status === 'PLANNING' || c.status === 'OPEN')) {
                  <p>
                    <a [routerLink]="['/cohorts', c.id, 'setup']">{{
                      'setup.list.plan' | transloco: { name: c.name }
                    }}</a>
                  </p>
                }
              </li>
            }
          </ul>
        }
      </ng-container>
    </section>
  `,
  styles: `
    .cohort-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .cohort-list h3 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    .cohort-list p {
      margin: 0.25rem 0 0;
    }
  `,
})
export class CohortListPage {
  private readonly api = inject(SetupApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly state = apiResource({ stream: () => this.api.cohorts() });
  /** Newest first. */
  protected readonly cohorts = computed(() =>
    this.state.hasValue()
      ? [...this.state.value()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      : [],
  );
  private readonly certifications = toSignal(this.api.myCertifications(), { initialValue: [] });
  protected readonly mayCreate = computed(
    () =>
      this.session.hasRole('ADMINISTRATOR') ||
      (this.session.hasRole('COURSE_LEADER') &&
        this.certifications().some((c) => c.status === 'VALID' || c.status === 'EXPIRING_SOON')),
  );

  protected readonly creating = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** Next school year, from 1 August to 30 June; the leader changes what does not fit. */
  protected readonly suggested = suggestedSettings(new Date());

  protected tone(status: CohortStatus): BadgeTone {
    return TONE[status];
  }

  protected async create(value: CohortSettings): Promise<void> {
    const organisationId = this.session.viewer()?.organisation.id;
    if (!organisationId) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const id = await firstValueFrom(this.api.createCohort({ ...value, organisationId }));
      await this.router.navigate(['/cohorts', id, 'setup']);
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}

/** The coming school year: from August this year, or next year once this one's August has passed. */
export function suggestedSettings(today: Date): CohortSettings {
  const y = today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear();
  return {
    name: '',
    schoolYear: `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
    startsOn: `${y}-08-15`,
    endsOn: `${y + 1}-06-10`,
  };
}
