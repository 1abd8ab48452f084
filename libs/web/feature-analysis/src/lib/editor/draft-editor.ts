import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import { AnalysisApi, editConflictDetails, toApiError } from '@stl/web/data-access';
import type { ApiError, EditorData, FieldProblem } from '@stl/web/data-access';
import type { AutosaveState } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { changedSections, editorHtml, isBlank, sameAnswers } from '../text/rich-text';
import type { Answers } from '../text/rich-text';
import { LocalDraftStore, decideRestore, localDraftKey } from './local-draft';
import { mergeSections } from './section-merge';
import { SetAsideStore, setAsideKey } from './set-aside';
import type { SetAsideText } from './set-aside';

/** Typing pauses this long before the text is sent. */
export const AUTOSAVE_DELAY_MS = 1000;
/** After a failed save for lack of a connection, try again this often (and at once when back online). */
export const OFFLINE_RETRY_MS = 10_000;

/**
 * Sections changed both here and elsewhere since this tab last saved: the server's newer text, and
 * the keys of the sections still waiting for the writer's choice (the rest were merged already).
 */
export interface DraftConflict {
  revision: number;
  savedAt: string | null;
  theirs: Answers;
  /** Sections changed on both sides to different texts, in the order they appear. */
  sections: readonly string[];
}

export type ConflictChoice = 'mine' | 'theirs';

export type PublishOutcome =
  | { kind: 'published'; version: number }
  | { kind: 'notSaved' }
  | { kind: 'problems'; problems: readonly FieldProblem[] }
  | { kind: 'error'; error: ApiError };

type MyAnalysis = NonNullable<EditorData['myAnalysis']>;

/** A random id for this editor (one tab's visit); randomUUID needs a secure context, so a fallback. */
function newEditorId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function answersOf(list: readonly { sectionKey: string; html: string }[] | undefined): Answers {
  return Object.fromEntries((list ?? []).map((a) => [a.sectionKey, a.html]));
}

/**
 * One participant's draft for one round, in one tab: debounced autosave with optimistic
 * concurrency (each save names the revision it was written on), a local copy of anything the server
 * does not have yet, and a way out of edit conflicts that never drops either text.
 * Provided per editor page.
 */
@Injectable()
export class DraftEditor {
  private readonly api = inject(AnalysisApi);
  private readonly window = inject(DOCUMENT).defaultView;

  readonly answers = signal<Answers>({});
  readonly state = signal<AutosaveState>('idle');
  readonly savedAt = signal<string | null>(null);
  readonly conflict = signal<DraftConflict | null>(null);
  /** Why the last save failed, when it was not the connection or a conflict. */
  readonly saveError = signal<ApiError | null>(null);
  /** Local text from an earlier visit was put back and is being saved. */
  readonly restored = signal(false);
  readonly analysisId = signal<string | null>(null);
  readonly publishedVersion = signal(0);
  readonly publishedAt = signal<string | null>(null);
  /** Sections whose newer text from another tab or device was taken in by the last merge. */
  readonly mergedIn = signal<readonly string[]>([]);
  /** Texts not chosen in a conflict, kept in this browser, newest first. */
  readonly setAside = signal<readonly SetAsideText[]>([]);

