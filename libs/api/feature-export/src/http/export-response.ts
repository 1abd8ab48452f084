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

/**
 * Sends any file as a download with the same headers as a workbook: `attachment`, `no-store`,
 * `nosniff`, never indexed. An HTML file is also sandboxed (`Content-Security-Policy: sandbox`), so
 * opened from the address bar it runs nothing and reaches nothing.
 */
export function sendFile(res: Response, body: Buffer, contentType: string, fileName: string): void {
  res
    .status(200)
    .set({
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(fileName),
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
      ...(contentType.startsWith('text/html')
        ? {
            'Content-Security-Policy':
              "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          }
        : {}),
    })
    .end(body);
}
