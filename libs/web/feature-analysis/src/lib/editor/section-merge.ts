import { sameText } from '../text/rich-text';
import type { Answers } from '../text/rich-text';

/** What a three-way merge of two edits of one draft gives, section by section. */
export interface SectionMerge {
  /**
   * The answers to go on with: a section changed on one side only comes from that side, a section
   * both sides changed to the same text is theirs (the server's spelling), and a section both
   * sides changed differently keeps mine until the writer chooses.
   */
  merged: Answers;
  /** Sections changed on both sides to different texts: only these ask the writer. */
  conflicts: string[];
  /** Sections whose text came from the other side (changed there only), to tell the writer. */
  taken: string[];
}

/**
 * Merges my edit and theirs per section against the base both started from (the text this tab last
 * knew the server to hold). Texts are compared as the editor and the server spell them
 * (`sameText`), so a sanitiser's attribute or line-break spelling is no change.
 * Order of the result follows the order in which keys first appear in base, mine, theirs.
 */
export function mergeSections(base: Answers, mine: Answers, theirs: Answers): SectionMerge {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])];
  const merged: Record<string, string> = {};
  const conflicts: string[] = [];
  const taken: string[] = [];
  for (const k of keys) {
    const b = base[k];
    const m = mine[k];
    const t = theirs[k];
    const pick = (v: string | undefined) => {
      if (v !== undefined) merged[k] = v;
    };
    if (sameText(m, t)) pick(t ?? m);
    else if (sameText(m, b)) {
      pick(t ?? '');
      taken.push(k);
    } else if (sameText(t, b)) pick(m);
    else {
      pick(m);
      conflicts.push(k);
    }
  }
  return { merged, conflicts, taken };
}
