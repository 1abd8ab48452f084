import writeXlsxFile from 'write-excel-file/node';
import type { Cell, SheetData } from 'write-excel-file/node';
import type { ExportColumn, ExportColumnType, ExportValue, ExportWorkbook } from './export-table';
import { stockholmWallClockAsUtc } from './stockholm-cells';

/** Excel's number formats; Swedish Excel shows them with its own separators. */
const FORMATS: Partial<Record<ExportColumnType, string>> = {
  integer: '0',
  decimal: '0.00',
  share: '0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const WIDTHS: Record<ExportColumnType, number> = {
  text: 24,
  integer: 12,
  decimal: 12,
  share: 10,
  date: 12,
  datetime: 17,
  yesNo: 8,
};

/**
 * A typed cell. Text is written as a string cell, which a spreadsheet never evaluates, so it needs
 * no formula guard (unlike CSV). Dates are real dates, on the Stockholm wall clock.
 */
function xlsxCell(column: ExportColumn, value: ExportValue): Cell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
    case 'share':
      return { type: Number, value: Number(value), format: FORMATS[column.type] };
    case 'date':
    case 'datetime':
      return {
        type: Date,
        value: stockholmWallClockAsUtc(value as Date, column.type === 'datetime'),
        format: FORMATS[column.type],
      };
    case 'yesNo':
      return { type: String, value: value ? 'Ja' : 'Nej' };
    case 'text':
      return { type: String, value: String(value) };
  }
}

/** Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Blad1';
}

/** The workbook as an .xlsx file: headings in bold and frozen, one sheet per `ExportSheet`. */
export async function toXlsx(workbook: ExportWorkbook): Promise<Buffer> {
  const sheets = workbook.sheets.map((sheet) => {
    const data: SheetData = [
      sheet.columns.map((c) => ({ type: String, value: c.header, fontWeight: 'bold' as const })),
      ...sheet.rows.map((row) => sheet.columns.map((c, i) => xlsxCell(c, row[i] ?? null))),
    ];
    return {
      data,
      sheet: sheetName(sheet.name),
      columns: sheet.columns.map((c) => ({ width: c.width ?? WIDTHS[c.type] })),
      stickyRowsCount: 1,
    };
  });
  return writeXlsxFile(sheets).toBuffer();
}
