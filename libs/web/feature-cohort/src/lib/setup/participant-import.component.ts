import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@stl/web/ui';
import { parseCsv, previewImport } from './csv-import';
import type { ImportPreview, PreviewRow } from './csv-import';
import { afterRender } from './form-errors';
import { ParticipantsState } from './participants.state';

/** A class list (CSV file or pasted text): a row-by-row preview first, then enrolled in one call. */
@Component({
  selector: 'stl-setup-participant-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
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
            (input)="csvText.set($any($event.target).value); preview.set(null)"
            aria-describedby="csv-text-hint"
          ></textarea>
        </div>
      </div>
      <div class="actions">
        <button
          type="button"
          class="button"
          (click)="makePreview()"
          [disabled]="!csvText().trim() || state.busy()"
        >
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
              (click)="apply(pv)"
              [disabled]="state.busy() || pv.toEnrol.length === 0"
            >
              {{ 'setup.participants.applyImport' | transloco: { count: pv.toEnrol.length } }}
            </button>
          </div>
        </div>
      }
    </section>
  `,
})
export class ParticipantImportComponent {
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  protected readonly state = inject(ParticipantsState);
  protected readonly csvText = signal('');
  protected readonly preview = signal<ImportPreview | null>(null);

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.csvText.set(await file.text());
    this.makePreview();
  }

  protected makePreview(): void {
    const { rows } = parseCsv(this.csvText());
    this.state.clearOutcome();
    this.preview.set(
      previewImport(
        rows,
        this.state.teachers().map((t) => ({
          id: t.id,
          fullName: t.fullName,
          email: t.email ?? null,
          schoolName: t.school?.name ?? null,
        })),
        this.state.participants().map((p) => ({ personId: p.personId, withdrawn: !!p.leftAt })),
      ),
    );
    afterRender(this.injector, () => this.document.getElementById('preview-heading')?.focus());
  }

  protected async apply(pv: ImportPreview): Promise<void> {
    const rows = pv.toEnrol.map((id) => pv.rows.find((r) => r.personId === id));
    const label = (i: number) => {
      const row = rows[i];
      return row
        ? this.transloco.translate('setup.participants.refusedRow', { line: row.line, email: row.email })
        : String(i + 1);
    };
    if (await this.state.enrol(pv.toEnrol, label, pv.counts.ALREADY_IN)) {
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
