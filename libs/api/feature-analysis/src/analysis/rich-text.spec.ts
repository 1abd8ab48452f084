import { plainText, sanitizeRichText } from './rich-text';

describe('sanitizeRichText', () => {
  it('keeps simple formatting', () => {
    expect(sanitizeRichText('<p>Eleverna <strong>skrev</strong> <em>mer</em></p><ul><li>a</li></ul>')).toBe(
      '<p>Eleverna <strong>skrev</strong> <em>mer</em></p><ul><li>a</li></ul>',
    );
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)">x</p>', '<p>x</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<iframe src="https://evil"></iframe>', ''],
    ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
  ])('removes what could run: %s', (input, expected) => {
    const out = sanitizeRichText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/script|onerror|onclick|javascript:/i);
  });

  it('makes links safe to open', () => {
    expect(sanitizeRichText('<a href="https://skolverket.se">läs</a>')).toBe(
      '<a href="https://skolverket.se" rel="noopener noreferrer nofollow" target="_blank">läs</a>',
    );
  });
});

describe('plainText', () => {
  it('sees through tags and whitespace', () => {
    expect(plainText('<p> </p><p><br></p>')).toBe('');
    expect(plainText('<p>Hej&nbsp;du</p>\n<p>där</p>')).toBe('Hej du där');
  });
});
