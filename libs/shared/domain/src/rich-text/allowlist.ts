/**
 * The formatting an analysis may carry: one list for the API's sanitiser, the web editor's schema and
 * its paste cleaning, so what a teacher can write, paste and store is the same everywhere. Anything
 * else (scripts, event handlers, styles, classes, images, tables, iframes) is removed.
 */
export const RICH_TEXT_TAGS = [
  'p',
  'br',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
] as const;
export type RichTextTag = (typeof RICH_TEXT_TAGS)[number];

/** Older spellings of allowed marks, read as their modern equivalent (b → strong, i → em). */
export const RICH_TEXT_TAG_ALIASES: Readonly<Record<string, RichTextTag>> = {
  b: 'strong',
  i: 'em',
  strike: 's',
  del: 's',
  ins: 'u',
};

/** Attributes allowed per tag; every other attribute is dropped. */
export const RICH_TEXT_ATTRIBUTES: Readonly<Partial<Record<RichTextTag, readonly string[]>>> = {
  a: ['href', 'rel', 'target'],
};

/** Link schemes a reader may follow. Relative and protocol-relative links are refused. */
export const RICH_TEXT_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Every stored link opens in a new tab without telling the target where the reader came from. */
export const RICH_TEXT_LINK_REL = 'noopener noreferrer nofollow';
export const RICH_TEXT_LINK_TARGET = '_blank';

/** Sub-headings inside a section (the section's own title is the page's h2). */
export const RICH_TEXT_HEADING_LEVELS = [3, 4] as const;
export type RichTextHeadingLevel = (typeof RICH_TEXT_HEADING_LEVELS)[number];

export function isRichTextTag(tag: string): tag is RichTextTag {
  return (RICH_TEXT_TAGS as readonly string[]).includes(tag.toLowerCase());
}

/** True for an absolute http(s) or mailto link (what the sanitiser keeps). */
export function isAllowedLink(href: string): boolean {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  if (!m) return false;
  const scheme = m[1].toLowerCase();
  if (!(RICH_TEXT_LINK_SCHEMES as readonly string[]).includes(scheme)) return false;
  if (scheme === 'mailto') return /^mailto:[^\s@]+@[^\s@]+$/i.test(href.trim());
  return /^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(href.trim());
}

/**
 * What a teacher typed into the link dialog as a link we may store: "skolverket.se" becomes
 * "https://skolverket.se", "namn@skola.se" becomes "mailto:namn@skola.se"; null when it cannot be
 * an allowed link (e.g. "javascript:…", "ftp://…", plain words).
 */
export function normaliseLink(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return isAllowedLink(text) ? text : null;
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(text)) return `mailto:${text}`;
  const web = `https://${text.replace(/^\/\//, '')}`;
  return isAllowedLink(web) ? web : null;
}
