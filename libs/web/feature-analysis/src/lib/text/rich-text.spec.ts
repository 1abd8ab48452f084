import { changedSections, htmlToText, normaliseText, sameAnswers, textToHtml } from './rich-text';

describe('analysis text in a textarea, stored as HTML', () => {
  it('makes paragraphs from blank lines and line breaks from single newlines', () => {
    expect(textToHtml('Mål 1\nMål 2\n\nNästa stycke')).toBe('<p>Mål 1<br />Mål 2</p><p>Nästa stycke</p>');
  });

  it('escapes what would otherwise be markup', () => {
    expect(textToHtml('a < b & <script>')).toBe('<p>a &lt; b &amp; &lt;script&gt;</p>');
  });

  it('reads stored HTML back as the same text', () => {
    const text = 'Eleverna skrev "berättelser" i par.\nDe gav respons.\n\nÅk 2 & åk 3 <3';
    expect(htmlToText(textToHtml(text))).toBe(text);
    // As the API's sanitiser stores it.
    expect(htmlToText('<p>Two &quot;stars&quot; &amp; a wish</p><p>Next&nbsp;step</p>')).toBe(
      'Two "stars" & a wish\n\nNext step',
    );
  });

  it('reads lists and headings written elsewhere', () => {
    expect(htmlToText('<h3>Plan</h3><ul><li>one</li><li>two</li></ul><p>end</p>')).toBe(
      'Plan\n\n• one\n• two\n\nend',
    );
  });

  it('treats text that differs only in line endings or trailing space as the same', () => {
    expect(normaliseText('a  \r\nb\n\n\n\nc\n')).toBe('a\nb\n\nc');
    expect(sameAnswers({ goals: 'a\r\nb ' }, { goals: 'a\nb' })).toBe(true);
    expect(changedSections({ goals: 'a', plan: 'b' }, { goals: 'a', plan: 'c', next: 'd' })).toEqual([
      'plan',
      'next',
    ]);
  });
});
