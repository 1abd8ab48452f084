import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SetupApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, CohortStatus } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { addDays } from '@stl/shared/domain';
import { firstValueFrom } from 'rxjs';
import { CohortSettingsFormComponent } from '../setup/cohort-settings-form.component';
import type { CohortSettings } from '../setup/cohort-settings-form.component';
import { fieldErrorKey } from '../setup/form-errors';

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
    <!-- The organisation dashboard (issue 14): every cohort one follows up, together. -->
    <p>
      <a routerLink="/follow-up" data-testid="dashboard-link">{{ 'dashboard.link' | transloco }}</a>
    </p>

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
                @if (c.viewerCanManage && mayCreate()) {
                  @if (copying() === c.id) {
                    <form class="copy-form" (submit)="copy($event, c.id)" novalidate>
                      <p [id]="'copy-lead-' + c.id">{{ 'setup.list.copyLead' | transloco }}</p>
                      <label [for]="'copy-name-' + c.id">{{ 'setup.list.copyName' | transloco }}</label>
                      <input
                        type="text"
                        maxlength="200"
                        name="name"
                        [id]="'copy-name-' + c.id"
                        [attr.aria-describedby]="copyError() ? 'copy-error-' + c.id : null"
                        [attr.aria-invalid]="copyError() ? 'true' : null"
                      />
                      <label [for]="'copy-starts-' + c.id">{{ 'setup.list.copyStartsOn' | transloco }}</label>
                      <input
                        type="date"
                        name="startsOn"
                        [id]="'copy-starts-' + c.id"
                        [value]="nextYear(c.startsOn)"
                      />
                      @if (copyError(); as key) {
                        <p class="error-text" role="alert" [id]="'copy-error-' + c.id">
                          {{ key | transloco }}
                        </p>
                      }
                      <div class="actions">
                        <button type="submit" class="button button--primary" [disabled]="busy()">
                          {{ 'setup.list.copy' | transloco }}
                        </button>
                        <button type="button" class="button" (click)="copying.set(null)">
                          {{ 'setup.list.cancel' | transloco }}
                        </button>
                      </div>
                    </form>
                  } @else {
                    <p>
                      <button type="button" class="link-button" (click)="startCopy(c.id)">
                        {{ 'setup.list.copyFrom' | transloco: { name: c.name } }}
                      </button>
                    </p>
                  }
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
    .copy-form {
      display: grid;
      gap: 0.25rem;
      max-width: 28rem;
      margin-top: 0.5rem;
    }
  `,
})
export class CohortListPage {
  private readonly api = inject(SetupApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
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

  /** Which cohort is being copied, and why the last copy was refused (a translation key). */
  protected readonly copying = signal<string | null>(null);
  protected readonly copyError = signal<string | null>(null);

  /** The same weekday a year later (52 weeks), the copy's suggested first day. */
  protected nextYear(startsOn: string): string {
    return addDays(startsOn, 364);
  }

  protected startCopy(id: string): void {
    this.copying.set(id);
    this.copyError.set(null);
    afterNextRender(() => this.document.getElementById(`copy-name-${id}`)?.focus(), {
      injector: this.injector,
    });
  }

  /** Copies the cohort and opens the copy's set-up. */
  protected async copy(event: Event, sourceId: string): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    const startsOn = String(form.get('startsOn') ?? '');
    if (!name) return this.copyError.set('setup.list.copyNameMissing');
    this.busy.set(true);
    this.copyError.set(null);
    try {
      const id = await firstValueFrom(this.api.copyCohort({ sourceId, name, startsOn }));
      await this.router.navigate(['/cohorts', id, 'setup']);
    } catch (e) {
      const error = toApiError(e);
      const problem = error.problems[0]?.code;
      this.copyError.set(problem ? fieldErrorKey(problem) : error.messageKey);
    } finally {
      this.busy.set(false);
    }
  }

  protected tone(status: CohortStatus): BadgeTone {
    return TONE[status];
  }

  protected async create(value: CohortSettings): Promise<void> {
    const organisationId = this.session.viewer()?.organisation?.id;
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