  /** Names this tab's saves, so the server keeps for good what a save from elsewhere replaces (ADR 0028). */
  private readonly editorId = newEditorId();
  /** Texts of mine not chosen in a conflict, not yet on the server: sent with the next save. */
  private pendingSetAside: Answers = {};
  private roundId = '';
  private baseRevision = 0;
  /** The text the server holds at baseRevision. */
  private saved: Answers = {};
  private local = new LocalDraftStore(null, '');
  private setAsideStore = new SetAsideStore(null, '');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor() {
    const online = () => {
      if (this.state() === 'offline') void this.flush();
    };
    this.window?.addEventListener('online', online);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', online);
      this.clearTimer();
    });
  }

  start(personId: string, roundId: string, analysis: MyAnalysis | null): void {
    this.roundId = roundId;
    this.local = new LocalDraftStore(this.storage(), localDraftKey(personId, roundId));
    this.setAsideStore = new SetAsideStore(this.storage(), setAsideKey(personId, roundId));
    this.setAside.set(this.setAsideStore.read());
    this.analysisId.set(analysis?.id ?? null);
    this.publishedVersion.set(analysis?.publishedVersion ?? 0);
    this.publishedAt.set(analysis?.lastPublishedAt ?? null);
    const server = { revision: analysis?.draft?.revision ?? 0, answers: answersOf(analysis?.draft?.answers) };
    this.baseRevision = server.revision;
    this.saved = server.answers;
    this.savedAt.set(analysis?.draft?.savedAt ?? null);
    const local = this.local.read();
    switch (decideRestore(server, local)) {
      case 'server':
        this.local.clear();
        this.answers.set(server.answers);
        this.state.set(analysis?.draft?.savedAt ? 'saved' : 'idle');
        break;
      case 'restore':
        this.answers.set(local?.answers ?? {});
        this.restored.set(true);
        void this.flush();
        break;
      case 'conflict':
        // Written here on an older revision: merged per section with what was saved since.
        this.restored.set(true);
        this.merge(local?.base ?? {}, local?.answers ?? {}, server.revision, this.savedAt(), server.answers);
        if (!this.conflict()) void this.flush();
        break;
    }
  }

  /** A section's new HTML, as the section editor writes it. */
  edit(sectionKey: string, html: string): void {
    this.answers.update((a) => ({ ...a, [sectionKey]: html }));
    this.keepLocally();
    // While a conflict is open nothing is sent: the writer decides first.
    if (this.conflict()) return;
    if (this.state() !== 'saving') this.state.set('dirty');
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Sends what changed and waits for it; true when the server has everything typed so far. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    for (;;) {
      const step = await this.saveOnce();
      if (step !== 'again') return step === 'done';
    }
  }

  /** One save of what changed: 'done' when nothing is left, 'again' when typing went on meanwhile. */
  private async saveOnce(): Promise<'done' | 'again' | 'failed'> {
    while (this.inFlight) await this.inFlight;
    if (this.conflict()) return 'failed';
    const snapshot = this.answers();
    const changed = changedSections(snapshot, this.saved);
    if (!changed.length && !Object.keys(this.pendingSetAside).length) {
      this.local.clear();
      this.saveError.set(null);
      if (this.state() !== 'idle' || this.savedAt()) this.state.set('saved');
      return 'done';
    }
    this.inFlight = this.save(snapshot, changed);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    const state = this.state();
    return state === 'saved' ? 'done' : state === 'dirty' ? 'again' : 'failed';
  }

  /**
   * The writer's choice for one section changed on both sides. The text not chosen is set aside in
   * this browser (never simply dropped); once every section is decided, the draft is saved.
   */
  choose(sectionKey: string, choice: ConflictChoice): void {
    const c = this.conflict();
    if (!c || !c.sections.includes(sectionKey)) return;
    const mine = this.answers()[sectionKey] ?? '';
    const theirs = c.theirs[sectionKey] ?? '';
    const dropped = choice === 'mine' ? theirs : mine;
    if (!isBlank(dropped)) {
      this.setAside.set(this.setAsideStore.add({ sectionKey, html: dropped, at: new Date().toISOString() }));
      // The other text is on the server already (its revision goes to the history when overwritten);
      // mine may never have been saved, so it goes with the next save into the server's history.
      if (choice === 'theirs') this.pendingSetAside = { ...this.pendingSetAside, [sectionKey]: dropped };
    }
    if (choice === 'theirs') this.answers.update((a) => ({ ...a, [sectionKey]: theirs }));
    const left = c.sections.filter((k) => k !== sectionKey);
    if (left.length) {
      this.conflict.set({ ...c, sections: left });
      this.keepLocally();
      return;
    }
    this.conflict.set(null);
    this.restored.set(false);
    this.state.set('dirty');
    void this.flush();
  }

  /** Forgets the texts set aside in this browser, when the writer has no more use for them. */
  clearSetAside(): void {
    this.setAsideStore.clear();
    this.setAside.set([]);
  }

  async publish(confirmNoPupilIdentifiable: boolean): Promise<PublishOutcome> {
    if (!(await this.flush())) return { kind: 'notSaved' };
    const analysisId = this.analysisId();
    if (!analysisId) return { kind: 'notSaved' };
    try {
      const { publishAnalysis } = await firstValueFrom(
        this.api.publish({ analysisId, expectedRevision: this.baseRevision, confirmNoPupilIdentifiable }),
      );
      this.publishedVersion.set(publishAnalysis.publishedVersion);
      this.publishedAt.set(publishAnalysis.lastPublishedAt);
      return { kind: 'published', version: publishAnalysis.publishedVersion };
    } catch (e) {
      const error = toApiError(e);
      if (this.takeConflict(error)) return { kind: 'notSaved' };
      if (error.code === 'BAD_USER_INPUT' && error.problems.length)
        return { kind: 'problems', problems: error.problems };
      return { kind: 'error', error };
    }
  }

  private async save(snapshot: Answers, changed: string[]): Promise<void> {
    this.state.set('saving');
    const setAside = this.pendingSetAside;
    try {
      const { saveAnalysisDraft: result } = await firstValueFrom(
        this.api.saveDraft({
          roundId: this.roundId,
          expectedRevision: this.baseRevision,
          answers: changed.map((sectionKey) => ({
            sectionKey,
            html: editorHtml(snapshot[sectionKey] ?? ''),
          })),
          editorId: this.editorId,
          setAside: Object.entries(setAside).map(([sectionKey, html]) => ({
            sectionKey,
            html: editorHtml(html),
          })),
        }),
      );
      this.pendingSetAside = Object.fromEntries(
        Object.entries(this.pendingSetAside).filter(([k, html]) => setAside[k] !== html),
      );
      this.analysisId.set(result.id);
      this.baseRevision = result.draft?.revision ?? this.baseRevision + 1;
      this.saved = { ...this.saved, ...Object.fromEntries(changed.map((k) => [k, snapshot[k] ?? ''])) };
      this.savedAt.set(result.draft?.savedAt ?? new Date().toISOString());
      this.saveError.set(null);
      if (sameAnswers(this.answers(), this.saved)) {
        this.local.clear();
        this.state.set('saved');
      } else {
        // Typed on while the save was under way: the local copy now builds on the new revision.
        this.keepLocally();
        this.state.set('dirty');
        this.schedule(AUTOSAVE_DELAY_MS);
      }
    } catch (e) {
      const error = toApiError(e);
      if (this.takeConflict(error)) return;
      this.keepLocally();
      if (error.code === 'NETWORK') {
        this.state.set('offline');
        this.schedule(OFFLINE_RETRY_MS);
      } else {
        this.saveError.set(error);
        this.state.set('error');
      }
    }
  }

  /**
   * The draft moved on elsewhere: merge per section against the text this tab last saw. Sections
   * changed on one side only are taken at once and saved on the newer revision; only sections
   * changed on both sides wait for the writer.
   */
  private takeConflict(error: ApiError): boolean {
    const details = editConflictDetails(error);
    if (!details) return false;
    this.merge(
      this.saved,
      this.answers(),
      details.currentRevision,
      details.savedAt,
      answersOf(details.answers),
    );
    // Save what is mine on top of the newer revision (saveOnce goes on while the state is dirty).
    if (!this.conflict()) this.schedule(0);
    return true;
  }

  private merge(
    base: Answers,
    mine: Answers,
    revision: number,
    savedAt: string | null,
    theirs: Answers,
  ): void {
    const { merged, conflicts, taken } = mergeSections(base, mine, theirs);
    this.baseRevision = revision;
    this.saved = theirs;
    this.savedAt.set(savedAt);
    this.answers.set(merged);
    this.mergedIn.set(taken);
    this.keepLocally();
    if (conflicts.length) {
      this.conflict.set({ revision, savedAt, theirs, sections: conflicts });
      this.state.set('conflict');
    } else {
      this.conflict.set(null);
      this.state.set(sameAnswers(merged, theirs) ? 'saved' : 'dirty');
      if (sameAnswers(merged, theirs)) this.local.clear();
    }
  }

  private keepLocally(): void {
    this.local.write({
      baseRevision: this.baseRevision,
      answers: this.answers(),
      base: this.saved,
      updatedAt: new Date().toISOString(),
    });
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.saveOnce(), ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private storage(): Storage | null {
    try {
      return this.window?.localStorage ?? null;
    } catch {
      return null;
    }
  }
}
