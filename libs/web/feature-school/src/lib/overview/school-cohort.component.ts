import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReviewApi, apiResource } from '@stl/web/data-access';
import type { SchoolCohort, SchoolParticipantProgress } from '@stl/web/data-access';
import { LoadDirective, StatusBadgeComponent } from '@stl/web/ui';
import { supportReasonText } from '@stl/web/util-i18n';
import { bySchool, overdueCount } from './support-rule';

type SupportReason = SchoolParticipantProgress['supportReasons'][number];

interface Row {
  p: SchoolParticipantProgress;
  /** The API's reasons (course rule 8): the same as the follow-up filter and the home card. */
  reasons: readonly SupportReason[];
  overdue: number;
}

/**
 * One cohort as a school leader follows it: who seems to need support (and why), then every
 * teacher of the school with their progress in numbers. Facts only, never analysis text.
 */
@Component({
  selector: 'stl-school-cohort',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, LoadDirective, StatusBadgeComponent],
  template: `
    @let c = cohort();
    <section class="cohort" [attr.aria-labelledby]="'cohort-' + c.id" data-testid="school-cohort">
      <h2 [id]="'cohort-' + c.id">{{ c.name }}</h2>
      <p class="muted">
        {{ 'school.cohortFacts' | transloco: { year: c.schoolYear, share: attendancePercent() } }}
      </p>
      <ng-container *stlLoad="state">
        @for (group of groups(); track group.schoolId) {
          @let support = needing(group.people);
          <h3>{{ group.schoolName || ('school.noSchool' | transloco) }}</h3>
          <h4>{{ 'school.supportHeading' | transloco: { count: support.length } }}</h4>
          @if (support.length) {
            <ul class="support" data-testid="needs-support">
              @for (row of support; track row.p.person.id) {
                <li>
                  <strong>{{ row.p.person.fullName }}</strong>:
                  @for (reason of row.reasons; track $index; let last = $last) {
                    @let t = reasonText(reason);
                    {{ t.key | transloco: t.params }}{{ last ? '' : ';' }}
                  }
                </li>
              }
            </ul>
          } @else {
            <p>{{ 'school.nobodyNeedsSupport' | transloco }}</p>
          }

          <div
            class="table-wrap"
            role="region"
            tabindex="0"
            [attr.aria-labelledby]="'caption-' + c.id + '-' + $index"
          >
            <table>
              <caption [id]="'caption-' + c.id + '-' + $index">
                {{
                  'school.tableCaption' | transloco: { school: group.schoolName, cohort: c.name }
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'school.cols.teacher' | transloco }}</th>
                  <th scope="col">{{ 'school.cols.published' | transloco }}</th>
                  <th scope="col">{{ 'school.cols.tasks' | transloco }}</th>
                  <th scope="col">{{ 'school.cols.attendance' | transloco }}</th>
                  <th scope="col">{{ 'school.cols.overdue' | transloco }}</th>
                  <th scope="col">{{ 'school.cols.status' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of group.people; track row.p.person.id) {
                  <tr data-testid="participant-row">
                    <th scope="row">{{ row.p.person.fullName }}</th>
                    <td>
                      {{
                        'school.ofCount'
                          | transloco: { count: row.p.publishedCount, total: row.p.minPublished }
                      }}
                    </td>
                    <td>
                      {{ 'school.ofCount' | transloco: { count: row.p.tasksDone, total: row.p.tasksTotal } }}
                    </td>
                    <td>
                      {{
                        'school.attendance'
                          | transloco
                            : {
                                attended: row.p.meetingsAttended,
                                held: row.p.meetingsHeld,
                                required: row.p.meetingsRequired,
                              }
                      }}
                    </td>
                    <td>{{ row.overdue }}</td>
                    <td>
                      @if (row.p.completed) {
                        <stl-status-badge tone="success">{{
                          'school.status.completed' | transloco
                        }}</stl-status-badge>
                      } @else if (row.p.supportLevel !== 'ON_TRACK') {
                        <stl-status-badge
                          [tone]="row.p.supportLevel === 'NEEDS_SUPPORT' ? 'danger' : 'warning'"
                          >{{ 'support.level.' + row.p.supportLevel | transloco }}</stl-status-badge
                        >
                      } @else {
                        <stl-status-badge tone="neutral">{{
                          'school.status.onTrack' | transloco
                        }}</stl-status-badge>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @empty {
          <p>{{ 'school.noParticipants' | transloco }}</p>
        }
      </ng-container>
    </section>
  `,
  styles: `
    .cohort {
      margin-block-end: 3rem;
    }
    h2 {
      font-size: 1.5rem;
      margin-block-end: 0.25rem;
    }
    h3 {
      font-size: 1.25rem;
      margin-block: 1.5rem 0.5rem;
    }
    h4 {
      font-size: 1.0625rem;
      margin-block: 1rem 0.5rem;
    }
    .support {
      margin: 0 0 1rem;
      padding-inline-start: 1.25rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      min-width: 40rem;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.5rem 0.75rem;
      border-block-end: 1px solid var(--stl-border);
      vertical-align: top;
    }
    thead th {
      background: var(--stl-surface-muted);
    }
  `,
})
export class SchoolCohortComponent {
  private readonly api = inject(ReviewApi);
  readonly cohort = input.required<SchoolCohort>();

  protected readonly state = apiResource({
    params: () => this.cohort().id,
    stream: (cohortId) => this.api.schoolProgress(cohortId),
  });
  protected readonly attendancePercent = computed(() =>
    Math.round(this.cohort().requiredAttendanceShare * 100),
  );
  protected readonly groups = computed(() => {
    const rows: (Row & {
      schoolId?: string | null;
      schoolName?: string | null;
      person: { fullName: string };
    })[] = this.state.hasValue()
      ? this.state
          .value()
          .filter((p) => !p.leftAt)
          .map((p) => ({
            p,
            reasons: p.supportReasons,
            overdue: overdueCount(p),
            schoolId: p.schoolId,
            schoolName: p.schoolName,
            person: p.person,
          }))
      : [];
    return bySchool(rows);
  });

  /** Those the API grades NEEDS_SUPPORT: the same set as the follow-up filter and the home card. */
  protected needing(rows: readonly Row[]): Row[] {
    return rows.filter((r) => r.p.supportLevel === 'NEEDS_SUPPORT');
  }

  /** The same words for the same reasons as the follow-up matrix and the home card. */
  protected readonly reasonText = supportReasonText;
}
