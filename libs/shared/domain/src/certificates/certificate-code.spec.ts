import {
  CERTIFICATE_CODE_ALPHABET,
  formatCertificateCode,
  normaliseCertificateCode,
} from './certificate-code';

describe('certificate codes', () => {
  it('reads a code typed loosely: lower case, spaces, dashes', () => {
    expect(normaliseCertificateCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normaliseCertificateCode('ABCD–EFGH–JKMN')).toBe('ABCDEFGHJKMN');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseCertificateCode('ABCDEFGHJKM')).toBeNull();
    expect(normaliseCertificateCode('ABCDEFGHJKMNP')).toBeNull();
    expect(normaliseCertificateCode('ABCDEFGHJKM0')).toBeNull();
    expect(normaliseCertificateCode('ABCDEFGHJKMO')).toBeNull();
    expect(normaliseCertificateCode('ABCDEFGHJKMU')).toBeNull();
    expect(normaliseCertificateCode("ABCD'; DROP--")).toBeNull();
    expect(normaliseCertificateCode('')).toBeNull();
  });

  it('has no look-alikes in its alphabet', () => {
    for (const c of '01ILOU') expect(CERTIFICATE_CODE_ALPHABET).not.toContain(c);
    expect(new Set(CERTIFICATE_CODE_ALPHABET).size).toBe(CERTIFICATE_CODE_ALPHABET.length);
  });

  it('shows a code in groups of four', () => {
    expect(formatCertificateCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });
});
