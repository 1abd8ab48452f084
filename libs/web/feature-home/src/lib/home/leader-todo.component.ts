import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, apiResource } from '@stl/web/data-access';
import type { LeaderTask } from '@stl/web/data-access';
import { LoadDirective, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { feedbackFormPath } from '@stl/web/feature-review';

/** Where a to-do item is done: the feedback form, the allocation page or the attendance page. */
export function leaderTaskLink(task: LeaderTask): string[] {
  const cohort = ['/cohorts', task.cohortId];
  switch (task.kind) {
    case 'LEADER_FEEDBACK':
      return [feedbackFormPath(task.cohortId, task.analysisId ?? '')];
    case 'ROUND_TO_ALLOCATE':
    case 'LATE_PUBLISHER':
      return [...cohort, 'follow-up', 'rounds', task.roundId ?? '', 'allocation'];
    case 'ATTENDANCE_TO_REGISTER':
      return [...cohort, 'meetings', task.meetingId ?? '', 'attendance'];
  }
}

/**
 * The course leader's to-do across the cohorts they lead, oldest first (the API sorts): each item
 * links to the exact place where it is done and leaves the list once it is.
 */
@Component({
  selector: 'stl-leader-todo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, StatusBadgeComponent, ...FORMAT_PIPES],
  template: `
    <section class="card leader-todo" aria-labelledby="leader-todo-heading" data-testid="leader-todo">
      <h2 id="leader-todo-heading">{{ 'home.leaderToDo.heading' | transloco }}</h2>
      <ng-container *stlLoad="state">
        @if (tasks().length) {
          <ul class="todo">
            @for (task of tasks(); track key(task)) {
              <li data-testid="leader-todo-item">
                <a [routerLink]="link(task)">{{
                  'home.leaderToDo.' + task.kind
                    | transloco
                      : {
                          author: task.authorName,
                          round: task.roundNumber,
                          meeting: task.meetingNumber,
                          title: task.meetingTitle,
                          count: task.publishedCount,
                        }
                }}</a>
                <span class="todo__when">
                  {{ task.cohortName }} –
                  {{
                    'home.leaderToDo.when.' + task.kind
                      | transloco: { when: (task.dueAt | stlDateTime: lang()) }
                  }}
                </span>
                @if (task.kind === 'LEADER_FEEDBACK' && isPast(task.dueAt)) {
                  <stl-status-badge tone="danger">{{ 'status.overdue' | transloco }}</stl-status-badge>
                }
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'home.leaderToDo.empty' | transloco }}</p>
        }
      </ng-container>
    </section>
  `,
  styles: `
    .leader-todo {
      margin-block-end: 1.5rem;
    }
    .leader-todo h2 {
      margin-block-start: 0;
      font-size: 1.375rem;
    }
  `,
})
export class LeaderToDoComponent {
  private readonly api = inject(CohortApi);
  protected readonly lang = inject(LanguageService).lang;
  private readonly now = Date.now();
  protected readonly state = apiResource({ stream: () => this.api.leaderToDo() });
  protected readonly tasks = computed(() => (this.state.hasValue() ? this.state.value().leaderToDo : []));

  protected link(task: LeaderTask): string[] {
    return leaderTaskLink(task);
  }

  protected key(task: LeaderTask): string {
    return [task.kind, task.cohortId, task.roundId, task.analysisId, task.meetingId].join(':');
  }

  protected isPast(iso: string): boolean {
    return new Date(iso).getTime() < this.now;
  }
}
