import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, LOADING, SessionStore, loadable } from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FollowUpCardComponent } from './follow-up-card.component';
import { ParticipantCardComponent } from './participant-card.component';

/** What to do next, by role, for every cohort the person may see. */
@Component({
  selector: 'stl-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    StatusBadgeComponent,
    ParticipantCardComponent,
    FollowUpCardComponent,
  ],
  template: `
    <stl-page-header
      [heading]="'home.greeting' | transloco: { name: firstName() }"
      [lead]="'home.lead' | transloco: { organisation: organisation() }"
    />
    @switch (cohorts().status) {
      @case ('loading') {
        <p>{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <p class="error-text" role="alert">{{ errorKey() | transloco }}</p>
      }
      @case ('ready') {
        @for (cohort of list(); track cohort.id) {
          <section class="card cohort-card" [attr.aria-labelledby]="'cohort-' + cohort.id">
            <div class="cohort-card__head">
              <h2 [id]="'cohort-' + cohort.id">
                <a [routerLink]="['/cohorts', cohort.id]">{{ cohort.name }}</a>
              </h2>
              <stl-status-badge [tone]="cohort.status === 'OPEN' ? 'success' : 'neutral'">
                {{ 'cohortStatus.' + cohort.status | transloco }}
              </stl-status-badge>
            </div>
            <p class="muted">{{ 'home.yourRole.' + cohort.viewerRole | transloco }}</p>
            @switch (cohort.viewerRole) {
              @case ('PARTICIPANT') {
                <stl-participant-card [cohort]="cohort" />
              }
              @case ('LEADER') {
                <stl-follow-up-card [cohort]="cohort" />
              }
              @case ('SCHOOL_LEADER') {
                <stl-follow-up-card [cohort]="cohort" />
              }
              @default {
                <p>
                  <a [routerLink]="['/cohorts', cohort.id]">{{ 'home.openCohort' | transloco }}</a>
                </p>
              }
            }
          </section>
        } @empty {
          <p>{{ 'home.noCohorts' | transloco }}</p>
        }
      }
    }
  `,
  styles: `
    .cohort-card {
      margin-block-end: 1.5rem;
    }
    .cohort-card__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .cohort-card__head h2 {
      margin: 0;
      font-size: 1.375rem;
    }
  `,
})
export class HomePage {
  private readonly session = inject(SessionStore);
  protected readonly cohorts = toSignal(loadable(inject(CohortApi).myCohorts()), { initialValue: LOADING });
  protected readonly list = computed(() => {
    const c = this.cohorts();
    return c.status === 'ready' ? c.data.cohorts.nodes : [];
  });
  protected readonly errorKey = computed(() => {
    const c = this.cohorts();
    return c.status === 'error' ? c.error.messageKey : '';
  });
  protected readonly firstName = computed(() => this.session.viewer()?.person.fullName.split(' ')[0] ?? '');
  protected readonly organisation = computed(() => this.session.viewer()?.organisation?.name ?? '');
}
