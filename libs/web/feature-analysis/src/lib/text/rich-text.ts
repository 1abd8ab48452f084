import { richTextToPlainText } from '@stl/shared/domain';

/**
 * Analyses are stored as sanitised HTML within the shared allowlist (libs/shared/domain rich-text);
 * the editor (TipTap) writes that HTML directly. Pure functions, unit-tested.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Line endings unified, trailing spaces and surrounding blank lines gone: what "the same text" means. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text as HTML paragraphs (text kept in a browser by the earlier, plain-text editor). */
export function textToHtml(text: string): string {
  return normaliseText(text)
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/**
 * HTML as it is stored: '' when nothing is written (an empty editor still holds "<p></p>"), and
 * without the empty paragraph the editor keeps after a final heading or list to type on in.
 */
export function editorHtml(html: string): string {
  return isBlank(html) ? '' : html.trim().replace(/(<p><\/p>)+$/, '');
}

/** True when the HTML shows no text. */
export function isBlank(html: string | undefined): boolean {
  return richTextToPlainText(html ?? '') === '';
}

/**
 * The same HTML as stored by the server and as written by the editor: the link attributes the server
 * sets (rel, target) and the spelling of line breaks do not make two texts different.
 */
function comparable(html: string | undefined): string {
  return editorHtml(html ?? '')
    .replace(/\s(rel|target|class)="[^"]*"/g, '')
    .replace(/<br\s*\/?>/g, '<br>');
}

/** A value that is plain text (no markup), as the earlier editor kept it in this browser, as HTML. */
export function upgradePlainText(value: string): string {
  return /^\s*</.test(value) || value.trim() === '' ? value : textToHtml(value);
}

export type Answers = Readonly<Record<string, string>>;

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return comparable(a) === comparable(b);
}

/** Section keys whose text differs between two sets of answers. */
export function changedSections(current: Answers, base: Answers): string[] {
  const keys = new Set([...Object.keys(current), ...Object.keys(base)]);
  return [...keys].filter((k) => !sameText(current[k], base[k]));
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  return changedSections(a, b).length === 0;
}
