import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SessionStore, StaffImportApi, toApiError } from '@stl/web/data-access';
import type { StaffImportPreview, StaffImportResult, StaffImportRow } from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';

/** The largest file the API accepts (MAX_STAFF_FILE_BYTES); checked here too, before uploading. */
export const MAX_STAFF_FILE_BYTES = 300 * 1024;

const TONE: Record<StaffImportRow['outcome'], BadgeTone> = {
  NEW: 'info',
  UPDATE: 'warning',
  UNCHANGED: 'neutral',
  ERROR: 'danger',
};

/** The bytes of a file as base64, as the API takes them. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A chosen file's bytes (FileReader: in every browser, and in the component tests' jsdom). */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Staff import (issue 9): the administrator chooses a CSV or XLSX file, the server previews every
 * row (new, updated, unchanged or an error per column), and the file is applied all or nothing,
 * only once no row has an error.
 */
@Component({
  selector: 'stl-admin-staff-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, StatusBadgeComponent, AdminBackLinkComponent],
  styleUrls: ['../shared/admin.css'],
  template: `
    <stl-page-header
      [heading]="'admin.staffImport.title' | transloco"
      [lead]="'admin.staffImport.lead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>

    <section class="card section" aria-labelledby="staff-file-heading">
      <h2 id="staff-file-heading">{{ 'admin.staffImport.chooseHeading' | transloco }}</h2>
      <p id="staff-file-hint" class="muted">{{ 'admin.staffImport.fileHint' | transloco }}</p>
      <label for="staff-file" class="label">{{ 'admin.staffImport.file' | transloco }}</label>
      <input
        id="staff-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby="staff-file-hint"
        [attr.aria-invalid]="fileError() ? 'true' : null"
        [attr.aria-errormessage]="fileError() ? 'staff-file-error' : null"
        [disabled]="busy()"
        (change)="choose($event)"
        data-testid="staff-file"
      />
      @if (fileError(); as key) {
        <p id="staff-file-error" class="field-error" role="alert">{{ key | transloco }}</p>
      }
      @if (busy()) {
        <p role="status">{{ 'admin.staffImport.reading' | transloco }}</p>
      }
    </section>

    @if (result(); as r) {
      <p class="notice notice--success" role="status" data-testid="import-result">
        {{ 'admin.staffImport.applied' | transloco: r }}
      </p>
    }

    @if (preview(); as p) {
      <section class="section" aria-labelledby="staff-preview-heading">
        <h2 id="staff-preview-heading">
          {{ 'admin.staffImport.previewHeading' | transloco: { name: fileName() } }}
        </h2>
        <p role="status" data-testid="import-counts">
          {{
            'admin.staffImport.counts'
              | transloco
                : { new: p.newCount, update: p.updateCount, unchanged: p.unchangedCount, error: p.errorCount }
          }}
        </p>
        @if (p.errorCount) {
          <p class="notice notice--error">
            {{ 'admin.staffImport.fixErrors' | transloco: { count: p.errorCount } }}
          </p>
        }
        <div class="table-wrap">
          <table data-testid="import-preview">
            <caption>
              {{
                'admin.staffImport.caption' | transloco: { count: p.rows.length }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'admin.staffImport.line' | transloco }}</th>
                <th scope="col">{{ 'admin.staffImport.name' | transloco }}</th>
                <th scope="col">{{ 'admin.staffImport.email' | transloco }}</th>
                <th scope="col">{{ 'admin.staffImport.school' | transloco }}</th>
                <th scope="col">{{ 'admin.staffImport.roles' | transloco }}</th>
                <th scope="col">{{ 'admin.staffImport.outcomeHeading' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of p.rows; track row.line) {
                <tr [attr.data-outcome]="row.outcome" data-testid="import-row">
                  <td>{{ row.line }}</td>
                  <th scope="row">{{ row.name || '—' }}</th>
                  <td>{{ row.email }}</td>
                  <td>{{ row.school }}</td>
                  <td>{{ row.roles }}</td>
                  <td>
                    <stl-status-badge [tone]="tone(row)">{{
                      'admin.staffImport.outcome.' + row.outcome | transloco
                    }}</stl-status-badge>
                    @if (row.problems.length) {
                      <ul class="problems">
                        @for (problem of row.problems; track problem.code + problem.field) {
                          <li>
                            {{ 'admin.staffImport.column.' + problem.field | transloco }}:
                            {{ 'admin.staffImport.problem.' + problem.code | transloco }}
                          </li>
                        }
                      </ul>
                    }
                    @if (row.changes.length || row.rolesAdded.length || row.rolesKept.length) {
                      <ul class="changes">
                        @for (change of row.changes; track change.field) {
                          <li>
                            {{
                              'admin.staffImport.change.' + change.field
                                | transloco: { from: change.from ?? '—', to: change.to }
                            }}
                          </li>
                        }
                        @if (row.rolesAdded.length && row.outcome !== 'NEW') {
                          <li>
                            {{
                              'admin.staffImport.rolesAdded' | transloco: { roles: roleList(row.rolesAdded) }
                            }}
                          </li>
                        }
                        @if (row.rolesKept.length) {
                          <li>
                            {{
                              'admin.staffImport.rolesKept' | transloco: { roles: roleList(row.rolesKept) }
                            }}
                          </li>
                        }
                      </ul>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        <div class="form">
          <label class="checkbox">
            <input type="checkbox" [checked]="invite()" (change)="invite.set($any($event.target).checked)" />
            {{ 'admin.staffImport.sendInvitations' | transloco: { count: p.newCount } }}
          </label>
          @if (applyError(); as key) {
            <p class="notice notice--error" role="alert">{{ key | transloco }}</p>
          }
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              [disabled]="!canApply() || busy()"
              [attr.aria-describedby]="canApply() ? null : 'apply-why'"
              (click)="apply()"
              data-testid="apply-import"
            >
              {{ 'admin.staffImport.apply' | transloco: { count: p.newCount + p.updateCount } }}
            </button>
            @if (!canApply()) {
              <span id="apply-why" class="muted">{{
                (p.errorCount ? 'admin.staffImport.applyBlocked' : 'admin.staffImport.nothingToDo')
                  | transloco
              }}</span>
            }
          </div>
        </div>
      </section>
    }
  `,
  styles: `
    .problems,
    .changes {
      margin: 0.25rem 0 0;
      padding-left: 1.1rem;
    }
    .problems {
      color: var(--color-danger, #a4001d);
    }
    .label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .checkbox {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 1rem 0;
    }
  `,
})
export class AdminStaffImportPage {
  private readonly api = inject(StaffImportApi);
  private readonly transloco = inject(TranslocoService);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';

