import { sameAnswers, upgradePlainText } from '../text/rich-text';
import type { Answers } from '../text/rich-text';

/**
 * Unsaved text kept in this browser until the server has it, so nothing typed is lost when the
 * connection drops, the tab closes or the API refuses a save. Keyed by person and round, so two
 * people sharing a computer never see each other's text.
 */
export interface LocalDraft {
  /** The server revision the text was written on. */
  baseRevision: number;
  answers: Answers;
  /** The text the server held at baseRevision, for a merge per section when the draft moved on. */
  base?: Answers;
  updatedAt: string;
}

export function localDraftKey(personId: string, roundId: string): string {
  return `stl.draft.${personId}.${roundId}`;
}

export class LocalDraftStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly key: string,
  ) {}

  read(): LocalDraft | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const d = JSON.parse(raw) as Partial<LocalDraft>;
      if (typeof d.baseRevision !== 'number' || !d.answers || typeof d.answers !== 'object') return null;
      // Text kept by the earlier plain-text editor is read as the HTML it would have been saved as.
      const answersOf = (raw: object): Answers =>
        Object.fromEntries(
          Object.entries(raw)
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([k, v]) => [k, upgradePlainText(v)]),
        );
      const answers = answersOf(d.answers);
      const updatedAt = String(d.updatedAt ?? '');
      // Copies kept before merging per section have no base; they merge against an empty draft.
      if (!d.base || typeof d.base !== 'object') return { baseRevision: d.baseRevision, answers, updatedAt };
      return { baseRevision: d.baseRevision, answers, base: answersOf(d.base), updatedAt };
    } catch {
      return null;
    }
  }

  write(draft: LocalDraft): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(draft));
    } catch {
      // Storage full or refused: the autosave to the server still runs.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do.
    }
  }
}

/**
 * What to show when the editor opens, given the server's draft and any text left in this browser:
 * the server's text; the local text, to be saved at once (written on the server's latest revision);
 * or a merge per section (the draft moved on elsewhere since the local text was written).
 */
export type RestoreDecision = 'server' | 'restore' | 'conflict';

export function decideRestore(
  server: { revision: number; answers: Answers },
  local: LocalDraft | null,
): RestoreDecision {
  if (!local || sameAnswers(local.answers, server.answers)) return 'server';
  return local.baseRevision === server.revision ? 'restore' : 'conflict';
}
