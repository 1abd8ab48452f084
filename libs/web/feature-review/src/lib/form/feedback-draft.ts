import { FEEDBACK_PARTS } from '../shared/feedback-rules';
import type { FeedbackTexts } from '../shared/feedback-rules';

/**
 * Feedback being written, kept in this browser until the API has accepted it, so nothing typed is
 * lost on a refused submit, a lost connection or a closed tab. Keyed by person and assignment, so
 * two people sharing a computer never see each other's text.
 */
export interface FeedbackDraft {
  texts: FeedbackTexts;
  sectionKey: string | null;
  updatedAt: string;
}

export function feedbackDraftKey(personId: string, assignmentId: string): string {
  return `stl.feedback.${personId}.${assignmentId}`;
}

export function emptyTexts(): FeedbackTexts {
  return { worksWell: '', questions: '', nextSteps: '' };
}

export function hasText(draft: Pick<FeedbackDraft, 'texts'>): boolean {
  return FEEDBACK_PARTS.some((p) => draft.texts[p].trim() !== '');
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class FeedbackDraftStore {
  constructor(
    private readonly storage: Storage | null,
    private readonly key: string,
  ) {}

  read(): FeedbackDraft | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const d = JSON.parse(raw) as Partial<FeedbackDraft>;
      if (!d.texts || typeof d.texts !== 'object') return null;
      const texts = emptyTexts();
      for (const p of FEEDBACK_PARTS) {
        const value = (d.texts as Partial<FeedbackTexts>)[p];
        texts[p] = typeof value === 'string' ? value : '';
      }
      return {
        texts,
        sectionKey: typeof d.sectionKey === 'string' && d.sectionKey ? d.sectionKey : null,
        updatedAt: String(d.updatedAt ?? ''),
      };
    } catch {
      return null;
    }
  }

  /** An empty draft is removed rather than stored. */
  write(draft: FeedbackDraft): void {
    try {
      if (!hasText(draft) && !draft.sectionKey) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(draft));
    } catch {
      // Storage full or refused: the text is still in the form.
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
