/**
 * Passages of a published section, anchored as the W3C Web Annotation model does it: a
 * TextQuoteSelector (`exact` with some `prefix` and `suffix` context) plus a TextPositionSelector
 * (`start`/`end`, UTF-16 offsets). Both count in the section's **content text**: the text nodes
 * of its sanitised HTML joined, exactly what a browser's `textContent` gives for the rendered
 * section, so the web app and the API measure the same string (ADR 0026).
 */

/** Characters of context kept on each side of a quote. */
export const PASSAGE_CONTEXT = 32;
/** The longest passage a comment may point at. */
export const MAX_PASSAGE_LENGTH = 2000;

export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1].toLowerCase() === 'x';
      const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * The content text of sanitised HTML (the allowlist of ADR 0021: no comments, no scripts, `<` and
 * `>` escaped inside text and attributes): tags dropped, entities decoded, whitespace kept as is.
 */
export function richTextContent(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

/** The selectors for `text.slice(start, end)`, with up to PASSAGE_CONTEXT characters around it. */
export function describePassage(text: string, start: number, end: number): PassageSelector {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length
  )) {
    throw new RangeError(`No passage ${start}–${end} in a text of ${text.length} characters.`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - PASSAGE_CONTEXT), start),
    suffix: text.slice(end, end + PASSAGE_CONTEXT),
    start,
    end,
  };
}

/** True when both selectors agree with `text`: the quote and its context sit exactly at the offsets. */
export function passageMatches(text: string, s: PassageSelector): boolean {
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.start < s.end &&
    s.end <= text.length &&
    s.end - s.start === s.exact.length &&
    text.slice(s.start, s.end) === s.exact &&
    text.slice(0, s.start).endsWith(s.prefix) &&
    text.slice(s.end).startsWith(s.suffix)
  );
}

/**
 * Where a quote typed or pasted by a reader sits in `text`: its offsets when it occurs exactly
 * once, `'missing'` when not at all and `'ambiguous'` when more than once (a longer quote then
 * tells them apart). Surrounding whitespace of the quote is ignored.
 */
export function findQuote(
  text: string,
  quote: string,
): { start: number; end: number } | 'missing' | 'ambiguous' {
  const exact = quote.trim();
  if (!exact) return 'missing';
  const start = text.indexOf(exact);
  if (start < 0) return 'missing';
  if (text.indexOf(exact, start + 1) >= 0) return 'ambiguous';
  return { start, end: start + exact.length };
}

/**
 * Where a stored passage is in `text` now: at its offsets when they still hold the quote (always,
 * for the version it was made on), else null. Never searched for elsewhere: a comment belongs to
 * the text it was written about, and is not moved silently to a look-alike.
 */
export function locatePassage(text: string, s: PassageSelector): { start: number; end: number } | null {
  return passageMatches(text, s) ? { start: s.start, end: s.end } : null;
}
