import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupRound } from '@stl/web/data-access';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { meetingLabels } from './meeting-label';
import { SetupStore } from './setup.store';

/** The rounds planned so far, each with change and remove (asked first). */
@Component({
  selector: 'stl-setup-round-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ...FORMAT_PIPES],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    @if (rounds().length) {
      <div class="table-wrap">
        <table data-testid="round-table">
          <caption>
            {{
              'setup.rounds.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'setup.rounds.titleCol' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.opens' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.submission' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.feedback' | transloco }}</th>
              <th scope="col">{{ 'setup.rounds.meeting' | transloco }}</th>
              <th scope="col">{{ 'setup.meetings.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rounds(); track r.id) {
              <tr data-testid="setup-round">
                <th scope="row">{{ r.number }}. {{ r.title }}</th>
                <td>{{ r.opensAt | stlDateTime: lang() }}</td>
                <td>
                  {{ r.submissionDeadline | stlDateTime: lang() }} ({{
                    r.submissionDeadline | stlWeek: lang()
                  }})
                </td>
                <td>
                  {{ r.feedbackDeadline | stlDateTime: lang() }} ({{ r.feedbackDeadline | stlWeek: lang() }})
                </td>
                <td>{{ meetingLabel(r.meetingId) }}</td>
                <td>
                  @if (confirming() === r.id) {
                    <button type="button" class="button danger" (click)="remove(r)" [disabled]="busy()">
                      {{ 'setup.rounds.confirmDelete' | transloco: { number: r.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirming.set(null)">
                      {{ 'setup.common.cancel' | transloco }}
                    </button>
                  } @else {
                    <button type="button" class="link-button" (click)="edit.emit(r)">
                      {{ 'setup.rounds.edit' | transloco: { number: r.number } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirming.set(r.id)">
                      {{ 'setup.rounds.delete' | transloco: { number: r.number } }}
                    </button>
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
export class RoundListComponent {
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly meetingLabel = meetingLabels();

  /** A round to change in the form. */
  readonly edit = output<SetupRound>();
  /** A round that is gone. */
  readonly removed = output<SetupRound>();

  protected readonly rounds = computed(() =>
    [...(this.store.cohort()?.rounds ?? [])].sort((a, b) => a.number - b.number),
  );
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected async remove(r: SetupRound): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.deleteRound(r.id));
      this.confirming.set(null);
      this.removed.emit(r);
      await this.store.reload();
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
