import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { SetupStore } from './setup.store';

/** The frame of the setup flow: the cohort's name, the steps, and the step being worked on. */
@Component({
  selector: 'stl-setup-shell-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    PageHeaderComponent,
    StatusBadgeComponent,
  ],
  template: `
    @if (store.cohort(); as c) {
      <stl-page-header
        [heading]="'setup.shell.heading' | transloco: { name: c.name }"
        [lead]="'setup.shell.lead' | transloco"
      >
        <a stlBeforeHeading [routerLink]="['/cohorts', c.id]" class="back-link">{{
          'setup.shell.backToCohort' | transloco: { name: c.name }
        }}</a>
        <p>
          <stl-status-badge [tone]="c.status === 'OPEN' ? 'success' : 'neutral'">
            {{ 'cohortStatus.' + c.status | transloco }}
          </stl-status-badge>
        </p>
      </stl-page-header>
      @if (!c.viewerCanManage) {
        <p class="error-text" role="alert">{{ 'errors.FORBIDDEN' | transloco }}</p>
      } @else {
        <nav class="steps" [attr.aria-label]="'setup.shell.stepsLabel' | transloco">
          <ol>
            @for (step of steps; track step; let i = $index) {
              <li>
                <a [routerLink]="step" routerLinkActive="steps__current" ariaCurrentWhenActive="page">
                  {{ i + 1 }}.
                  {{
                    'setup.steps.' + step
                      | transloco: { meetings: c.meetings.length, rounds: c.rounds.length }
                  }}
                </a>
              </li>
            }
          </ol>
        </nav>
        <router-outlet />
      }
    } @else if (store.error(); as error) {
      <stl-page-header [heading]="'setup.shell.title' | transloco" />
      <p class="error-text" role="alert">{{ error.messageKey | transloco }}</p>
      <p>
        <a routerLink="/cohorts">{{ 'setup.list.backToList' | transloco }}</a>
      </p>
    } @else {
      <p>{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .steps ol {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0;
      margin: 0 0 1.5rem;
    }
    .steps a {
      display: inline-block;
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--stl-border);
      border-radius: 0.375rem;
      text-decoration: none;
      font-weight: 600;
    }
    .steps a.steps__current {
      border-color: var(--stl-primary);
      background: var(--stl-primary);
      color: #fff;
    }
  `,
})
export class SetupShellPage {
  protected readonly store = inject(SetupStore);
  /** Route parameter. */
  readonly cohortId = input.required<string>();
  protected readonly steps = ['settings', 'meetings', 'rounds', 'participants', 'open'] as const;

  constructor() {
    effect(() => void this.store.load(this.cohortId()));
  }
}
