/**
 * Editing a template's sections before saving them as a new version: pure list operations, so the
 * buttons (move up, move down, remove, add) and the checks are unit-tested.
 */

/** One section as the editor holds it; `uid` only tracks rows in the page, it is never sent. */
export interface DraftSection {
  uid: string;
  key: string;
  title: string;
  prompt: string;
  helpText: string;
  required: boolean;
}

export type SectionField = 'key' | 'title' | 'prompt' | 'helpText';

/** The API's rule: starts with a letter a–z, then a–z, digits, _ or -; at most 64 characters. */
export const SECTION_KEY = /^[a-z][a-z0-9_-]{0,63}$/;
export const MAX_SECTIONS = 30;

let counter = 0;
export function newUid(): string {
  counter += 1;
  return `s${counter}`;
}

export function emptySection(): DraftSection {
  return { uid: newUid(), key: '', title: '', prompt: '', helpText: '', required: true };
}

/** The list with the section at `index` moved by `delta` places (no change at either end). */
export function moveSection<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

export function removeSection<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function updateSection(
  list: readonly DraftSection[],
  index: number,
  change: Partial<Omit<DraftSection, 'uid'>>,
): DraftSection[] {
  return list.map((s, i) => (i === index ? { ...s, ...change } : s));
}

/**
 * A key from a title, for a new section: "Mål för eleverna" → "mal-for-eleverna"; made unique
 * among `taken` with a number. The administrator can still change it.
 */
export function suggestKey(title: string, taken: readonly string[]): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 56) || 'avsnitt';
  const used = new Set(taken.map((k) => k.toLowerCase()));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export interface SectionProblem {
  index: number;
  field: SectionField | 'list';
  /** Translation key. */
  key: string;
}

/** What the API would refuse, checked before sending so the administrator sees it at once. */
export function sectionProblems(list: readonly DraftSection[]): SectionProblem[] {
  const problems: SectionProblem[] = [];
  if (!list.length) problems.push({ index: -1, field: 'list', key: 'admin.problems.sectionRequired' });
  if (list.length > MAX_SECTIONS)
    problems.push({ index: -1, field: 'list', key: 'admin.problems.tooManySections' });
  const seen = new Set<string>();
  list.forEach((s, index) => {
    const key = s.key.trim();
    if (!key) problems.push({ index, field: 'key', key: 'admin.problems.required' });
    else if (!SECTION_KEY.test(key)) problems.push({ index, field: 'key', key: 'admin.problems.sectionKey' });
    else if (seen.has(key.toLowerCase()))
      problems.push({ index, field: 'key', key: 'admin.problems.DUPLICATE_KEY' });
    seen.add(key.toLowerCase());
    if (!s.title.trim()) problems.push({ index, field: 'title', key: 'admin.problems.required' });
    if (!s.prompt.trim()) problems.push({ index, field: 'prompt', key: 'admin.problems.required' });
  });
  return problems;
}

/** The sections as the API takes them, in order, trimmed. */
export function toSectionInputs(list: readonly DraftSection[]) {
  return list.map((s) => ({
    key: s.key.trim(),
    title: s.title.trim(),
    prompt: s.prompt.trim(),
    helpText: s.helpText.trim(),
    required: s.required,
  }));
}

/** True when the edited list would save the same version again (nothing to save). */
export function sameSections(a: readonly DraftSection[], b: readonly DraftSection[]): boolean {
  return JSON.stringify(toSectionInputs(a)) === JSON.stringify(toSectionInputs(b));
}

/** `sections.3.prompt` (an API problem's field) → the section index and field, if it is one. */
export function sectionOfField(field: string): { index: number; field: SectionField } | null {
  const m = /^sections\.(\d+)\.(key|title|prompt|helpText)$/.exec(field);
  return m ? { index: Number(m[1]), field: m[2] as SectionField } : null;
}
