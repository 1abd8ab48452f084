/**
 * Texts the writer chose not to keep when the same section was changed in two places: kept in this
 * browser (per person and round) so a choice made in haste can be undone by copying the text back.
 * The draft on the server has no history of its own; published versions are the history readers
 * see (ADR 0025).
 */
export interface SetAsideText {
  sectionKey: string;
  html: string;
  /** When it was set aside (ISO). */
  at: string;
}

/** The newest this many are kept; older ones go first. */
export const MAX_SET_ASIDE = 20;

export function setAsideKey(personId: string, roundId: string): string {
  return `stl.setAside.${personId}.${roundId}`;
}

export class SetAsideStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly key: string,
  ) {}

  /** Newest first. */
  read(): SetAsideText[] {
    try {
      const list: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]');
      if (!Array.isArray(list)) return [];
      return list.filter(
        (t): t is SetAsideText =>
          !!t &&
          typeof t === 'object' &&
          typeof (t as SetAsideText).sectionKey === 'string' &&
          typeof (t as SetAsideText).html === 'string' &&
          typeof (t as SetAsideText).at === 'string',
      );
    } catch {
      return [];
    }
  }

  /** Adds a text (newest first) and returns the list as now kept. */
  add(text: SetAsideText): SetAsideText[] {
    const list = [text, ...this.read()].slice(0, MAX_SET_ASIDE);
    try {
      this.storage?.setItem(this.key, JSON.stringify(list));
    } catch {
      // Storage full or refused: the list still shows in this tab until it is closed.
    }
    return list;
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do.
    }
  }
}
