/**
 * The code of a certificate of completion (ADR 0032): what the printed certificate, its QR code and
 * the public verification page carry. Twelve characters from an alphabet without look-alikes (no
 * 0/O, 1/I/L, U), shown in groups of four, so a person can type it from paper; 30^12 ≈ 5 × 10^17
 * codes, and the verification endpoint is rate-limited, so guessing one is hopeless.
 */
export const CERTIFICATE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CERTIFICATE_CODE_LENGTH = 12;

/** The web path of the public verification page; `/intyg/<code>` opens it for that code. */
export const CERTIFICATE_VERIFY_PATH = '/intyg';

/**
 * What a person typed or scanned, as the stored code: case, spaces and dashes ignored. Null for
 * anything that cannot be a code (wrong length, a character outside the alphabet, including the
 * look-alikes 0, O, 1, I, L and U, which no code contains).
 */
export function normaliseCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\u2010-\u2015-]+/g, '');
  if (code.length !== CERTIFICATE_CODE_LENGTH) return null;
  for (const c of code) if (!CERTIFICATE_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** "ABCDEFGHJKMN" as "ABCD-EFGH-JKMN". */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
