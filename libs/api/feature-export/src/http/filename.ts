/**
 * `Content-Disposition: attachment` with a file name every browser saves correctly (RFC 6266):
 * `filename="…"` in plain ASCII for old clients (å, ä, ö become a, a, o; anything else a dash) and
 * `filename*=UTF-8''…` (RFC 5987) with the Swedish name, percent-encoded. Neither part can carry a
 * quote, a path separator or a line break, so a cohort's name cannot break the header or choose
 * where the file lands.
 */
const UNSAFE = /[\p{Cc}"\\/:*?<>|;]+/gu;

/** The readable name: the caller's words with anything a file system or header refuses removed. */
export function safeFileName(name: string): string {
  return (
    name
      .normalize('NFC')
      // A school year is written 2026/27: keep it readable as 2026-27.
      .replace(/(\d)\s*[/\\]\s*(\d)/g, '$1-$2')
      .replace(UNSAFE, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150)
      .replace(/^\.+/, '') || 'export'
  );
}

/** The ASCII fallback: letters, digits, dot, dash and underscore only. */
export function asciiFileName(name: string): string {
  return (
    safeFileName(name)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|-+(?=\.[A-Za-z0-9]+$)|-+$/g, '') || 'export'
  );
}

/** RFC 5987 `ext-value`: UTF-8, percent-encoding everything outside `attr-char`. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(fileName: string): string {
  const readable = safeFileName(fileName);
  return `attachment; filename="${asciiFileName(readable)}"; filename*=UTF-8''${rfc5987(readable)}`;
}
