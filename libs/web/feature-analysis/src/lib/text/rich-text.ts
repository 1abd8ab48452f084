/**
 * Analyses are stored as sanitised HTML (the API allows paragraphs, line breaks, lists and simple
 * emphasis). The editor writes plain text in a textarea, the most robust and accessible control:
 * blank lines make paragraphs, single newlines line breaks. Pure functions, unit-tested.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Line endings unified, trailing spaces and surrounding blank lines gone: what "the same text" means. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textToHtml(text: string): string {
  return normaliseText(text)
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/** Readable text from stored HTML (also HTML written elsewhere, e.g. lists). */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<\/li>/gi, '\n')
    .replace(/<\/(p|h3|h4|blockquote|ul|ol)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return normaliseText(decodeEntities(text));
}

export type Answers = Readonly<Record<string, string>>;

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return normaliseText(a ?? '') === normaliseText(b ?? '');
}

/** Section keys whose text differs between two sets of answers. */
export function changedSections(current: Answers, base: Answers): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(base)]);
  return [...keys].filter((k) => !sameText(current[k], base[k]));
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  return changedSections(a, b).length === 0;
}
