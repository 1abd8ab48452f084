export * from './export-feature.module';
export { EXPORT_PATH } from './cohort/cohort-export.controller';
export { toCsv, guardFormula, CSV_SEPARATOR } from './table/csv';
export { toXlsx } from './table/xlsx';
export { sendExport, sendFile } from './http/export-response';
export { refuseCrossSite } from './http/cross-site';
export { ExportErrorFilter } from './http/export-error.filter';
export { contentDisposition } from './http/filename';
export type {
  ExportColumn,
  ExportColumnType,
  ExportFormat,
  ExportSheet,
  ExportValue,
  ExportWorkbook,
} from './table/export-table';
