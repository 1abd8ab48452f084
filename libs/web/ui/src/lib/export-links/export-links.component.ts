import { ChangeDetectionStrategy, Component, booleanAttribute, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What a cohort's follow-up can be downloaded as (the API's `/export/cohorts/:id/…` routes). */
export type CohortExportKind = 'progress' | 'attendance';

/** The API's download route for a cohort's export, without the file extension. */
export function cohortExportPath(cohortId: string, kind: CohortExportKind): string {
  return `/export/cohorts/${encodeURIComponent(cohortId)}/${kind}`;
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
          [href]="base() + '.xlsx'"
          download
          data-testid="export-xlsx"
          [attr.aria-label]="'export.xlsx' | transloco"
          >{{ 'export.xlsxShort' | transloco }}</a
        >
        <a
          class="button button--small"
          [href]="base() + '.csv'"
          download
          data-testid="export-csv"
          [attr.aria-label]="'export.csv' | transloco"
          >{{ 'export.csvShort' | transloco }}</a
        >
      } @else {
        <a class="button" [href]="base() + '.xlsx'" download data-testid="export-xlsx">{{
          'export.xlsx' | transloco
        }}</a>
        <a class="button" [href]="base() + '.csv'" download data-testid="export-csv">{{
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
  readonly cohortId = input.required<string>();
  readonly kind = input.required<CohortExportKind>();
  /** Small buttons with short words and the note read out, not shown: for a crowded toolbar. */
  readonly compact = input(false, { transform: booleanAttribute });
  protected readonly base = computed(() => cohortExportPath(this.cohortId(), this.kind()));
  protected readonly hintId = computed(() => `export-hint-${this.kind()}`);
}
