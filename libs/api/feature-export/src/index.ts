export * from './export-feature.module';
export { EXPORT_PATH } from './cohort/cohort-export.controller';
export { toCsv, guardFormula, CSV_SEPARATOR } from './table/csv';
export { toXlsx } from './table/xlsx';
export { sendExport } from './http/export-response';
export type {
  ExportColumn,
  ExportColumnType,
  ExportFormat,
  ExportSheet,
  ExportValue,
  ExportWorkbook,
} from './table/export-table';
