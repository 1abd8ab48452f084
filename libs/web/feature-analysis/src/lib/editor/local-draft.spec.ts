import { LocalDraftStore, decideRestore, localDraftKey } from './local-draft';

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

describe('unsaved text kept in the browser', () => {
  it('is stored per person and round, and survives a reload', () => {
    const storage = new MemoryStorage();
    const key = localDraftKey('person-1', 'round-3');
    new LocalDraftStore(storage, key).write({
      baseRevision: 2,
      answers: { goals: '<p>Mål</p>' },
      updatedAt: 'x',
    });
    expect(new LocalDraftStore(storage, key).read()).toEqual({
      baseRevision: 2,
      answers: { goals: '<p>Mål</p>' },
      updatedAt: 'x',
    });
    expect(new LocalDraftStore(storage, localDraftKey('person-2', 'round-3')).read()).toBeNull();
    new LocalDraftStore(storage, key).clear();
    expect(storage.items.size).toBe(0);
  });

  it('reads plain text kept by the earlier editor as paragraphs', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'k',
      JSON.stringify({ baseRevision: 1, answers: { goals: 'Rad 1\n\nRad 2', x: 3 }, updatedAt: '' }),
    );
    expect(new LocalDraftStore(storage, 'k').read()?.answers).toEqual({ goals: '<p>Rad 1</p><p>Rad 2</p>' });
  });

  it('keeps the base the text was written on, for a merge per section', () => {
    const storage = new MemoryStorage();
    const draft = {
      baseRevision: 2,
      answers: { goals: '<p>Mitt</p>' },
      base: { goals: '<p>Bas</p>' },
      updatedAt: 'x',
    };
    new LocalDraftStore(storage, 'k').write(draft);
    expect(new LocalDraftStore(storage, 'k').read()).toEqual(draft);
  });

  it('ignores damaged entries and missing storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new LocalDraftStore(storage, 'k').read()).toBeNull();
    expect(new LocalDraftStore(null, 'k').read()).toBeNull();
  });

  it('restores local text written on the latest revision, and compares it otherwise', () => {
    const server = { revision: 3, answers: { goals: 'Server' } };
    expect(decideRestore(server, null)).toBe('server');
    expect(decideRestore(server, { baseRevision: 1, answers: { goals: 'Server' }, updatedAt: '' })).toBe(
      'server',
    );
    expect(decideRestore(server, { baseRevision: 3, answers: { goals: 'Mine' }, updatedAt: '' })).toBe(
      'restore',
    );
    expect(decideRestore(server, { baseRevision: 2, answers: { goals: 'Mine' }, updatedAt: '' })).toBe(
      'conflict',
    );
  });
});
