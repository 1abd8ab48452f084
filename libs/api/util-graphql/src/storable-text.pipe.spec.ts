import { BadInputError } from '@stl/api/util-errors';
import { StorableTextPipe, isStorableText } from './storable-text.pipe';

describe('StorableTextPipe', () => {
  const pipe = new StorableTextPipe();
  const args = { type: 3 as never, data: 'input' };

  it('lets ordinary and unusual but valid text through', () => {
    for (const s of ['', 'Åsa', '👩🏽‍🏫', 'e\u0301', 'abc\u202Edcba', '\u200B', "x'); DROP TABLE x; --"])
      expect(isStorableText(s)).toBe(true);
    const value = { name: 'Nyskolan', sections: [{ title: '😀' }] };
    expect(pipe.transform(value, args)).toBe(value);
  });

  it('refuses NUL and lone surrogates anywhere in an argument, naming each field', () => {
    const value = Object.assign(Object.create(null), {
      name: 'a\u0000b',
      sections: [{ title: 'x\uD800' }, { key: '\uDC00' }],
    });
    try {
      pipe.transform(value, args);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).problems.map((p) => [p.field, p.code])).toEqual([
        ['name', 'INVALID_CHARACTERS'],
        ['sections.0.title', 'INVALID_CHARACTERS'],
        ['sections.1.key', 'INVALID_CHARACTERS'],
      ]);
    }
  });

  it('checks a scalar argument and leaves other parameters alone', () => {
    expect(() => pipe.transform('a\u0000', { type: 3 as never, data: 'body' })).toThrow(/body contains/);
    expect(() => pipe.transform(['ok', '\uD800'], { type: 3 as never, data: 'ids' })).toThrow(
      /ids\.1 contains/,
    );
    const context = { req: { note: 'a\u0000' } };
    expect(pipe.transform(context, { type: 1 as never })).toBe(context);
    expect(pipe.transform('a\u0000', { type: 'custom' })).toBe('a\u0000');
  });
});
