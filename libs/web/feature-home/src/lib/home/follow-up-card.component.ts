import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, apiResource } from '@stl/web/data-access';
import { LoadDirective } from '@stl/web/ui';
import type { CohortSummary } from '@stl/web/data-access';
import { FORMAT_PIPES, LanguageService, supportReasonText } from '@stl/web/util-i18n';
import { nextDeadline, nextMeeting } from './next-steps';

/**
 * Follow-up for course leaders (the whole cohort) and school leaders (their own school's
 * teachers): who needs support and why. Progress only: no analysis text is fetched here.
 */
@Component({
  selector: 'stl-follow-up-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, ...FORMAT_PIPES],
  template: `
    <!-- What is known at once comes first: the figures below fill in later and must push nothing (CLS). -->
    @if (cohort().viewerCanManage) {
      <p>
        <a [routerLink]="['/cohorts', cohort().id, 'follow-up']">{{
          'followUp.home.openMatrix' | transloco
        }}</a>
      </p>
    }
    @if (deadline(); as round) {
      <p>
        <strong>{{ 'home.nextDeadline' | transloco }}</strong>
        {{ round.number }}. {{ round.title }} – {{ round.submissionDeadline | stlDateTime: lang() }}
      </p>
    }
    @if (meeting(); as m) {
      <p>
        <strong>{{ 'home.nextMeeting' | transloco }}</strong>
        {{ m.number }}. {{ m.title }} – {{ m.startsAt | stlDateTime: lang() }} ({{
          m.startsAt | stlWeek: lang()
        }})
      </p>
    }
    <h3>{{ 'home.followUp' | transloco }}</h3>
    <ng-container *stlLoad="state">
      @if (followUp(); as f) {
        <p>
          {{
            (schoolView() ? 'home.teachersFromYourSchool' : 'home.participantsInCohort')
              | transloco: { count: f.all.totalCount }
          }}
          {{ 'home.needSupportCount' | transloco: { count: f.needsSupport.totalCount } }}
        </p>
        @if (f.needsSupport.nodes.length) {
          <ul class="support-list">
            @for (p of f.needsSupport.nodes; track p.person.id) {
              <li>
                <strong>{{ p.person.fullName }}</strong>
                @if (p.schoolName && !schoolView()) {
                  ({{ p.schoolName }})
                }
                – {{ 'home.publishedSoFar' | transloco: { count: p.publishedCount } }}
                @if (p.supportReasons.length) {
                  <ul>
                    @for (r of p.supportReasons; track $index) {
                      @let t = reasonText(r);
                      <li>{{ t.key | transloco: t.params }}</li>
                    }
                  </ul>
                }
              </li>
            }
          </ul>
        }
      }
    </ng-container>
  `,
})
export class FollowUpCardComponent {
  private readonly api = inject(CohortApi);
  protected readonly lang = inject(LanguageService).lang;
  /** The same words for the same reasons as the follow-up matrix and the school leader's page. */
  protected readonly reasonText = supportReasonText;
  readonly cohort = input.required<CohortSummary>();
  private readonly now = Date.now();

  protected readonly schoolView = computed(() => this.cohort().viewerRole === 'SCHOOL_LEADER');
  protected readonly state = apiResource({
    params: () => this.cohort().id,
    stream: (cohortId) => this.api.followUp(cohortId),
  });
  protected readonly followUp = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly deadline = computed(() => nextDeadline(this.cohort(), this.now));
  protected readonly meeting = computed(() => nextMeeting(this.cohort(), this.now));
}
