import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAG_ALIASES,
  isAllowedLink,
  isRichTextTag,
} from '@stl/shared/domain';
import type { RichTextTag } from '@stl/shared/domain';

/**
 * Pasted HTML (Word, Google Docs, web pages) reduced to the shared allowlist before the editor reads
 * it: the formatting a teacher sees (bold, italics, headings, lists, links) is kept as elements of
 * the allowlist; classes, styles, Office namespaces, comments, fonts and tables go. Word's "lists"
 * (paragraphs with mso-list styles and a typed bullet) become real lists.
 */
export function cleanPastedHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, 'text/html');
  const out = doc.createElement('div');
  appendClean(doc.body, out, doc);
  groupWordLists(out, doc);
  // Links are underlined by the reader's style sheet; an underline pasted with one is only noise.
  for (const u of Array.from(out.querySelectorAll('a u'))) u.replaceWith(...Array.from(u.childNodes));
  return out.innerHTML;
}

const DROP = new Set([
  'script',
  'style',
  'meta',
  'link',
  'title',
  'head',
  'xml',
  'img',
  'svg',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'template',
  'button',
  'input',
  'select',
  'textarea',
]);
const HEADING_MAP: Record<string, RichTextTag> = {
  h1: 'h3',
  h2: 'h3',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
};
/** Elements that hold a block of text of their own: they become paragraphs. */
const BLOCKISH = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'td',
  'th',
  'dt',
  'dd',
  'pre',
  'address',
  'figcaption',
  'caption',
]);

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

/** Word's typed bullet or number before a "list" paragraph's text. */
function isWordListMarker(el: Element): boolean {
  return /mso-list:ignore/.test(styleOf(el));
}

function isWordListParagraph(el: Element): boolean {
  return (
    el.tagName.toLowerCase() === 'p' &&
    (/mso-list:l\d/.test(styleOf(el)) || /^MsoListParagraph/i.test(el.getAttribute('class') ?? ''))
  );
}

/** Marks a span or similar carries by its style, as Word and Google Docs write them. */
function marksOfStyle(el: Element): RichTextTag[] {
  const style = styleOf(el);
  const marks: RichTextTag[] = [];
  const weight = /font-weight:([a-z0-9]+)/.exec(style)?.[1];
  if (weight && (/^bold/.test(weight) || Number(weight) >= 600)) marks.push('strong');
  if (/font-style:italic/.test(style)) marks.push('em');
  if (/text-decoration(-line)?:[^;]*underline/.test(style)) marks.push('u');
  if (/text-decoration(-line)?:[^;]*line-through/.test(style)) marks.push('s');
  return marks;
}

function appendClean(from: Node, to: Element, doc: Document): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== 1) continue; // comments (Word's <!--[if …]-->), processing instructions
    const el = node as Element;
    const name = el.tagName.toLowerCase();
    if (DROP.has(name) || name.includes(':') || isWordListMarker(el)) continue; // o:p, w:…, v:shape
    const target = elementFor(el, name, doc);
    if (!target) {
      appendClean(el, to, doc);
      continue;
    }
    appendClean(el, target.inner, doc);
    to.appendChild(target.outer);
  }
}

/** The allowed element(s) standing for a pasted element, or null to keep only its content. */
function elementFor(el: Element, name: string, doc: Document): { outer: Element; inner: Element } | null {
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  if ((name === 'b' || name === 'strong') && /font-weight:(normal|400)/.test(styleOf(el)))
    return wrapMarks(marksOfStyle(el), doc);
  if (name === 'p' && isWordListParagraph(el)) {
    const li = doc.createElement('li');
    li.setAttribute('data-word-list', wordListKind(el));
    return { outer: li, inner: li };
  }
  const heading = HEADING_MAP[name];
  if (heading) return single(heading, doc);
  if (BLOCKISH.has(name))
    return el.querySelector('p,div,h1,h2,h3,h4,h5,h6,ul,ol,table') ? null : single('p', doc);
  const alias = RICH_TEXT_TAG_ALIASES[name];
  const tag = alias ?? (isRichTextTag(name) ? (name as RichTextTag) : null);
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (!isAllowedLink(href)) return null;
    const a = doc.createElement('a');
    a.setAttribute('href', href.trim());
    return { outer: a, inner: a };
  }
  if (tag) {
    const outer = doc.createElement(tag);
    for (const attr of RICH_TEXT_ATTRIBUTES[tag] ?? []) {
      const value = el.getAttribute(attr);
      if (value !== null) outer.setAttribute(attr, value);
    }
    // <p style="font-weight:bold">: the marks go inside the block.
    const marks = wrapMarks(
      marksOfStyle(el).filter((m) => m !== tag),
      doc,
    );
    if (marks) {
      outer.appendChild(marks.outer);
      return { outer, inner: marks.inner };
    }
    return { outer, inner: outer };
  }
  return wrapMarks(marksOfStyle(el), doc);
}

function single(tag: RichTextTag, doc: Document): { outer: Element; inner: Element } {
  const el = doc.createElement(tag);
  return { outer: el, inner: el };
}

function wrapMarks(marks: RichTextTag[], doc: Document): { outer: Element; inner: Element } | null {
  if (!marks.length) return null;
  const outer = doc.createElement(marks[0]);
  let inner = outer;
  for (const mark of marks.slice(1)) {
    const next = doc.createElement(mark);
    inner.appendChild(next);
    inner = next;
  }
  return { outer, inner };
}

/** "ol" when Word typed a number or letter before the text, else "ul". */
function wordListKind(el: Element): 'ul' | 'ol' {
  const marker = Array.from(el.querySelectorAll('span')).find(isWordListMarker)?.textContent ?? '';
  const comment = /\[if !supportLists\]/.test(el.innerHTML) ? (el.textContent ?? '') : '';
  return /^\s*([0-9]+|[a-z]|[ivx]+)[.)]/i.test(marker || comment) ? 'ol' : 'ul';
}

/** Consecutive Word list items become one <ul> or <ol>. */
function groupWordLists(root: Element, doc: Document): void {
  for (const li of Array.from(root.querySelectorAll('li[data-word-list]'))) {
    if (li.parentElement?.hasAttribute('data-word-list-group')) continue;
    const kind = li.getAttribute('data-word-list') === 'ol' ? 'ol' : 'ul';
    const list = doc.createElement(kind);
    list.setAttribute('data-word-list-group', '');
    li.before(list);
    let item: Element | null = li;
    while (item && item.tagName.toLowerCase() === 'li' && item.getAttribute('data-word-list') === kind) {
      const next: Element | null = nextElement(item);
      list.appendChild(item);
      item = next;
    }
  }
  for (const el of Array.from(root.querySelectorAll('[data-word-list],[data-word-list-group]'))) {
    el.removeAttribute('data-word-list');
    el.removeAttribute('data-word-list-group');
  }
}

/** The next element sibling, skipping whitespace-only text between Word's paragraphs. */
function nextElement(el: Element): Element | null {
  let node = el.nextSibling;
  while (node && node.nodeType === 3 && !(node.textContent ?? '').trim()) {
    const blank = node;
    node = node.nextSibling;
    blank.remove();
  }
  return node && node.nodeType === 1 ? (node as Element) : null;
}
