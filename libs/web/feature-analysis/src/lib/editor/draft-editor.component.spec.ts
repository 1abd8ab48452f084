import { TestBed } from '@angular/core/testing';
import { defer, of, throwError } from 'rxjs';
import { AnalysisApi, ApiError } from '@stl/web/data-access';
import { DraftEditor } from './draft-editor';

type SaveAnalysisDraftInput = Parameters<AnalysisApi['saveDraft']>[0];

/**
 * Two tabs on one draft: two DraftEditors (sharing this page's localStorage, as tabs do) against an
 * in-memory stand-in for saveAnalysisDraft with the API's revision check and EDIT_CONFLICT details.
 */
class FakeDraftServer {
  revision = 0;
  answers: Record<string, string> = {};
  saves = 0;
  /** What each accepted save carried for the draft history (ADR 0028). */
  readonly history: { editorId: string | null | undefined; setAside: Record<string, string> }[] = [];
  readonly savedAt = '2026-12-06T08:00:00.000Z';

  saveDraft(input: SaveAnalysisDraftInput) {
    return defer(() => {
      const list = () => Object.entries(this.answers).map(([sectionKey, html]) => ({ sectionKey, html }));
      if (input.expectedRevision !== this.revision) {
        const details = { currentRevision: this.revision, savedAt: this.savedAt, answers: list() };
        return throwError(() => new ApiError('EDIT_CONFLICT', 'moved on', [], details));
      }
      for (const a of input.answers) this.answers[a.sectionKey] = a.html;
      this.history.push({
        editorId: input.editorId,
        setAside: Object.fromEntries((input.setAside ?? []).map((a) => [a.sectionKey, a.html])),
      });
      this.revision += 1;
      this.saves += 1;
      const draft = { revision: this.revision, savedAt: this.savedAt, answers: list() };
      return of({ saveAnalysisDraft: { id: 'analysis-1', status: 'DRAFT', draft } });
    });
  }
}

function tab(): DraftEditor {
  const editor = TestBed.runInInjectionContext(() => new DraftEditor());
  editor.start('person-1', 'round-2', null);
  return editor;
}

