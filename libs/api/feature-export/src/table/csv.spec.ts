import { readDelimitedText } from '@stl/shared/domain';
import { CSV_BOM, csvCell, guardFormula, toCsv } from './csv';
import type { ExportSheet } from './export-table';

const sheet: ExportSheet = {
  name: 'Test',
  columns: [
    { header: 'Namn', type: 'text' },
    { header: 'Antal', type: 'integer' },
    { header: 'Andel', type: 'share' },
    { header: 'Dag', type: 'date' },
    { header: 'Tid', type: 'datetime' },
    { header: 'Klar', type: 'yesNo' },
  ],
  rows: [
    [
      'Åsa Öberg; "Lärare"',
      3,
      0.75,
      new Date('2026-12-05T23:30:00Z'),
      new Date('2026-06-01T11:15:00Z'),
      true,
    ],
    ['=HYPERLINK("http://evil")', -2, 1 / 3, null, null, false],
  ],
};

describe('CSV for Swedish Excel', () => {
  it('starts with a byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${CSV_BOM}Namn;Antal;Andel;Dag;Tid;Klar`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes and doubles quotes per RFC 4180, and reads back to the same text', () => {
    const { rows } = readDelimitedText(toCsv(sheet), ';');
    expect(rows[1]).toEqual(['Åsa Öberg; "Lärare"', '3', '75 %', '2026-12-06', '2026-06-01 13:15', 'Ja']);
  });

  it('writes dates on the Stockholm calendar (23:30 UTC on 5 December is 6 December)', () => {
    expect(csvCell({ header: 'd', type: 'date' }, new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    // Winter: UTC+1, summer: UTC+2.
    expect(csvCell({ header: 'd', type: 'datetime' }, new Date('2026-01-10T12:00:00Z'))).toBe(
      '2026-01-10 13:00',
    );
  });

  it('writes decimals with a decimal comma and no grouping', () => {
    expect(csvCell({ header: 'x', type: 'decimal' }, 1234.5)).toBe('1234,5');
    expect(csvCell({ header: 'x', type: 'share' }, 1 / 3)).toBe('33,3 %');
    expect(csvCell({ header: 'x', type: 'integer' }, -2)).toBe('-2');
  });

  it('guards text a spreadsheet would run as a formula (OWASP), and only text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(guardFormula(`${start}1+1`)).toEqual({ text: `'${start}1+1`, guarded: true });
    }
    expect(guardFormula('Anna')).toEqual({ text: 'Anna', guarded: false });
    const line = toCsv(sheet).split('\r\n')[2];
    expect(line).toBe(`"'=HYPERLINK(""http://evil"")";-2;33,3 %;;;Nej`);
  });
});
