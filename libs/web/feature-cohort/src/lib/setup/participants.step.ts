import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParticipantImportComponent } from './participant-import.component';
import { ParticipantPickerComponent } from './participant-picker.component';
import { ParticipantTableComponent } from './participant-table.component';
import { ParticipantsState } from './participants.state';

/** Step 4: who takes part. Pick teachers by school or name, import a CSV list, withdraw, same-school wish. */
@Component({
  selector: 'stl-setup-participants-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ParticipantTableComponent, ParticipantPickerComponent, ParticipantImportComponent],
  providers: [ParticipantsState],
  styleUrl: './setup-form.css',
  template: `
    <h2>{{ 'setup.participants.heading' | transloco: { count: state.active().length } }}</h2>
    @if (state.loadError(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }
    <stl-setup-participant-table />

    @if (state.enrolError(); as e) {
      <div class="notice notice--error" role="alert" data-testid="enrol-refused">
        <p>{{ 'setup.participants.nothingEnrolled' | transloco: { count: state.refused().length } }}</p>
        @if (state.refused().length) {
          <ul>
            @for (r of state.refused(); track $index) {
              <li>{{ r.label }}: {{ r.reasonKey | transloco }}</li>
            }
          </ul>
        } @else {
          <p>{{ e.messageKey | transloco }}</p>
        }
      </div>
    }
    @if (state.outcome(); as o) {
      <p class="notice notice--success" role="status" data-testid="enrol-outcome">
        {{ 'setup.participants.enrolled' | transloco: { count: o.enrolled } }}
        @if (o.already) {
          {{ 'setup.participants.alreadyEnrolled' | transloco: { count: o.already } }}
        }
      </p>
    }

    <stl-setup-participant-picker />
    <stl-setup-participant-import />
  `,
})
export class ParticipantsStep {
  protected readonly state = inject(ParticipantsState);
}
