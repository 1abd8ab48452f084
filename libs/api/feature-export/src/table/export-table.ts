/**
 * One export, whatever it holds (a cohort's progress, its attendance, later an organisation's
 * follow-up): sheets of typed columns. The writers (`toCsv`, `toXlsx`) know nothing of the course;
 * an export only builds a workbook.
 */

/**
 * How a column's values are written:
 * - `text`: as is (CSV guards text against formula injection);
 * - `integer`, `decimal`: numbers (CSV writes a decimal comma, as Swedish Excel reads it);
 * - `share`: a share 0–1, shown as a percentage;
 * - `date`, `datetime`: an instant, written as the Stockholm calendar day (and time);
 * - `yesNo`: a boolean as "Ja"/"Nej".
 */
export type ExportColumnType = 'text' | 'integer' | 'decimal' | 'share' | 'date' | 'datetime' | 'yesNo';

export interface ExportColumn {
  /** The heading, in Swedish. */
  header: string;
  type: ExportColumnType;
  /** Width in characters (XLSX); a sensible default per type otherwise. */
  width?: number;
}

/** A cell: null for an empty cell; otherwise the kind its column's type expects. */
export type ExportValue = string | number | boolean | Date | null;

export interface ExportSheet {
  /** The sheet's tab name (XLSX); at most 31 characters. */
  name: string;
  columns: ExportColumn[];
  rows: ExportValue[][];
}

/**
 * What is downloaded. The first sheet is the export proper: CSV, which holds one table, is that
 * sheet; further sheets (e.g. the rounds with their dates) are XLSX only.
 */
export interface ExportWorkbook {
  sheets: [ExportSheet, ...ExportSheet[]];
}

export type ExportFormat = 'xlsx' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  // `header=present`: RFC 4180's hint that the first line holds the headings.
  csv: 'text/csv; charset=utf-8; header=present',
};