  protected readonly busy = signal(false);
  protected readonly fileName = signal('');
  private readonly file = signal<string | null>(null);
  protected readonly preview = signal<StaffImportPreview | null>(null);
  protected readonly result = signal<StaffImportResult | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly applyError = signal<string | null>(null);
  protected readonly invite = signal(true);
  protected readonly canApply = computed(() => {
    const p = this.preview();
    return !!p && p.errorCount === 0 && p.newCount + p.updateCount > 0;
  });

  protected tone(row: StaffImportRow): BadgeTone {
    return TONE[row.outcome];
  }

  protected roleList(roles: readonly string[]): string {
    return roles.map((r) => this.transloco.translate(`roles.${r}`)).join(', ');
  }

  protected async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0];
    this.preview.set(null);
    this.result.set(null);
    this.fileError.set(null);
    this.applyError.set(null);
    if (!chosen) return;
    if (chosen.size > MAX_STAFF_FILE_BYTES) {
      this.fileError.set('admin.staffImport.fileProblem.FILE_TOO_LARGE');
      return;
    }
    this.fileName.set(chosen.name);
    this.busy.set(true);
    try {
      const file = toBase64(await readBytes(chosen));
      this.file.set(file);
      this.preview.set(await firstValueFrom(this.api.preview(this.organisationId, file)));
    } catch (e) {
      this.fileError.set(this.fileProblemKey(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async apply(): Promise<void> {
    const file = this.file();
    if (!file || !this.canApply()) return;
    this.busy.set(true);
    this.applyError.set(null);
    try {
      this.result.set(await firstValueFrom(this.api.apply(this.organisationId, file, this.invite())));
      this.preview.set(null);
      this.file.set(null);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'BAD_USER_INPUT' && error.problems.some((p) => p.field.startsWith('rows.'))) {
        // The people changed since the preview: show the file as it now stands.
        this.applyError.set('admin.staffImport.changedSincePreview');
        this.preview.set(await firstValueFrom(this.api.preview(this.organisationId, file)).catch(() => null));
      } else this.applyError.set(error.messageKey);
    } finally {
      this.busy.set(false);
    }
  }

  private fileProblemKey(e: unknown): string {
    const error = toApiError(e);
    const problem = error.problems.find((p) => p.field === 'file');
    return problem ? `admin.staffImport.fileProblem.${problem.code}` : error.messageKey;
  }
}
