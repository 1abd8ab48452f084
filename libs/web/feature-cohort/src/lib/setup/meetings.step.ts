import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MIN_MEETINGS } from '@stl/shared/domain';
import { MeetingEditorComponent } from './meeting-editor.component';
import { MeetingListComponent } from './meeting-list.component';
import { SetupStore } from './setup.store';

/** Step 2: the joint meetings (at least eight), added, changed and removed one at a time. */
@Component({
  selector: 'stl-setup-meetings-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, MeetingListComponent, MeetingEditorComponent],
  styleUrl: './setup-form.css',
  template: `
    <h2 id="meetings-heading">
      {{ 'setup.meetings.heading' | transloco: { count: store.meetings().length, min: min } }}
    </h2>
    <p>{{ 'setup.meetings.lead' | transloco: { min: min } }}</p>
    <stl-setup-meeting-list (edit)="editor().edit($event)" (removed)="editor().stopEditing($event.id)" />
    <stl-setup-meeting-editor />
  `,
})
export class MeetingsStep {
  protected readonly store = inject(SetupStore);
  protected readonly min = MIN_MEETINGS;
  protected readonly editor = viewChild.required(MeetingEditorComponent);
}
