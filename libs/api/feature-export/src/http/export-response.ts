import type { Response } from 'express';
import { toCsv } from '../table/csv';
import { CONTENT_TYPES } from '../table/export-table';
import type { ExportFormat, ExportWorkbook } from '../table/export-table';
import { toXlsx } from '../table/xlsx';
import { contentDisposition } from './filename';

/**
 * Sends a workbook as a download. Personal data: never cached (`no-store`, also for proxies), the
 * type never sniffed (`nosniff`: a CSV is never run as a page), always saved as a file
 * (`attachment`), never indexed.
 */
export async function sendExport(
  res: Response,
  workbook: ExportWorkbook,
  format: ExportFormat,
  baseName: string,
): Promise<void> {
  const body = format === 'xlsx' ? await toXlsx(workbook) : Buffer.from(toCsv(workbook.sheets[0]), 'utf8');
  res
    .status(200)
    .set({
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition(`${baseName}.${format}`),
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
    })
    .end(body);
}
