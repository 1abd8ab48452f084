import { FeedbackDraftStore, emptyTexts, feedbackDraftKey } from './feedback-draft';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('feedback being written, kept in the browser', () => {
  it('survives a reload, per person and assignment', () => {
    const storage = new MemoryStorage();
    const key = feedbackDraftKey('person-1', 'assignment-1');
    const texts = { ...emptyTexts(), worksWell: 'Tydliga mål.' };
    new FeedbackDraftStore(storage, key).write({ texts, sectionKey: 'goals', updatedAt: 'x' });
    expect(new FeedbackDraftStore(storage, key).read()).toEqual({
      texts,
      sectionKey: 'goals',
      updatedAt: 'x',
    });
    expect(new FeedbackDraftStore(storage, feedbackDraftKey('person-2', 'assignment-1')).read()).toBeNull();
  });

  it('stores nothing for an empty form, and forgets the text once it is sent', () => {
    const storage = new MemoryStorage();
    const store = new FeedbackDraftStore(storage, 'k');
    store.write({ texts: emptyTexts(), sectionKey: null, updatedAt: 'x' });
    expect(storage.items.size).toBe(0);
    store.write({ texts: { ...emptyTexts(), nextSteps: 'Pröva' }, sectionKey: null, updatedAt: 'x' });
    expect(storage.items.size).toBe(1);
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('ignores broken or foreign content', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new FeedbackDraftStore(storage, 'k').read()).toBeNull();
    storage.setItem('k', JSON.stringify({ texts: { worksWell: 5, questions: 'Fråga' } }));
    expect(new FeedbackDraftStore(storage, 'k').read()?.texts).toEqual({
      worksWell: '',
      questions: 'Fråga',
      nextSteps: '',
    });
    expect(new FeedbackDraftStore(null, 'k').read()).toBeNull();
  });
});
