import type { ExportColumn, ExportSheet, ExportValue } from './export-table';
import { stockholmDay, stockholmMinute } from './stockholm-cells';

/**
 * CSV the way Swedish Excel opens it with a double-click: UTF-8 with a byte order mark (without it
 * Excel reads å, ä, ö as Windows-1252), `;` between fields (Excel's list separator in a Swedish
 * locale, where `,` is the decimal comma), CRLF line ends and fields quoted per RFC 4180 when they
 * hold `;`, `"`, a line break or surrounding spaces. LibreOffice and Numbers ask or detect the
 * same. Decimal numbers get a decimal comma; shares are written as percentages ("75 %" reads as
 * 0,75 in Swedish Excel).
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would take for a formula (OWASP "CSV injection"): starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Such text gets a leading apostrophe, which
 * spreadsheets show as text, and the field is quoted. Numbers are written as numbers, never
 * guarded: "-3" of an integer column is a number, not a formula.
 */
export function guardFormula(text: string): { text: string; guarded: boolean } {
  return /^[=+\-@\t\r]/.test(text) ? { text: `'${text}`, guarded: true } : { text, guarded: false };
}

function quote(text: string, force: boolean): string {
  return force || /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function decimal(n: number, maxFractionDigits: number): string {
  // No grouping: "1 234,5" would be read as text. Rounded, never in exponent form.
  return n
    .toLocaleString('sv-SE', { useGrouping: false, maximumFractionDigits: maxFractionDigits })
    .replace('\u2212', '-');
}

export function csvCell(column: ExportColumn, value: ExportValue): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return decimal(Number(value), column.type === 'integer' ? 0 : 2);
    case 'share':
      return `${decimal(Number(value) * 100, 1)} %`;
    case 'date':
      return stockholmDay(value as Date);
    case 'datetime':
      return stockholmMinute(value as Date);
    case 'yesNo':
      return value ? 'Ja' : 'Nej';
    case 'text': {
      const { text, guarded } = guardFormula(String(value));
      return quote(text, guarded);
    }
  }
}

/** The sheet as CSV text, byte order mark included. */
export function toCsv(sheet: ExportSheet): string {
  const lines = [
    sheet.columns
      .map((c) => quote(guardFormula(c.header).text, guardFormula(c.header).guarded))
      .join(CSV_SEPARATOR),
    ...sheet.rows.map((row) => sheet.columns.map((c, i) => csvCell(c, row[i] ?? null)).join(CSV_SEPARATOR)),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
