import readXlsxFile from 'read-excel-file/node';
import type { ExportWorkbook } from './export-table';
import { sheetName, toXlsx } from './xlsx';

const workbook: ExportWorkbook = {
  sheets: [
    {
      name: 'Framsteg',
      columns: [
        { header: 'Namn', type: 'text' },
        { header: 'Antal', type: 'integer' },
        { header: 'Andel', type: 'share' },
        { header: 'Dag', type: 'date' },
        { header: 'Tid', type: 'datetime' },
        { header: 'Klar', type: 'yesNo' },
      ],
      rows: [
        ['Åsa Öberg', 3, 0.75, new Date('2026-12-05T23:30:00Z'), new Date('2026-06-01T11:15:00Z'), true],
        ['=1+1', 0, 0, null, null, false],
      ],
    },
    { name: 'Omgångar: 1/2', columns: [{ header: 'Analys', type: 'integer' }], rows: [[1], [2]] },
  ],
};

const toMinute = (d: Date) => new Date(Math.round(d.getTime() / 60_000) * 60_000).toISOString().slice(0, 16);

describe('XLSX writer', () => {
  it('writes typed cells that read back as the same values, dates on the Stockholm wall clock', async () => {
    const sheets = await readXlsxFile(await toXlsx(workbook));
    expect(sheets.map((s) => s.sheet)).toEqual(['Framsteg', 'Omgångar- 1-2']);
    const [header, first, second] = sheets[0].data;
    expect(header).toEqual(['Namn', 'Antal', 'Andel', 'Dag', 'Tid', 'Klar']);
    // An XLSX date has no zone: read back as UTC, it shows the Stockholm wall clock.
    // (A serial day number is a float: what reads back is rounded to the minute, as Excel shows it.)
    expect(first.map((v) => (v instanceof Date ? toMinute(v) : v))).toEqual([
      'Åsa Öberg',
      3,
      0.75,
      '2026-12-06T00:00',
      '2026-06-01T13:15',
      'Ja',
    ]);
    // A text cell that looks like a formula stays text: string cells are never evaluated.
    expect(second).toEqual(['=1+1', 0, 0, null, null, 'Nej']);
    expect(sheets[1].data).toEqual([['Analys'], [1], [2]]);
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Blad1');
  });
});
