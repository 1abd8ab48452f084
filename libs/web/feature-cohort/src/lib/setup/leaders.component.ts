import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SetupApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupLeaderCandidate } from '@stl/web/data-access';
import { firstValueFrom } from 'rxjs';
import { SetupStore } from './setup.store';

/**
 * The cohort's course leaders, changed by an administrator (the API allows no one else): add one
 * whose certification covers the dates, or end a leadership.
 */
@Component({
  selector: 'stl-setup-leaders',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styleUrl: './setup-form.css',
  template: `
    <section aria-labelledby="leaders-heading">
      <h2 id="leaders-heading">{{ 'setup.leaders.heading' | transloco }}</h2>
      @if (leaders().length === 0) {
        <p>{{ 'setup.leaders.none' | transloco }}</p>
      } @else {
        <ul>
          @for (l of leaders(); track l.id) {
            <li>
              {{ l.fullName }}
              <button type="button" class="link-button" (click)="remove(l.id)" [disabled]="busy()">
                {{ 'setup.leaders.remove' | transloco: { name: l.fullName } }}
              </button>
            </li>
          }
        </ul>
      }
      @if (candidates().length) {
        <div class="form-row leaders-add">
          <div class="field">
            <label for="leader-add">{{ 'setup.leaders.add' | transloco }}</label>
            <select id="leader-add" [value]="choice()" (change)="choice.set(val($event))">
              <option value="">{{ 'setup.leaders.choose' | transloco }}</option>
              @for (c of candidates(); track c.id) {
                <option [value]="c.id">{{ c.fullName }}</option>
              }
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="button" (click)="add()" [disabled]="busy() || !choice()">
            {{ 'setup.leaders.addButton' | transloco }}
          </button>
        </div>
      }
      @if (error(); as e) {
        <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .leaders-add {
      max-width: 40rem;
    }
  `,
})
export class LeadersComponent {
  private readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly courseLeaders = apiResource({
    params: computed(() => this.store.cohort()?.organisationId),
    stream: (organisationId) => this.api.courseLeaders(organisationId),
  });
  private readonly all = computed<SetupLeaderCandidate[]>(() =>
    this.courseLeaders.hasValue() ? this.courseLeaders.value() : [],
  );
  protected readonly choice = signal('');
  protected readonly busy = signal(false);
  /** Why the course leaders could not be loaded, or the last change was refused. */
  protected readonly error = linkedSignal<ApiError | null>(
    () => (this.courseLeaders.error() as ApiError | undefined) ?? null,
  );
  protected readonly leaders = computed(() => this.store.cohort()?.leaders ?? []);
  protected readonly candidates = computed(() => {
    const current = new Set(this.leaders().map((l) => l.id));
    return this.all().filter((p) => !current.has(p.id));
  });
  protected val(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected add(): Promise<void> {
    return this.change(() => this.api.addLeader(this.cohortId(), this.choice()), true);
  }

  protected remove(personId: string): Promise<void> {
    return this.change(() => this.api.removeLeader(this.cohortId(), personId), false);
  }

  private cohortId(): string {
    return this.store.cohort()?.id ?? '';
  }

  private async change(run: () => ReturnType<SetupApi['addLeader']>, clearChoice: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(run());
      if (clearChoice) this.choice.set('');
      await this.store.reload();
    } catch (e) {
      this.error.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
