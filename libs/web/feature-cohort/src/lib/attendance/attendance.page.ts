import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, AttendanceStatus } from '@stl/web/data-access';
import { ExportLinksComponent, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { attendanceRecordingProblem } from '@stl/shared/domain';
import { firstValueFrom, forkJoin } from 'rxjs';

const STATUSES: readonly AttendanceStatus[] = ['PRESENT', 'ABSENT', 'EXCUSED'];

/**
 * Attendance at one meeting: every participant present, absent or excused, saved all at once
 * (recordAttendance is all or nothing). What was marked stays on screen if saving fails. A meeting
 * that has not started yet gets a notice instead of the form: attendance records what happened,
 * and the API refuses it before the start (the same rule from `@stl/shared/domain`).
 */
@Component({
  selector: 'stl-attendance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ExportLinksComponent,
    ...FORMAT_PIPES,
  ],
  styleUrl: '../setup/setup-form.css',
  template: `
    @if (state.error()) {
      <stl-page-header [heading]="'setup.attendance.title' | transloco" />
    }
    <ng-container *stlLoad="state; let d">
      @let m = d.meeting;
      <stl-page-header
        [heading]="'setup.attendance.heading' | transloco: { number: m.number, title: m.title }"
        [lead]="
          (m.startsAt | stlDateTime: lang()) +
          '–' +
          (m.endsAt | stlTime: lang()) +
          ' (' +
          (m.startsAt | stlWeek: lang()) +
          ')'
        "
      >
        <a stlBeforeHeading [routerLink]="['/cohorts', cohortId()]" class="back-link">{{
          'setup.attendance.back' | transloco
        }}</a>
      </stl-page-header>
      <div class="toolbar">
        <stl-export-links [cohortId]="cohortId()" kind="attendance" />
      </div>
      @if (notStarted()) {
        <p class="notice notice--warning" data-testid="attendance-not-started">
          {{
            'setup.attendance.notStarted'
              | transloco: { number: m.number, when: (m.startsAt | stlDateTime: lang()) }
          }}
        </p>
      } @else if (participants().length === 0) {
        <p>{{ 'setup.attendance.none' | transloco }}</p>
      } @else {
        <form (submit)="$event.preventDefault(); save()" novalidate>
          <p>
            {{ 'setup.attendance.lead' | transloco: { marked: markedCount(), total: participants().length } }}
          </p>
          <div class="actions">
            <button type="button" class="button" (click)="markAll('PRESENT')">
              {{ 'setup.attendance.allPresent' | transloco }}
            </button>
          </div>
          <div class="table-wrap">
            <table data-testid="attendance-table">
              <caption>
                {{
                  'setup.attendance.caption' | transloco: { number: m.number }
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'setup.participants.name' | transloco }}</th>
                  <th scope="col">{{ 'setup.participants.school' | transloco }}</th>
                  <th scope="col">{{ 'setup.attendance.status' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (p of participants(); track p.personId) {
                  <tr data-testid="attendance-row">
                    <th scope="row" [id]="'name-' + p.personId">{{ p.person.fullName }}</th>
                    <td>{{ p.person.school?.name ?? '–' }}</td>
                    <td>
                      <div role="radiogroup" class="statuses" [attr.aria-labelledby]="'name-' + p.personId">
                        @for (s of statuses; track s) {
                          <label class="choice">
                            <input
                              type="radio"
                              [name]="'att-' + p.personId"
                              [value]="s"
                              [checked]="marks()[p.personId] === s"
                              (change)="mark(p.personId, s)"
                            />
                            {{ 'setup.attendance.' + s | transloco }}
                          </label>
                        }
                      </div>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (error(); as e) {
            <p class="error-text" role="alert">
              {{ e.messageKey | transloco }}
              @if (e.code !== 'MEETING_NOT_STARTED') {
                {{ 'setup.attendance.kept' | transloco }}
              }
            </p>
          }
          @if (saved()) {
            <p class="notice notice--success" role="status">
              {{ 'setup.attendance.saved' | transloco: { count: markedCount() } }}
            </p>
          }
          <div class="actions">
            <button type="submit" class="button button--primary" [disabled]="busy() || markedCount() === 0">
              {{ 'setup.attendance.save' | transloco }}
            </button>
          </div>
        </form>
      }
    </ng-container>
    @if (state.error()) {
      <p>
        <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
      </p>
    }
  `,
  styles: `
    .toolbar {
      margin-bottom: 1rem;
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
  `,
})
export class AttendancePage {
  private readonly api = inject(SetupApi);
  protected readonly lang = inject(LanguageService).lang;
  /** Route parameters. */
  readonly cohortId = input.required<string>();
  readonly meetingId = input.required<string>();

  protected readonly statuses = STATUSES;
  protected readonly state = apiResource({
    params: () => ({ cohortId: this.cohortId(), meetingId: this.meetingId() }),
    stream: ({ cohortId, meetingId }) =>
      forkJoin({
        meeting: this.api.attendance(meetingId),
        participants: this.api.participants(cohortId),
      }),
  });
  protected readonly meeting = computed(() => (this.state.hasValue() ? this.state.value().meeting : null));
  protected readonly participants = computed(() =>
    this.state.hasValue() ? this.state.value().participants.filter((p) => !p.leftAt) : [],
  );
  /** As recorded so far, then as marked on this page. */
  protected readonly marks = linkedSignal<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries((this.meeting()?.attendance ?? []).map((a) => [a.personId, a.status])),
  );
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  /** Judged when the page loads; should the clock disagree with the API's, its refusal is shown. */
  protected readonly notStarted = computed(() => {
    const m = this.meeting();
    return !!m && attendanceRecordingProblem({ startsAt: new Date(m.startsAt) }, new Date()) !== null;
  });
  protected readonly markedCount = computed(
    () => this.participants().filter((p) => this.marks()[p.personId]).length,
  );

  protected mark(personId: string, status: AttendanceStatus): void {
    this.saved.set(false);
    this.marks.update((m) => ({ ...m, [personId]: status }));
  }

  protected markAll(status: AttendanceStatus): void {
    this.saved.set(false);
    this.marks.set(Object.fromEntries(this.participants().map((p) => [p.personId, status])));
  }

  protected async save(): Promise<void> {
    const m = this.meeting();
    if (!m) return;
    const marks = this.marks();
    const entries = this.participants()
      .filter((p) => marks[p.personId])
      .map((p) => ({ personId: p.personId, status: marks[p.personId] }));
    this.busy.set(true);
    this.error.set(null);
    this.saved.set(false);
    try {
      await firstValueFrom(this.api.recordAttendance(m.id, entries));
      this.saved.set(true);
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
