import { decodeHtmlEntities, richTextToPlainText } from './plain-text';

/** What the shared-space search indexes of one published version (ADR 0027). */
export interface SearchableText {
  /** The author's own sub-headings (h3, h4), one a line: what comes nearest to a title. */
  title: string;
  /** Every answer as a reader sees it, in the template's order, separated by blank lines. */
  text: string;
}

// Control characters never belong in a reader's text, and the search uses two of them to mark
// matches in its excerpts, so they are dropped here and can never be mistaken for a mark.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const HEADING = /<h[34][^>]*>([\s\S]*?)<\/h[34]>/gi;

/** The title and text of a version's answers (sanitised HTML, in order), for the search index. */
export function searchableText(answers: readonly string[]): SearchableText {
  const title = answers
    .flatMap((html) => [...html.matchAll(HEADING)].map((m) => m[1]))
    .map((inner) =>
      decodeHtmlEntities(inner.replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
  const text = answers
    .map((html) => richTextToPlainText(html))
    .filter(Boolean)
    .join('\n\n');
  return { title: title.replace(CONTROL, ''), text: text.replace(CONTROL, '') };
}
