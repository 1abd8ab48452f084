import { ChangeDetectionStrategy, Component, booleanAttribute, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What a cohort's follow-up can be downloaded as (the API's `/export/cohorts/:id/…` routes). */
export type CohortExportKind = 'progress' | 'attendance';
/** Every download: a cohort's follow-up, or an organisation's audit log (ADR 0029). */
export type ExportKind = CohortExportKind | 'audit' | 'followUp';

/** The API's download route for a cohort's export, without the file extension. */
export function cohortExportPath(cohortId: string, kind: CohortExportKind): string {
  return `/export/cohorts/${encodeURIComponent(cohortId)}/${kind}`;
}

/** The API's download route for an organisation's audit log, without the file extension. */
export function auditExportPath(organisationId: string): string {
  return `/export/organisations/${encodeURIComponent(organisationId)}/audit`;
}

/** The API's download route for an organisation's follow-up (issue 14), without the file extension. */
export function followUpExportPath(organisationId: string): string {
  return `/export/organisations/${encodeURIComponent(organisationId)}/follow-up`;
}

/**
 * "Exportera till Excel" and "Exportera CSV" as plain download links: the API makes the file
 * (signed in by the session cookie, the same access rules as the screen), so the web bundle
 * carries no spreadsheet code. Self-contained, for a toolbar above a table.
 */
@Component({
  selector: 'stl-export-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <div
      class="export-links"
      role="group"
      [attr.aria-label]="'export.group' | transloco: { what: ('export.what.' + kind() | transloco) }"
      [attr.aria-describedby]="hintId()"
    >
      @if (compact()) {
        <!-- Short words on small buttons; the accessible names stay whole (they contain the words). -->
        <a
          class="button button--small"
          [href]="base() + '.xlsx' + query()"
          download
          data-testid="export-xlsx"
          [attr.aria-label]="'export.xlsx' | transloco"
          >{{ 'export.xlsxShort' | transloco }}</a
        >
        <a
          class="button button--small"
          [href]="base() + '.csv' + query()"
          download
          data-testid="export-csv"
          [attr.aria-label]="'export.csv' | transloco"
          >{{ 'export.csvShort' | transloco }}</a
        >
      } @else {
        <a class="button" [href]="base() + '.xlsx' + query()" download data-testid="export-xlsx">{{
          'export.xlsx' | transloco
        }}</a>
        <a class="button" [href]="base() + '.csv' + query()" download data-testid="export-csv">{{
          'export.csv' | transloco
        }}</a>
      }
      <span class="export-links__hint" [class.visually-hidden]="compact()" [id]="hintId()">{{
        'export.hint' | transloco
      }}</span>
    </div>
  `,
  styles: `
    .export-links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .export-links__hint {
      font-size: 0.875rem;
      color: var(--stl-text-muted);
    }
  `,
})
export class ExportLinksComponent {
  /** The cohort, for a follow-up download. */
  readonly cohortId = input('');
  /** The organisation, for its audit log. */
  readonly organisationId = input('');
  readonly kind = input.required<ExportKind>();
  /** A query string for the download (`?kind=…`), e.g. the screen's filters; empty for none. */
  readonly query = input('');
  /** Small buttons with short words and the note read out, not shown: for a crowded toolbar. */
  readonly compact = input(false, { transform: booleanAttribute });
  protected readonly base = computed(() => {
    const kind = this.kind();
    if (kind === 'audit') return auditExportPath(this.organisationId());
    if (kind === 'followUp') return followUpExportPath(this.organisationId());
    return cohortExportPath(this.cohortId(), kind);
  });
  protected readonly hintId = computed(() => `export-hint-${this.kind()}`);
}
