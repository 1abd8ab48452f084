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

describe('sanitizeRichText with the shared allowlist', () => {
  it('stores older spellings as the editor writes them', () => {
    expect(sanitizeRichText('<p><b>fet</b> <i>kursiv</i> <strike>bort</strike></p>')).toBe(
      '<p><strong>fet</strong> <em>kursiv</em> <s>bort</s></p>',
    );
  });

  it('keeps what the editor writes unchanged', () => {
    const html =
      '<h3>Plan</h3><p>Text <strong>fet</strong> <em>kursiv</em> <u>under</u></p>' +
      '<ul><li><p>ett</p></li></ul><ol><li><p>två</p></li></ol><blockquote><p>citat</p></blockquote>' +
      '<p><a href="https://skolverket.se" rel="noopener noreferrer nofollow" target="_blank">länk</a><br />rad</p>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('strips what Word puts around the text', () => {
    const word =
      "<p class=MsoNormal style='margin:0cm'><b><span style='font-size:12pt;mso-bidi-font-family:Calibri'>Mål</span></b>" +
      '<o:p></o:p></p><h1 style="mso-list:l0">Rubrik</h1><table><tr><td>cell</td></tr></table>';
    expect(sanitizeRichText(word)).toBe('<p><strong>Mål</strong></p>Rubrikcell');
  });
});

describe('plainText', () => {
  it('sees through tags and whitespace', () => {
    expect(plainText('<p> </p><p><br></p>')).toBe('');
    expect(plainText('<p>Hej&nbsp;du</p>\n<p>där</p>')).toBe('Hej du där');
  });
});
