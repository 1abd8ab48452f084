import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  DOCUMENT,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError, SetupParticipant, SetupSchool, SetupTeacher } from '@stl/web/data-access';
import { StatusBadgeComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { parseCsv, previewImport } from './csv-import';
import type { ImportPreview, PreviewRow } from './csv-import';
import { afterRender, fieldErrorKey } from './form-errors';
import { SetupStore } from './setup.store';

/** What one enrolment call did: the API enrols the whole list or nobody. */
interface EnrolOutcome {
  enrolled: number;
  already: number;
}

/** A row the API refused, as the reader knows it (CSV row and e-mail, or name), with the reason's key. */
export interface RefusedRow {
  label: string;
  reasonKey: string;
}

/** Step 4: who takes part. Pick teachers by school or name, import a CSV list, withdraw, same-school wish. */
@Component({
  selector: 'stl-setup-participants-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent],
  styleUrl: './setup-form.css',
  template: `
    <h2>{{ 'setup.participants.heading' | transloco: { count: active().length } }}</h2>
    @if (loadError(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }
    @if (rowError(); as e) {
      <p class="error-text" role="alert">{{ e.messageKey | transloco }}</p>
    }
    @if (active().length === 0) {
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
            @for (p of active(); track p.personId) {
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
                      [disabled]="busy()"
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
                  @if (confirmingWithdraw() === p.personId) {
                    <button type="button" class="button danger" (click)="withdraw(p)" [disabled]="busy()">
                      {{ 'setup.participants.confirmWithdraw' | transloco: { name: p.person.fullName } }}
                    </button>
                    <button type="button" class="link-button" (click)="confirmingWithdraw.set(null)">
                      {{ 'setup.common.cancel' | transloco }}
                    </button>
                  } @else {
                    <button type="button" class="link-button" (click)="confirmingWithdraw.set(p.personId)">
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
    @if (withdrawn().length) {
      <details>
        <summary>
          {{ 'setup.participants.withdrawnHeading' | transloco: { count: withdrawn().length } }}
        </summary>
        <ul>
          @for (p of withdrawn(); track p.personId) {
            <li>
              {{ p.person.fullName }} ({{ p.person.school?.name ?? '–' }})
              <button type="button" class="link-button" (click)="enrol([p.personId])" [disabled]="busy()">
                {{ 'setup.participants.rejoin' | transloco: { name: p.person.fullName } }}
              </button>
            </li>
          }
        </ul>
      </details>
    }

    @if (enrolError(); as e) {
      <div class="notice notice--error" role="alert" data-testid="enrol-refused">
        <p>{{ 'setup.participants.nothingEnrolled' | transloco: { count: refused().length } }}</p>
        @if (refused().length) {
          <ul>
            @for (r of refused(); track $index) {
              <li>{{ r.label }}: {{ r.reasonKey | transloco }}</li>
            }
          </ul>
        } @else {
          <p>{{ e.messageKey | transloco }}</p>
        }
      </div>
    }
    @if (outcome(); as o) {
      <p class="notice notice--success" role="status" data-testid="enrol-outcome">
        {{ 'setup.participants.enrolled' | transloco: { count: o.enrolled } }}
        @if (o.already) {
          {{ 'setup.participants.alreadyEnrolled' | transloco: { count: o.already } }}
        }
      </p>
    }

    <section aria-labelledby="pick-heading">
      <h2 id="pick-heading">{{ 'setup.participants.pickHeading' | transloco }}</h2>
      <div class="form-row pick-filters">
        <div class="field">
          <label for="pick-school">{{ 'setup.participants.bySchool' | transloco }}</label>
          <select id="pick-school" [value]="schoolFilter()" (change)="schoolFilter.set(val($event))">
            <option value="">{{ 'setup.participants.allSchools' | transloco }}</option>
            @for (s of schools(); track s.id) {
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
          [disabled]="busy() || selected().size === 0"
        >
          {{ 'setup.participants.enrolSelected' | transloco: { count: selected().size } }}
        </button>
      </div>
    </section>

    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading">{{ 'setup.participants.csvHeading' | transloco }}</h2>
      <p>{{ 'setup.participants.csvLead' | transloco }}</p>
      <div class="form-grid">
        <div class="field">
          <label for="csv-file">{{ 'setup.participants.csvFile' | transloco }}</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            (change)="readFile($event)"
          />
        </div>
        <div class="field">
          <label for="csv-text">{{ 'setup.participants.csvText' | transloco }}</label>
          <p class="field__hint" id="csv-text-hint">{{ 'setup.participants.csvTextHint' | transloco }}</p>
          <textarea
            id="csv-text"
            rows="6"
            [value]="csvText()"
            (input)="csvText.set(val($event)); preview.set(null)"
            aria-describedby="csv-text-hint"
          ></textarea>
        </div>
      </div>
      <div class="actions">
        <button type="button" class="button" (click)="makePreview()" [disabled]="!csvText().trim() || busy()">
          {{ 'setup.participants.previewButton' | transloco }}
        </button>
      </div>
      @if (preview(); as pv) {
        <div class="card" data-testid="csv-preview">
          <h3 id="preview-heading" tabindex="-1">{{ 'setup.participants.previewHeading' | transloco }}</h3>
          <ul>
            <li>
              {{ 'setup.participants.countEnrol' | transloco: { count: pv.counts.ENROL + pv.counts.REJOIN } }}
            </li>
            <li>{{ 'setup.participants.countAlready' | transloco: { count: pv.counts.ALREADY_IN } }}</li>
            <li>
              {{
                'setup.participants.countProblems'
                  | transloco
                    : { count: pv.counts.UNKNOWN_EMAIL + pv.counts.INVALID_EMAIL + pv.counts.DUPLICATE }
              }}
            </li>
          </ul>
          <div class="table-wrap">
            <table>
              <caption>
                {{
                  'setup.participants.previewCaption' | transloco
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'setup.participants.row' | transloco }}</th>
                  <th scope="col">{{ 'setup.participants.email' | transloco }}</th>
                  <th scope="col">{{ 'setup.participants.teacher' | transloco }}</th>
                  <th scope="col">{{ 'setup.participants.outcome' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of pv.rows; track r.line) {
                  <tr data-testid="preview-row">
                    <th scope="row">{{ r.line }}</th>
                    <td>{{ r.email || '–' }}</td>
                    <td>{{ r.personName ?? r.name }}</td>
                    <td>
                      <stl-status-badge [tone]="tone(r)">{{
                        'setup.participants.outcomes.' + r.outcome | transloco: { line: r.firstLine }
                      }}</stl-status-badge>
                      @for (w of r.warnings; track w) {
                        <br />{{
                          'setup.participants.warnings.' + w | transloco: { name: r.name, school: r.school }
                        }}
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              (click)="applyImport(pv)"
              [disabled]="busy() || pv.toEnrol.length === 0"
            >
              {{ 'setup.participants.applyImport' | transloco: { count: pv.toEnrol.length } }}
            </button>
          </div>
        </div>
      }
    </section>
  `,
  styles: `
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
})
export class ParticipantsStep {
  private readonly injector = inject(Injector);
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);

  protected readonly participants = signal<SetupParticipant[]>([]);
  protected readonly teachers = signal<SetupTeacher[]>([]);
  protected readonly schools = signal<SetupSchool[]>([]);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly rowError = signal<ApiError | null>(null);
  protected readonly enrolError = signal<ApiError | null>(null);
  protected readonly outcome = signal<EnrolOutcome | null>(null);
  protected readonly refused = signal<RefusedRow[]>([]);
  protected readonly busy = signal(false);
  protected readonly confirmingWithdraw = signal<string | null>(null);

  protected readonly active = computed(() => this.participants().filter((p) => !p.leftAt));
  protected readonly withdrawn = computed(() => this.participants().filter((p) => p.leftAt));

  protected readonly schoolFilter = signal('');
  protected readonly search = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly candidates = computed(() => {
    const inCohort = new Set(this.active().map((p) => p.personId));
    const school = this.schoolFilter();
    const q = this.search().trim().toLowerCase();
    return this.teachers().filter(
      (t) =>
        !inCohort.has(t.id) &&
        (!school || t.school?.id === school) &&
        (!q || t.fullName.toLowerCase().includes(q) || (t.email ?? '').toLowerCase().includes(q)),
    );
  });

  protected readonly csvText = signal('');
  protected readonly preview = signal<ImportPreview | null>(null);

  constructor() {
    effect(() => {
      const c = this.store.cohort();
      if (c) untracked(() => void this.loadAll(c.id, c.organisationId));
    });
  }

  private loadedFor: string | null = null;

  private async loadAll(cohortId: string, organisationId: string): Promise<void> {
    if (this.loadedFor === cohortId) return;
    this.loadedFor = cohortId;
    try {
      const [participants, teachers, schools] = await Promise.all([
        firstValueFrom(this.api.participants(cohortId)),
        firstValueFrom(this.api.teachers(organisationId)),
        firstValueFrom(this.api.schools(organisationId)),
      ]);
      this.participants.set(participants);
      this.teachers.set(teachers);
      this.schools.set(schools);
    } catch (e) {
      this.loadError.set(toApiError(e));
    }
  }

  private async reloadParticipants(): Promise<void> {
    const c = this.store.cohort();
    if (c) this.participants.set(await firstValueFrom(this.api.participants(c.id)));
  }

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
    if (await this.enrol([...this.selected()])) this.selected.set(new Set());
  }

  /**
   * Enrols the whole list in one all-or-nothing call; true when it went through. On a refusal,
   * every refused row is listed by `label` (its CSV row and e-mail, else the teacher's name).
   */
  async enrol(ids: string[], label?: (index: number) => string, alreadyInList = 0): Promise<boolean> {
    const cohort = this.store.cohort();
    if (!cohort || !ids.length) return false;
    this.busy.set(true);
    this.enrolError.set(null);
    this.refused.set([]);
    this.outcome.set(null);
    const activeBefore = new Set(this.active().map((p) => p.personId));
    const nameOf = (i: number) =>
      this.teachers().find((t) => t.id === ids[i])?.fullName ??
      this.participants().find((p) => p.personId === ids[i])?.person.fullName ??
      String(i + 1);
    try {
      await firstValueFrom(this.api.enrol(cohort.id, ids));
      const enrolled = ids.filter((id) => !activeBefore.has(id)).length;
      this.outcome.set({ enrolled, already: ids.length - enrolled + alreadyInList });
      return true;
    } catch (e) {
      const error = toApiError(e);
      this.enrolError.set(error);
      this.refused.set(
        error.problems.flatMap((p) => {
          const index = /^personIds\.(\d+)$/.exec(p.field)?.[1];
          return index === undefined
            ? []
            : [{ label: (label ?? nameOf)(Number(index)), reasonKey: fieldErrorKey(p.code) }];
        }),
      );
      return false;
    } finally {
      await this.reloadParticipants().catch(() => undefined);
      this.busy.set(false);
    }
  }

  protected async withdraw(p: SetupParticipant): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    this.busy.set(true);
    this.rowError.set(null);
    try {
      await firstValueFrom(this.api.withdraw(cohort.id, p.personId));
      this.confirmingWithdraw.set(null);
      await this.reloadParticipants();
    } catch (e) {
      this.rowError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async setSameSchool(p: SetupParticipant, event: Event): Promise<void> {
    const cohort = this.store.cohort();
    const box = event.target as HTMLInputElement;
    if (!cohort) return;
    this.rowError.set(null);
    try {
      await firstValueFrom(this.api.setSameSchool(cohort.id, p.personId, box.checked));
      this.participants.update((all) =>
        all.map((x) => (x.personId === p.personId ? { ...x, wantsSameSchool: box.checked } : x)),
      );
    } catch (e) {
      box.checked = p.wantsSameSchool;
      this.rowError.set(toApiError(e));
    }
  }

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.csvText.set(await file.text());
    this.makePreview();
  }

  protected makePreview(): void {
    const { rows } = parseCsv(this.csvText());
    this.outcome.set(null);
    this.preview.set(
      previewImport(
        rows,
        this.teachers().map((t) => ({
          id: t.id,
          fullName: t.fullName,
          email: t.email ?? null,
          schoolName: t.school?.name ?? null,
        })),
        this.participants().map((p) => ({ personId: p.personId, withdrawn: !!p.leftAt })),
      ),
    );
    afterRender(this.injector, () => this.document.getElementById('preview-heading')?.focus());
  }

  protected async applyImport(pv: ImportPreview): Promise<void> {
    const rows = pv.toEnrol.map((id) => pv.rows.find((r) => r.personId === id));
    const label = (i: number) => {
      const row = rows[i];
      return row
        ? this.transloco.translate('setup.participants.refusedRow', { line: row.line, email: row.email })
        : String(i + 1);
    };
    if (await this.enrol(pv.toEnrol, label, pv.counts.ALREADY_IN)) {
      this.preview.set(null);
      this.csvText.set('');
    }
  }

  protected tone(r: PreviewRow): 'success' | 'neutral' | 'danger' | 'info' {
    if (r.outcome === 'ENROL' || r.outcome === 'REJOIN') return 'success';
    if (r.outcome === 'ALREADY_IN') return 'neutral';
    return 'danger';
  }
}