describe('DraftEditor in two tabs', () => {
  let server: FakeDraftServer;

  beforeEach(() => {
    localStorage.clear();
    server = new FakeDraftServer();
    TestBed.configureTestingModule({ providers: [{ provide: AnalysisApi, useValue: server }] });
  });

  afterEach(() => TestBed.resetTestingModule());

  it('keeps edits to different sections from both tabs without asking', async () => {
    const first = tab();
    const second = tab();
    first.edit('goals', '<p>Mål från första fliken</p>');
    expect(await first.flush()).toBe(true);

    second.edit('outcome', '<p>Utfall från andra fliken</p>');
    expect(await second.flush()).toBe(true);
    expect(second.conflict()).toBeNull();
    expect(second.mergedIn()).toEqual(['goals']);
    expect(second.answers()['goals']).toBe('<p>Mål från första fliken</p>');
    expect(server.answers).toEqual({
      goals: '<p>Mål från första fliken</p>',
      outcome: '<p>Utfall från andra fliken</p>',
    });

    // The first tab saves again on its older revision: the second tab's section comes in.
    first.edit('plan', '<p>Plan från första fliken</p>');
    expect(await first.flush()).toBe(true);
    expect(first.conflict()).toBeNull();
    expect(first.answers()['outcome']).toBe('<p>Utfall från andra fliken</p>');
    expect(server.revision).toBe(3);
    expect(Object.keys(server.answers).sort()).toEqual(['goals', 'outcome', 'plan']);
  });

  it('asks only about a section changed in both tabs, and sets the text not chosen aside', async () => {
    const first = tab();
    const second = tab();
    first.edit('goals', '<p>Mål</p>');
    expect(await first.flush()).toBe(true);
    expect(await second.flush()).toBe(true);

    first.edit('plan', '<p>Plan A</p>');
    expect(await first.flush()).toBe(true);
    second.edit('plan', '<p>Plan B</p>');
    second.edit('effect', '<p>Effekt B</p>');
    expect(await second.flush()).toBe(false);
    expect(second.state()).toBe('conflict');
    expect(second.conflict()?.sections).toEqual(['plan']);
    expect(server.answers['plan']).toBe('<p>Plan A</p>');
    expect(server.answers['effect']).toBeUndefined();

    // Use the other text: mine is set aside; my other section is saved now that all is decided.
    second.choose('plan', 'theirs');
    expect(await second.flush()).toBe(true);
    expect(second.conflict()).toBeNull();
    expect(second.answers()['plan']).toBe('<p>Plan A</p>');
    expect(second.setAside().map((t) => [t.sectionKey, t.html])).toEqual([['plan', '<p>Plan B</p>']]);
    expect(server.answers).toEqual({ goals: '<p>Mål</p>', plan: '<p>Plan A</p>', effect: '<p>Effekt B</p>' });

    // Keep my text, the other way round: the other tab's text is set aside.
    second.edit('plan', '<p>Plan B igen</p>');
    expect(await second.flush()).toBe(true);
    first.edit('plan', '<p>Plan A igen</p>');
    expect(await first.flush()).toBe(false);
    first.choose('plan', 'mine');
    expect(await first.flush()).toBe(true);
    expect(server.answers['plan']).toBe('<p>Plan A igen</p>');
    expect(first.setAside()[0]).toMatchObject({ sectionKey: 'plan', html: '<p>Plan B igen</p>' });
    // Both tabs are one browser: the list is shared, newest first.
    expect(first.setAside()).toHaveLength(2);
  });

  it('merges a local copy left on an older revision with what was saved since', async () => {
    server.revision = 2;
    server.answers = { goals: '<p>Mål ändrat på en annan enhet</p>', outcome: '<p>Utfall</p>' };
    localStorage.setItem(
      'stl.draft.person-1.round-2',
      JSON.stringify({
        baseRevision: 1,
        answers: { goals: '<p>Mål</p>', plan: '<p>Plan skriven offline</p>' },
        base: { goals: '<p>Mål</p>' },
        updatedAt: '',
      }),
    );
    const editor = TestBed.runInInjectionContext(() => new DraftEditor());
    editor.start('person-1', 'round-2', {
      id: 'analysis-1',
      publishedVersion: 0,
      lastPublishedAt: null,
      draft: {
        revision: 2,
        savedAt: server.savedAt,
        answers: [
          { sectionKey: 'goals', html: '<p>Mål ändrat på en annan enhet</p>' },
          { sectionKey: 'outcome', html: '<p>Utfall</p>' },
        ],
      },
    } as never);
    expect(editor.conflict()).toBeNull();
    expect(editor.answers()).toEqual({
      goals: '<p>Mål ändrat på en annan enhet</p>',
      plan: '<p>Plan skriven offline</p>',
      outcome: '<p>Utfall</p>',
    });
    expect(await editor.flush()).toBe(true);
    expect(server.answers['plan']).toBe('<p>Plan skriven offline</p>');
    expect(server.revision).toBe(3);
  });

  it('names each tab in its saves and sends the text not chosen to the server history once', async () => {
    const first = tab();
    const second = tab();
    first.edit('plan', '<p>Plan A</p>');
    expect(await first.flush()).toBe(true);
    second.edit('plan', '<p>Plan B</p>');
    expect(await second.flush()).toBe(false);

    // Only that section asked, and the other text is taken: nothing else changed, yet the save goes
    // out, carrying my text as set aside (it was never on the server).
    second.choose('plan', 'theirs');
    expect(await second.flush()).toBe(true);
    const [a, b] = server.history;
    expect(a.editorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.editorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.editorId).not.toBe(a.editorId);
    expect(b.setAside).toEqual({ plan: '<p>Plan B</p>' });

    // Sent once: the next save of the same tab carries no set-aside text, and the same editor id.
    second.edit('goals', '<p>Mål</p>');
    expect(await second.flush()).toBe(true);
    expect(server.history[2]).toEqual({ editorId: b.editorId, setAside: {} });

    // Keeping my text: the other text is on the server already, so nothing is sent as set aside.
    first.edit('goals', '<p>Mål A</p>');
    expect(await first.flush()).toBe(false);
    first.choose('goals', 'mine');
    expect(await first.flush()).toBe(true);
    expect(server.history.at(-1)?.setAside).toEqual({});
  });
});
