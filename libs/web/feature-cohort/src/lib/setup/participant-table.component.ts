import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupParticipant } from '@stl/web/data-access';
import { firstValueFrom } from 'rxjs';
import { ParticipantsState } from './participants.state';
import { SetupStore } from './setup.store';

/** The participants: each with the same-school wish and withdraw (asked first); those who left, to rejoin. */
@Component({
  selector: 'stl-setup-participant-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    @if (rowError(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }
    @if (state.active().length === 0) {
      <p>{{ 'setup.participants.none' | transloco }}</p>
    } @else {
      <div class="table-wrap">
        <table data-testid="participant-table">
          <caption>
            {{
              'setup.participants.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'setup.participants.name' | transloco }}</th>
              <th scope="col">{{ 'setup.participants.school' | transloco }}</th>
              <th scope="col">{{ 'setup.participants.email' | transloco }}</th>
              <th scope="col">{{ 'setup.participants.sameSchool' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of state.active(); track p.personId) {
              <tr data-testid="participant">
                <th scope="row">{{ p.person.fullName }}</th>
                <td>{{ p.person.school?.name ?? '–' }}</td>
                <td>{{ p.person.email ?? '–' }}</td>
                <td>
                  <label class="choice">
                    <input
                      type="checkbox"
                      [checked]="p.wantsSameSchool"
                      (change)="setSameSchool(p, $event)"
                      [disabled]="state.busy()"
                    />
                    <span class="visually-hidden">{{
                      'setup.participants.sameSchoolFor' | transloco: { name: p.person.fullName }
                    }}</span>
                    <span aria-hidden="true">{{
                      (p.wantsSameSchool ? 'setup.participants.yes' : 'setup.participants.no') | transloco
                    }}</span>
                  </label>
                </td>
                <td>
                  @if (confirming() === p.personId) {
                    <button
                      type="button"
                      class="button danger"
                      (click)="withdraw(p)"
                      [disabled]="state.busy()"
                    >
                      {{ 'setup.participants.confirmWithdraw' | transloco: { name: p.person.fullName } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirming.set(null)">
                      {{ 'setup.common.cancel' | transloco }}
                    </button>
                  } @else {
                    <button type="button" class="link-button" (click)="confirming.set(p.personId)">
                      {{ 'setup.participants.withdraw' | transloco: { name: p.person.fullName } }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    <p class="muted">{{ 'setup.participants.sameSchoolHint' | transloco }}</p>
    @if (state.withdrawn().length) {
      <details>
        <summary>
          {{ 'setup.participants.withdrawnHeading' | transloco: { count: state.withdrawn().length } }}
        </summary>
        <ul>
          @for (p of state.withdrawn(); track p.personId) {
            <li>
              {{ p.person.fullName }} ({{ p.person.school?.name ?? '–' }})
              <button
                type="button"
                class="link-button"
                (click)="state.enrol([p.personId])"
                [disabled]="state.busy()"
              >
                {{ 'setup.participants.rejoin' | transloco: { name: p.person.fullName } }}
              </button>
            </li>
          }
        </ul>
      </details>
    }
  `,
})
export class ParticipantTableComponent {
  protected readonly state = inject(ParticipantsState);
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly confirming = signal<string | null>(null);
  protected readonly rowError = signal<ApiError | null>(null);

  protected async withdraw(p: SetupParticipant): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    this.state.busy.set(true);
    this.rowError.set(null);
    try {
      await firstValueFrom(this.api.withdraw(cohort.id, p.personId));
      this.confirming.set(null);
      await this.state.reloadParticipants();
    } catch (e) {
      this.rowError.set(toApiError(e));
    } finally {
      this.state.busy.set(false);
    }
  }

  protected async setSameSchool(p: SetupParticipant, event: Event): Promise<void> {
    const cohort = this.store.cohort();
    const box = event.target as HTMLInputElement;
    if (!cohort) return;
    this.rowError.set(null);
    try {
      await firstValueFrom(this.api.setSameSchool(cohort.id, p.personId, box.checked));
      this.state.participants.update((all) =>
        all.map((x) => (x.personId === p.personId ? { ...x, wantsSameSchool: box.checked } : x)),
      );
    } catch (e) {
      box.checked = p.wantsSameSchool;
      this.rowError.set(toApiError(e));
    }
  }
}
