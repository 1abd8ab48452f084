import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi } from '@stl/web/data-access';
import { MIN_ANALYSIS_ROUNDS } from '@stl/shared/domain';
import { catchError, of } from 'rxjs';
import { RoundEditorComponent } from './round-editor.component';
import { RoundListComponent } from './round-list.component';
import { RoundPlanComponent } from './round-plan.component';
import { SetupStore } from './setup.store';

/** Step 3: the analysis rounds (at least six), derived from the meetings and adjusted by hand. */
@Component({
  selector: 'stl-setup-rounds-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, RoundListComponent, RoundPlanComponent, RoundEditorComponent],
  styleUrl: './setup-form.css',
  template: `
    <h2>
      {{ 'setup.rounds.heading' | transloco: { count: store.cohort()?.rounds?.length ?? 0, min: minRounds } }}
    </h2>
    <p>{{ 'setup.rounds.lead' | transloco: { min: minRounds } }}</p>

    <div class="field template-field">
      <label for="round-template">{{ 'setup.rounds.template' | transloco }}</label>
      <p class="field__hint" id="round-template-hint">{{ 'setup.rounds.templateHint' | transloco }}</p>
      <select
        id="round-template"
        [value]="templateVersionId()"
        (change)="templateVersionId.set($any($event.target).value)"
        aria-describedby="round-template-hint"
      >
        @for (t of versions(); track t.versionId) {
          <option [value]="t.versionId">
            {{ 'setup.rounds.templateOption' | transloco: { name: t.name, version: t.version } }}
          </option>
        }
      </select>
    </div>

    <stl-setup-round-list (edit)="editor().edit($event)" (removed)="editor().stopEditing($event.id)" />
    <stl-setup-round-plan [templateVersionId]="templateVersionId()" />
    <stl-setup-round-editor [templateVersionId]="templateVersionId()" />
  `,
  styles: `
    .template-field {
      max-width: 40rem;
      margin-block-end: 1rem;
    }
  `,
})
export class RoundsStep {
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  protected readonly minRounds = MIN_ANALYSIS_ROUNDS;
  protected readonly editor = viewChild.required(RoundEditorComponent);

  private readonly templates = toSignal(this.api.templates().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly versions = computed(() =>
    this.templates().flatMap((t) =>
      t.latestVersion
        ? [{ versionId: t.latestVersion.id, name: t.name, version: t.latestVersion.version }]
        : [],
    ),
  );
  private readonly firstRound = computed(() =>
    [...(this.store.cohort()?.rounds ?? [])].sort((a, b) => a.number - b.number).at(0),
  );
  /** The template of the rounds already planned, else the first one offered, until one is chosen. */
  protected readonly templateVersionId = linkedSignal<string, string>({
    source: () => this.firstRound()?.templateVersionId ?? this.versions()[0]?.versionId ?? '',
    computation: (fallback, previous) => previous?.value || fallback,
  });
}
