import { MAX_FEEDBACK_PART_LENGTH, plainTextProblems, textLength } from './plain-text';

const codes = (value: string, min = 5) => plainTextProblems('f', 'The part', value, min).map((p) => p.code);

describe('plain-text feedback rules', () => {
  it('counts characters as readers do', () => {
    expect(textLength('åäö')).toBe(3);
    expect(textLength('👍🏽')).toBe(2);
  });

  it('names the minimum and the actual length when too short', () => {
    expect(plainTextProblems('worksWell', 'What works well', 'Bra', 50)).toEqual([
      {
        field: 'worksWell',
        code: 'TOO_SHORT',
        message: 'What works well needs at least 50 characters; it has 3.',
      },
    ]);
    expect(plainTextProblems('body', 'The comment', '', 1)[0]?.message).toBe(
      'The comment must not be empty.',
    );
  });

  it('refuses markup of any kind, but not a plain "less than"', () => {
    expect(codes('<script>alert(1)</script> text')).toEqual(['MARKUP_NOT_ALLOWED']);
    expect(codes('look <img src=x onerror=alert(1)>')).toEqual(['MARKUP_NOT_ALLOWED']);
    expect(codes('a </p> b c d')).toEqual(['MARKUP_NOT_ALLOWED']);
    expect(codes('<!-- hidden --> text')).toEqual(['MARKUP_NOT_ALLOWED']);
    expect(codes('x < y and y > z, 3<4')).toEqual([]);
  });

  it('refuses control characters but keeps line breaks and tabs', () => {
    expect(codes('abc\u0000def')).toEqual(['INVALID_CHARACTERS']);
    expect(codes('line one\nline two\ttab\r\n')).toEqual([]);
  });

  it('refuses text over the maximum', () => {
    expect(codes('x'.repeat(MAX_FEEDBACK_PART_LENGTH + 1))).toEqual(['TOO_LONG']);
    expect(codes('x'.repeat(MAX_FEEDBACK_PART_LENGTH))).toEqual([]);
  });
});
