import sanitizeHtml from 'sanitize-html';
import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_LINK_REL,
  RICH_TEXT_LINK_SCHEMES,
  RICH_TEXT_LINK_TARGET,
  RICH_TEXT_TAGS,
  RICH_TEXT_TAG_ALIASES,
} from '@stl/shared/domain';

/**
 * The formatting an analysis may carry is the shared allowlist (libs/shared/domain rich-text), the
 * same one the web editor's schema and paste cleaning use. Anything else (scripts, event handlers,
 * styles, iframes, images that could track readers) is removed on the server before storing.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  // Aliases (b, i, …) are renamed by transformTags first, so only the allowlist itself is kept.
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(RICH_TEXT_ATTRIBUTES).map(([tag, attrs]) => [tag, [...attrs]]),
  ),
  allowedSchemes: [...RICH_TEXT_LINK_SCHEMES],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // rel and target are set here, whatever the input said.
    a: sanitizeHtml.simpleTransform('a', { rel: RICH_TEXT_LINK_REL, target: RICH_TEXT_LINK_TARGET }),
    // Older spellings are stored as the editor writes them, so one text has one form.
    ...Object.fromEntries(Object.entries(RICH_TEXT_TAG_ALIASES).map(([from, to]) => [from, to])),
  },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The text a reader sees, for emptiness and length checks. */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;/g, 'x')
    .replace(/\s+/g, ' ')
    .trim();
}
