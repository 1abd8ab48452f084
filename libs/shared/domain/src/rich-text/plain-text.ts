/**
 * Stored analysis HTML as readable plain text (mails, text exports, word counts): paragraphs and
 * headings on lines of their own separated by a blank line, bulleted items as "• ", numbered items
 * as "1. ", links as "text (address)" when the address is not the text itself. The input is
 * sanitised HTML (the allowlist); anything else is dropped as tags.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1].toLowerCase() === 'x';
      const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'div']);

interface ListState {
  ordered: boolean;
  next: number;
}

export function richTextToPlainText(html: string): string {
  const out: string[] = [];
  const lists: ListState[] = [];
  const links: (string | null)[] = [];
  let linkTextStart = 0;
  const newBlock = (blankLine: boolean) => {
    const text = out.join('');
    if (!text) return;
    const want = blankLine ? '\n\n' : '\n';
    const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
    if (trailing < want.length) out.push(want.slice(trailing));
  };
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      const text = decodeHtmlEntities(m[4]).replace(/\s+/g, ' ');
      const current = out.join('');
      out.push(current === '' || current.endsWith('\n') ? text.replace(/^ /, '') : text);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'br') {
      out.push('\n');
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) {
        lists.pop();
        newBlock(lists.length === 0);
      } else {
        newBlock(lists.length === 0);
        lists.push({ ordered: tag === 'ol', next: Number(/start="?(\d+)/i.exec(m[3])?.[1] ?? 1) });
      }
    } else if (tag === 'li') {
      if (closing) continue;
      newBlock(false);
      const list = lists[lists.length - 1];
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      out.push(indent + (list?.ordered ? `${list.next++}. ` : '• '));
    } else if (tag === 'a') {
      if (!closing) {
        links.push(/href="([^"]*)"/i.exec(m[3])?.[1] ?? null);
        linkTextStart = out.join('').length;
      } else {
        const href = links.pop();
        const text = out.join('').slice(linkTextStart).trim();
        if (href) {
          const address = decodeHtmlEntities(href);
          if (address.replace(/^mailto:/, '') !== text && address !== text) out.push(` (${address})`);
        }
      }
    } else if (BLOCKS.has(tag)) {
      // Inside a list item, a paragraph only continues the item.
      if (lists.length && (tag === 'p' || tag === 'div')) continue;
      newBlock(true);
    }
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Words as a reader counts them: runs of letters or digits (so "–" and "•" are not words). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’.:][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The start of a text for a mail or a list: whole words, at most `max` characters, with "…". */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord || cut).trimEnd()}…`;
}
