import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParticipantsState } from './participants.state';

/** Teachers not yet in the cohort, narrowed by school or name, ticked and enrolled together. */
@Component({
  selector: 'stl-setup-participant-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
    .candidates {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 0.25rem 1rem;
    }
    .pick-filters {
      max-width: 40rem;
      margin-block-end: 1rem;
    }
  `,
  template: `
    <section aria-labelledby="pick-heading">
      <h2 id="pick-heading">{{ 'setup.participants.pickHeading' | transloco }}</h2>
      <div class="form-row pick-filters">
        <div class="field">
          <label for="pick-school">{{ 'setup.participants.bySchool' | transloco }}</label>
          <select id="pick-school" [value]="schoolFilter()" (change)="schoolFilter.set(val($event))">
            <option value="">{{ 'setup.participants.allSchools' | transloco }}</option>
            @for (s of state.schools(); track s.id) {
              <option [value]="s.id">{{ s.name }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="pick-search">{{ 'setup.participants.search' | transloco }}</label>
          <input id="pick-search" type="search" [value]="search()" (input)="search.set(val($event))" />
        </div>
      </div>
      <fieldset>
        <legend>{{ 'setup.participants.candidates' | transloco: { count: candidates().length } }}</legend>
        @if (candidates().length === 0) {
          <p>{{ 'setup.participants.noCandidates' | transloco }}</p>
        } @else {
          <p>
            <button type="button" class="link-button" (click)="selectAllShown()">
              {{ 'setup.participants.selectAll' | transloco }}
            </button>
          </p>
          <ul class="candidates">
            @for (t of candidates(); track t.id) {
              <li>
                <label class="choice">
                  <input type="checkbox" [checked]="selected().has(t.id)" (change)="toggle(t.id)" />
                  {{ t.fullName }} <span class="muted">({{ t.school?.name ?? '–' }})</span>
                </label>
              </li>
            }
          </ul>
        }
      </fieldset>
      <div class="actions">
        <button
          type="button"
          class="button button--primary"
          (click)="enrolSelected()"
          [disabled]="state.busy() || selected().size === 0"
        >
          {{ 'setup.participants.enrolSelected' | transloco: { count: selected().size } }}
        </button>
      </div>
    </section>
  `,
})
export class ParticipantPickerComponent {
  protected readonly state = inject(ParticipantsState);
  protected readonly schoolFilter = signal('');
  protected readonly search = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly candidates = computed(() => {
    const inCohort = new Set(this.state.active().map((p) => p.personId));
    const school = this.schoolFilter();
    const q = this.search().trim().toLowerCase();
    return this.state
      .teachers()
      .filter(
        (t) =>
          !inCohort.has(t.id) &&
          (!school || t.school?.id === school) &&
          (!q || t.fullName.toLowerCase().includes(q) || (t.email ?? '').toLowerCase().includes(q)),
      );
  });

  protected val(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggle(id: string): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected selectAllShown(): void {
    this.selected.update((s) => new Set([...s, ...this.candidates().map((t) => t.id)]));
  }

  protected async enrolSelected(): Promise<void> {
    if (await this.state.enrol([...this.selected()])) this.selected.set(new Set());
  }
}
