import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReviewApi, SessionStore, SupportApi, apiResource } from '@stl/web/data-access';
import type { SupportThresholds } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { SchoolCohortComponent } from './school-cohort.component';

/**
 * The school leader's follow-up: their own school's teachers in each cohort, each person's
 * progress, and who seems to need support. The API shows a school leader nothing else, and this
 * page asks for no text at all.
 */
@Component({
  selector: 'stl-school-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, PageHeaderComponent, SchoolCohortComponent],
  template: `
    <stl-page-header [heading]="'school.title' | transloco" [lead]="'school.lead' | transloco" />
    <ng-container *stlLoad="state">
      @if (!isSchoolLeader()) {
        <p class="notice" data-testid="not-school-leader">{{ 'school.notSchoolLeader' | transloco }}</p>
      } @else {
        @if (thresholds(); as t) {
          <details class="rule" data-testid="support-rule">
            <summary>{{ 'school.rule.summary' | transloco }}</summary>
            <p>
              {{
                'school.rule.intro'
                  | transloco: { behind: (days(t.behindAfterDays) | transloco: { count: t.behindAfterDays }) }
              }}
            </p>
            <ul>
              <li>
                {{
                  'school.rule.analysis'
                    | transloco
                      : {
                          days:
                            (days(t.needsSupportAfterDays) | transloco: { count: t.needsSupportAfterDays }),
                          rounds:
                            (rounds(t.needsSupportRoundsMissed)
                            | transloco: { count: t.needsSupportRoundsMissed }),
                        }
                }}
              </li>
              <li>{{ 'school.rule.tasks' | transloco }}</li>
              <li>{{ 'school.rule.attendance' | transloco }}</li>
            </ul>
            <p>{{ 'school.rule.not' | transloco }}</p>
            <p>{{ (t.isDefault ? 'school.rule.defaults' : 'school.rule.own') | transloco }}</p>
          </details>
        }
        @for (c of cohorts(); track c.id) {
          <stl-school-cohort [cohort]="c" />
        } @empty {
          <p>{{ 'school.noCohorts' | transloco }}</p>
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
    .rule {
      margin-block-end: 2rem;
      max-width: 70ch;
    }
  `,
})
export class SchoolOverviewPage {
  private readonly api = inject(ReviewApi);
  private readonly support = inject(SupportApi);
  private readonly session = inject(SessionStore);

  protected readonly state = apiResource({ stream: () => this.api.schoolCohorts() });
  private readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly isSchoolLeader = computed(
    () => this.data()?.me?.roles.some((r) => r.role === 'SCHOOL_LEADER') ?? false,
  );
  /**
   * The organisation's own thresholds of the support signal (course rule 8), which the API grades
   * by: the rule is explained with them, never with the defaults unless those apply.
   */
  private readonly thresholdsState = apiResource({
    params: () => this.session.viewer()?.organisation?.id,
    stream: (organisationId) => this.support.thresholds(organisationId),
  });
  protected readonly thresholds = computed((): SupportThresholds | null =>
    this.thresholdsState.hasValue() ? (this.thresholdsState.value() ?? null) : null,
  );
  protected days(n: number): string {
    return `school.rule.days.${n === 1 ? 'one' : 'other'}`;
  }
  protected rounds(n: number): string {
    return `school.rule.rounds.${n === 1 ? 'one' : 'other'}`;
  }
  /** Cohorts under way first (the API lists newest first); planned and archived ones are left out. */
  protected readonly cohorts = computed(() =>
    (this.data()?.cohorts.nodes ?? []).filter(
      (c) => c.viewerRole === 'SCHOOL_LEADER' && (c.status === 'OPEN' || c.status === 'COMPLETED'),
    ),
  );
}
