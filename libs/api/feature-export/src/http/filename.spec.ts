import { asciiFileName, contentDisposition, safeFileName } from './filename';

describe('download file names', () => {
  it('gives an ASCII name and the Swedish one per RFC 5987', () => {
    expect(contentDisposition('Närvaro Läsåret 2026/27 2026-12-06.xlsx')).toBe(
      `attachment; filename="Narvaro-Lasaret-2026-27-2026-12-06.xlsx"; filename*=UTF-8''N%C3%A4rvaro%20L%C3%A4s%C3%A5ret%202026-27%202026-12-06.xlsx`,
    );
  });

  it('lets no quote, line break, path or header separator through', () => {
    const evil = '../"a";\r\nSet-Cookie: x=1\\b.csv';
    for (const name of [safeFileName(evil), asciiFileName(evil)]) {
      expect(name).not.toMatch(/["\r\n/\\;]/);
    }
    const header = contentDisposition(evil);
    expect(header.split('"')).toHaveLength(3);
    expect(header).not.toMatch(/[\r\n]/);
    expect(asciiFileName('...')).toBe('export');
  });
});
