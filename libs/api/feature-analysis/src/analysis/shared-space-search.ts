/**
 * The pure parts of the shared-space search (ADR 0027): how a parsed Swedish query is widened to
 * prefixes, and how PostgreSQL's highlighted excerpt is handed to clients as parts, never as HTML.
 */

/** Longest search text accepted (characters); longer is BAD_USER_INPUT. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Marks around each match in `ts_headline` output. The searchable text never holds control
 * characters (`searchableText` drops them), so these cannot be confused with what a teacher wrote.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** `ts_headline` options: up to two fragments of about 12–30 words around the matches. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MinWords=12, MaxWords=30, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Stems shorter than this are matched whole, so "åk" does not find "åka". Longer ones match as a
 * prefix: the Swedish snowball stemmer does not always give an inflected form and its base form
 * the same stem ("kamratrespons" → kamratrespon, "kamratresponsen" → kamratrespons).
 */
export const PREFIX_FROM_LENGTH = 4;
/** Stems this long (compounds, mostly) also lose their last letter before the prefix match. */
export const TRIM_FROM_LENGTH = 8;

/**
 * Turns the text form of a tsquery (as `websearch_to_tsquery('swedish', …)::text` prints it, e.g.
 * `'kamratrespon' & !'läx' | 'åk' <-> '4'`) into a wider one where every long enough lexeme is a
 * prefix (see above). Operators, phrases and negations are kept as they are.
 */
export function prefixTerms(tsquery: string): string {
  return tsquery.replace(/'((?:[^']|'')+)'(:[*A-D]+)?/g, (whole, quoted: string, flags?: string) => {
    const letters = [...quoted.replace(/''/g, "'")];
    if (flags || letters.length < PREFIX_FROM_LENGTH) return whole;
    const stem = letters.length >= TRIM_FROM_LENGTH ? letters.slice(0, -1) : letters;
    return `'${stem.join('').replace(/'/g, "''")}':*`;
  });
}

/** One stretch of an excerpt; `match` stretches are what the search found. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** Splits `ts_headline` output at the marks into plain parts; adjacent parts of a kind are merged. */
export function excerptParts(headline: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let rest = headline;
  for (;;) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) break;
    const end = rest.indexOf(MATCH_END, start + 1);
    if (end < 0) break;
    push(rest.slice(0, start), false);
    push(rest.slice(start + 1, end), true);
    rest = rest.slice(end + 1);
  }
  push(rest.replaceAll(MATCH_START, '').replaceAll(MATCH_END, ''), false);
  return parts;
}
