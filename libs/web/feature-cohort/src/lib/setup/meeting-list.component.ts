import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupMeeting } from '@stl/web/data-access';
import { StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { SetupStore } from './setup.store';

/** The meetings planned so far, each with change, remove (asked first) and its attendance page. */
@Component({
  selector: 'stl-setup-meeting-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, StatusBadgeComponent, ...FORMAT_PIPES],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    @if (store.meetings().length) {
      <div class="table-wrap">
        <table data-testid="meeting-table">
          <caption>
            {{
              'setup.meetings.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'setup.meetings.number' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.titleCol' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.when' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.where' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (m of store.meetings(); track m.id) {
              <tr data-testid="setup-meeting">
                <td>{{ m.number }}</td>
                <th scope="row">{{ m.title }}</th>
                <td>
                  {{ m.startsAt | stlDateTime: lang() }}–{{ m.endsAt | stlTime: lang() }} ({{
                    m.startsAt | stlWeek: lang()
                  }})
                </td>
                <td>
                  <stl-status-badge [tone]="m.mode === 'DIGITAL' ? 'info' : 'neutral'">{{
                    'meetingMode.' + m.mode | transloco
                  }}</stl-status-badge>
                  {{ m.location ?? '' }}
                </td>
                <td>
                  @if (confirming() === m.id) {
                    <span
                      role="group"
                      [attr.aria-label]="'setup.meetings.confirmDelete' | transloco: { title: m.title }"
                    >
                      <button type="button" class="button danger" (click)="remove(m)" [disabled]="busy()">
                        {{ 'setup.meetings.confirmDelete' | transloco: { title: m.title } }}
                      </button>
                      <button type="button" class="link-button" (click)="confirming.set(null)">
                        {{ 'setup.common.cancel' | transloco }}
                      </button>
                    </span>
                  } @else {
                    <button type="button" class="link-button" (click)="edit.emit(m)">
                      {{ 'setup.meetings.edit' | transloco: { number: m.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirming.set(m.id)">
                      {{ 'setup.meetings.delete' | transloco: { number: m.number } }}
                    </button>
                    <a [routerLink]="['/cohorts', store.cohort()?.id, 'meetings', m.id, 'attendance']">{{
                      'setup.meetings.attendance' | transloco: { number: m.number }
                    }}</a>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (error(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }
  `,
})
export class MeetingListComponent {
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly lang = inject(LanguageService).lang;

  /** A meeting to change in the form. */
  readonly edit = output<SetupMeeting>();
  /** A meeting that is gone. */
  readonly removed = output<SetupMeeting>();

  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected async remove(m: SetupMeeting): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.deleteMeeting(m.id));
      this.confirming.set(null);
      this.removed.emit(m);
      await this.store.reload();
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
