import { extractText, getDocumentProxy } from 'unpdf';
import { CERTIFICATE_CODE_ALPHABET, normaliseCertificateCode } from '@stl/shared/domain';
import { certificatePdf, swedishLongDate } from './certificate-pdf';
import { newCertificateCode } from './certificate.service';

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe('the certificate of completion as a PDF', () => {
  it('states everything in Swedish, names outside Windows-1252 included', async () => {
    const pdf = await certificatePdf({
      code: 'ABCDEFGHJKMN',
      holder: 'Dragana Jovanović',
      cohortName: 'STL Lärkby 2026/27',
      schoolYear: '2026/27',
      organisation: 'Lärkby kommun',
      meetingsAttended: 7,
      meetingsPlanned: 8,
      analysesCompleted: 6,
      leaders: ['Łukasz Nowak', 'Maria Berg'],
      issuedAt: new Date('2027-06-14T22:30:00Z'),
      verifyUrl: 'https://stl.example.se/intyg/ABCDEFGHJKMN',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Kursintyg');
    expect(text).toContain('Dragana Jovanović');
    expect(text).toContain('läsåret 2026/27, anordnad av Lärkby kommun');
    expect(text).toContain('Närvaro 7 av 8 gemensamma träffar');
    expect(text).toContain('Kursledare Łukasz Nowak, Maria Berg');
    // Issued just after midnight in Stockholm: the Swedish date, not the UTC one.
    expect(text).toContain('Utfärdat 15 juni 2027');
    expect(text).toContain('Intygets kod: ABCD-EFGH-JKMN');
    expect(text).toContain('https://stl.example.se/intyg/ABCDEFGHJKMN');
  });

  it('writes dates as Swedes do in running text', () => {
    expect(swedishLongDate(new Date('2027-01-01T12:00:00Z'))).toBe('1 januari 2027');
    expect(swedishLongDate(new Date('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
  });
});

describe('new certificate codes', () => {
  it('are twelve characters of the alphabet, and read back as themselves', () => {
    const codes = Array.from({ length: 200 }, newCertificateCode);
    for (const code of codes) {
      expect(code).toHaveLength(12);
      for (const c of code) expect(CERTIFICATE_CODE_ALPHABET).toContain(c);
      expect(normaliseCertificateCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});
