/**
 * The DOM half of passage anchors (ADR 0026): offsets of a selection in a section's rendered text
 * and <mark>s over a passage. Offsets count the text nodes' characters, i.e. `textContent`, which
 * is what `richTextContent` (@stl/shared/domain) computes from the stored HTML on the server.
 */

/** Class of the marks this file adds, so they can be told from anything else in the text. */
export const PASSAGE_MARK_CLASS = 'passage-mark';

/** Offsets of `range` within `container`'s text, or null when the range is empty or reaches outside it. */
export function rangeOffsets(container: Node, range: Range): { start: number; end: number } | null {
  if (range.collapsed) return null;
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const doc = container.ownerDocument ?? (container as Document);
  const before = doc.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** The text nodes under `container`, in document order. */
function textNodes(container: Node): Text[] {
  const doc = container.ownerDocument ?? (container as Document);
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/**
 * Wraps the characters start–end of `container`'s text in marks, one per text node the passage
 * crosses (a passage over bold text or two list items stays valid HTML). Returns the marks.
 */
export function highlightPassage(
  container: Node,
  start: number,
  end: number,
  attributes: Record<string, string>,
): HTMLElement[] {
  const doc = container.ownerDocument ?? (container as Document);
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of textNodes(container)) {
    const length = node.data.length;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + length) - offset;
    offset += length;
    if (from >= to) continue;
    let part = node;
    if (from > 0) part = part.splitText(from);
    if (to - from < part.data.length) part.splitText(to - from);
    const mark = doc.createElement('mark');
    mark.className = PASSAGE_MARK_CLASS;
    for (const [name, value] of Object.entries(attributes)) mark.setAttribute(name, value);
    part.parentNode?.insertBefore(mark, part);
    mark.appendChild(part);
    marks.push(mark);
    if (offset >= end) break;
  }
  return marks;
}

/** Removes the marks added by highlightPassage, leaving the text exactly as before. */
export function clearPassageMarks(container: Element): void {
  for (const mark of Array.from(container.querySelectorAll(`mark.${PASSAGE_MARK_CLASS}`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
