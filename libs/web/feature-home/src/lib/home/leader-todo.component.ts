import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CohortApi, apiResource } from '@stl/web/data-access';
import type { LeaderTask } from '@stl/web/data-access';
import { LoadDirective, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { feedbackFormPath } from '@stl/web/feature-review';
import { leaderToDoLines } from './leader-todo-lines';
import type { LeaderToDoLine } from './leader-todo-lines';

type Line = LeaderToDoLine<LeaderTask>;

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
 * Where a gathered line's work is done. Leader feedback: the form of the analysis that has waited
 * longest (the cohort's feedback page lists assignments only, and leader feedback needs none, so
 * it would not show them); back home, the line counts one fewer. Late publishers: the round's
 * allocation page, where all of them are placed.
 */
export function leaderGroupLink(line: Extract<Line, { type: 'group' }>): string[] {
  if (line.kind === 'LEADER_FEEDBACK') {
    const oldest = line.tasks.find((t) => t.waitingSince === line.oldestSince) ?? line.tasks[0];
    return leaderTaskLink(oldest);
  }
  return ['/cohorts', line.cohortId, 'follow-up', 'rounds', line.roundId, 'allocation'];
}

/**
 * The course leader's to-do across the cohorts they lead, most urgent and oldest first: analyses of
 * a round awaiting the same work are one line ("24 analyser, äldsta väntar sedan 3 dec."), leading
 * to where the next of them is done; every other item links to its exact place. Each leaves the
 * list once its work is done.
 */
@Component({
  selector: 'stl-leader-todo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LoadDirective, StatusBadgeComponent, ...FORMAT_PIPES],
  template: `
    <section class="card leader-todo" aria-labelledby="leader-todo-heading" data-testid="leader-todo">
      <h2 id="leader-todo-heading">{{ 'home.leaderToDo.heading' | transloco }}</h2>
      <ng-container *stlLoad="state">
        @if (lines().length) {
          <ul class="todo">
            @for (line of lines(); track key(line)) {
              @if (line.type === 'group') {
                <li data-testid="leader-todo-item">
                  <a [routerLink]="groupLink(line)">{{
                    'home.leaderToDo.group.' + line.kind
                      | transloco
                        : { round: line.roundNumber, cohort: line.cohortName, count: line.tasks.length }
                  }}</a>
                  <span class="todo__when">
                    {{
                      'home.leaderToDo.groupWhen'
                        | transloco: { since: (line.oldestSince | stlShortDate: lang()) }
                    }}
                  </span>
                  @if (line.kind === 'LEADER_FEEDBACK' && isPast(line.dueAt)) {
                    <stl-status-badge tone="danger">{{ 'status.overdue' | transloco }}</stl-status-badge>
                  }
                </li>
              } @else {
                <li data-testid="leader-todo-item">
                  <a [routerLink]="link(line.task)">{{
                    'home.leaderToDo.' + line.task.kind
                      | transloco
                        : {
                            author: line.task.authorName,
                            round: line.task.roundNumber,
                            meeting: line.task.meetingNumber,
                            title: line.task.meetingTitle,
                            count: line.task.publishedCount,
                          }
                  }}</a>
                  <span class="todo__when">
                    {{ line.task.cohortName }} –
                    {{
                      'home.leaderToDo.when.' + line.task.kind
                        | transloco: { when: (line.task.dueAt | stlDateTime: lang()) }
                    }}
                  </span>
                  @if (line.task.kind === 'LEADER_FEEDBACK' && isPast(line.task.dueAt)) {
                    <stl-status-badge tone="danger">{{ 'status.overdue' | transloco }}</stl-status-badge>
                  }
                </li>
              }
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
  protected readonly lines = computed(() =>
    leaderToDoLines(this.state.hasValue() ? this.state.value().leaderToDo : []),
  );

  protected link(task: LeaderTask): string[] {
    return leaderTaskLink(task);
  }

  protected groupLink(line: Extract<Line, { type: 'group' }>): string[] {
    return leaderGroupLink(line);
  }

  protected key(line: Line): string {
    if (line.type === 'group') return ['group', line.kind, line.cohortId, line.roundId].join(':');
    const task = line.task;
    return [task.kind, task.cohortId, task.roundId, task.analysisId, task.meetingId].join(':');
  }

  protected isPast(iso: string): boolean {
    return new Date(iso).getTime() < this.now;
  }
}
