import { MessageStore } from './message-store';
import type { CaughtMessage } from './message-store';

const message = (subject: string): Omit<CaughtMessage, 'id'> => ({
  receivedAt: new Date(),
  envelope: { from: 'a@b.se', to: ['c@d.se'] },
  from: 'a@b.se',
  to: ['c@d.se'],
  cc: [],
  subject,
  html: null,
  text: subject,
  headers: [],
  attachments: [],
  raw: Buffer.from(subject),
});

describe('MessageStore', () => {
  it('lists newest first and finds by id', () => {
    const store = new MessageStore();
    const a = store.add(message('a'));
    store.add(message('b'));
    expect(store.list().map((m) => m.subject)).toEqual(['b', 'a']);
    expect(store.get(a.id)?.subject).toBe('a');
    expect(store.get('nope')).toBeUndefined();
  });

  it('keeps only the last messages up to the limit', () => {
    const store = new MessageStore(3);
    for (const s of ['1', '2', '3', '4', '5']) store.add(message(s));
    expect(store.size).toBe(3);
    expect(store.list().map((m) => m.subject)).toEqual(['5', '4', '3']);
    expect(store.get('1')).toBeUndefined();
  });

  it('empties, and never reuses an id', () => {
    const store = new MessageStore();
    const first = store.add(message('a'));
    store.clear();
    expect(store.list()).toEqual([]);
    expect(store.add(message('b')).id).not.toBe(first.id);
  });

  it('refuses a nonsense limit', () => {
    expect(() => new MessageStore(0)).toThrow(RangeError);
  });
});
