import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, SessionStore, apiResource } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FollowUpCardComponent } from './follow-up-card.component';
import { LeaderToDoComponent } from './leader-todo.component';
import { ParticipantCardComponent } from './participant-card.component';
import { SelfAssessmentPromptComponent } from '../self-assessment/self-assessment-prompt.component';

/** What to do next, by role, for every cohort the person may see. */
@Component({
  selector: 'stl-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ParticipantCardComponent,
    FollowUpCardComponent,
    LeaderToDoComponent,
    SelfAssessmentPromptComponent,
  ],
  template: `
    <stl-page-header
      [heading]="'home.greeting' | transloco: { name: firstName() }"
      [lead]="'home.lead' | transloco: { organisation: organisation() }"
    />
    <stl-self-assessment-prompt />
    @if (followsUp()) {
      <p class="related">
        <a routerLink="/self-assessment">{{ 'selfAssessment.results.title' | transloco }}</a>
      </p>
    }
    <ng-container *stlLoad="cohorts">
      @if (leads()) {
        <stl-leader-todo />
      }
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
    </ng-container>
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
  private readonly api = inject(CohortApi);
  protected readonly cohorts = apiResource({ stream: () => this.api.myCohorts() });
  protected readonly list = computed(() =>
    this.cohorts.hasValue() ? this.cohorts.value().cohorts.nodes : [],
  );
  /** Course leaders of any cohort get their to-do across all of them first. */
  protected readonly leads = computed(() => this.list().some((c) => c.viewerRole === 'LEADER'));
  /** Administrators and course leaders follow the self-assessment up (issue 14). */
  protected readonly followsUp = computed(
    () => this.session.roles().includes('ADMINISTRATOR') || this.session.roles().includes('COURSE_LEADER'),
  );
  protected readonly firstName = computed(() => this.session.viewer()?.person.fullName.split(' ')[0] ?? '');
  protected readonly organisation = computed(() => this.session.viewer()?.organisation?.name ?? '');
}
