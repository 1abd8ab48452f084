import { DICTIONARIES, dictionaryKeys } from './dictionaries';

describe('dictionaries', () => {
  const sv = dictionaryKeys(DICTIONARIES.sv).sort();
  const en = dictionaryKeys(DICTIONARIES.en).sort();

  it('have the same keys in Swedish and English', () => {
    expect(en.filter((k) => !sv.includes(k))).toEqual([]);
    expect(sv.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('have no empty text', () => {
    for (const [lang, dict] of Object.entries(DICTIONARIES)) {
      const empty = dictionaryKeys(dict).filter((k) => {
        const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], dict);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });
});
