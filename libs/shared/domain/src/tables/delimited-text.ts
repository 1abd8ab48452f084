/**
 * Reading a spreadsheet saved as text (CSV): what Excel and LibreOffice write. Swedish Excel saves
 * with semicolons, others with commas or tabs; UTF-8 files from Excel start with a byte-order mark.
 * Pure, for the API and the web app alike.
 */

/** The separator used most in the first lines: `;`, tab or `,` (semicolon on a tie). */
export function guessSeparator(text: string): string {
  const sample = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 5)
    .join('\n');
  const count = (s: string) => sample.split(s).length - 1;
  return [';', '\t', ','].reduce((best, s) => (count(s) > count(best) ? s : best), ';');
}

/**
 * The rows of a CSV text as trimmed cells, empty lines left out. A leading byte-order mark is
 * dropped; "quoted" cells may hold the separator, line breaks and "" for a quote (RFC 4180).
 * `lines[i]` is the 1-based line where row i starts, as a text editor numbers it.
 */
export function readDelimitedText(
  raw: string,
  separator = guessSeparator(raw.replace(/^\uFEFF/, '')),
): { rows: string[][]; lines: number[] } {
  const text = raw.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(cell);
    if (row.some((c) => c.trim())) {
      rows.push(row.map((c) => c.trim()));
      lines.push(rowLine);
    }
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  endRow();
  return { rows, lines };
}
