import { MAX_SET_ASIDE, SetAsideStore, setAsideKey } from './set-aside';

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

describe('texts set aside in an edit conflict', () => {
  it('are kept per person and round, newest first, across a reload', () => {
    const storage = new MemoryStorage();
    const key = setAsideKey('person-1', 'round-2');
    new SetAsideStore(storage, key).add({ sectionKey: 'plan', html: '<p>Först</p>', at: '1' });
    new SetAsideStore(storage, key).add({ sectionKey: 'goals', html: '<p>Sedan</p>', at: '2' });
    expect(new SetAsideStore(storage, key).read().map((t) => t.at)).toEqual(['2', '1']);
    expect(new SetAsideStore(storage, setAsideKey('person-2', 'round-2')).read()).toEqual([]);
  });

  it(`keep only the newest ${MAX_SET_ASIDE}`, () => {
    const store = new SetAsideStore(new MemoryStorage(), 'k');
    for (let i = 0; i < MAX_SET_ASIDE + 5; i++)
      store.add({ sectionKey: 'plan', html: `<p>${i}</p>`, at: `${i}` });
    const list = store.read();
    expect(list).toHaveLength(MAX_SET_ASIDE);
    expect(list[0].at).toBe(`${MAX_SET_ASIDE + 4}`);
  });

  it('ignore what is not a list of texts, and can be emptied', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{"not":"a list"}');
    expect(new SetAsideStore(storage, 'k').read()).toEqual([]);
    storage.setItem('k', '[{"sectionKey":"plan"},{"sectionKey":"plan","html":"<p>x</p>","at":"1"}]');
    expect(new SetAsideStore(storage, 'k').read()).toHaveLength(1);
    new SetAsideStore(storage, 'k').clear();
    expect(storage.items.has('k')).toBe(false);
  });
});
