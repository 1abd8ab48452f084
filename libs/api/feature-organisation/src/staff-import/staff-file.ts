import { readSheet } from 'read-excel-file/node';
import { readDelimitedText } from '@stl/shared/domain';
import type { FieldProblemCode } from '@stl/shared/domain';
import { BadInputError } from '@stl/api/util-errors';

/** The largest file accepted (decoded). Its base64 form still fits the request body limit (MAX_BODY_BYTES). */
export const MAX_STAFF_FILE_BYTES = 300 * 1024;
/** The most people one file may bring in. */
export const MAX_STAFF_ROWS = 2000;

/** A file's cells: the first row names the columns; `lines[i]` is row i's line (CSV) or row number (XLSX). */
export interface StaffTable {
  kind: 'CSV' | 'XLSX';
  rows: string[][];
  lines: number[];
}

function fileProblem(code: FieldProblemCode, message: string): BadInputError {
  return new BadInputError(message, [{ field: 'file', code, message }]);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * Reads a staff file sent as base64: an XLSX workbook (its first sheet) or a CSV text in UTF-8 (with
 * or without the byte-order mark Excel writes; semicolons or commas). Anything else, too large or
 * unreadable, is BAD_USER_INPUT on `file` (FILE_TOO_LARGE, FILE_UNREADABLE, FILE_EMPTY, TOO_MANY_ROWS).
 */
export async function readStaffFile(base64: string): Promise<StaffTable> {
  // base64 is 4/3 of the bytes: refuse before decoding anything much larger than the limit.
  if (base64.length > Math.ceil(MAX_STAFF_FILE_BYTES / 3) * 4 + 4) {
    throw fileProblem('FILE_TOO_LARGE', `The file is larger than ${MAX_STAFF_FILE_BYTES / 1024} KB.`);
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw fileProblem('FILE_UNREADABLE', 'The file did not arrive whole (not base64).');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_STAFF_FILE_BYTES) {
    throw fileProblem('FILE_TOO_LARGE', `The file is larger than ${MAX_STAFF_FILE_BYTES / 1024} KB.`);
  }
  let table: StaffTable;
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    let sheet: unknown[][];
    try {
      sheet = (await readSheet(bytes)) as unknown[][];
    } catch {
      throw fileProblem(
        'FILE_UNREADABLE',
        'The workbook could not be read. Save it as .xlsx or .csv and try again.',
      );
    }
    const rows: string[][] = [];
    const lines: number[] = [];
    sheet.forEach((row, i) => {
      const cells = row.map(cellText);
      if (cells.some((c) => c)) {
        rows.push(cells);
        lines.push(i + 1);
      }
    });
    table = { kind: 'XLSX', rows, lines };
  } else {
    const text = new TextDecoder('utf-8', { fatal: true });
    let decoded: string;
    try {
      decoded = text.decode(bytes);
    } catch {
      throw fileProblem(
        'FILE_UNREADABLE',
        'The file is neither an .xlsx workbook nor UTF-8 text. In Excel, save as "CSV UTF-8" or .xlsx.',
      );
    }
    if (decoded.includes('\u0000')) {
      throw fileProblem('FILE_UNREADABLE', 'The file is neither an .xlsx workbook nor a CSV text.');
    }
    table = { kind: 'CSV', ...readDelimitedText(decoded) };
  }
  if (table.rows.length < 2) {
    throw fileProblem('FILE_EMPTY', 'The file has no rows of people below its column names.');
  }
  if (table.rows.length - 1 > MAX_STAFF_ROWS) {
    throw fileProblem('TOO_MANY_ROWS', `A file may bring in at most ${MAX_STAFF_ROWS} people; split it.`);
  }
  return table;
}
