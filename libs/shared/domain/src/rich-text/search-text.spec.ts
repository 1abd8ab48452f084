import { searchableText } from './search-text';

describe('searchableText', () => {
  it('takes the sub-headings as the title and every answer as text, in order', () => {
    const found = searchableText([
      '<h3>Kamratrespons &amp; åk 4</h3><p>Eleverna gav <strong>kamratresponsen</strong> muntligt.</p>',
      '<p>Nästa steg: <a href="https://example.se">skrivmall</a></p><h4>Reflektion</h4>',
    ]);
    expect(found.title).toBe('Kamratrespons & åk 4\nReflektion');
    expect(found.text).toBe(
      'Kamratrespons & åk 4\n\nEleverna gav kamratresponsen muntligt.\n\nNästa steg: skrivmall (https://example.se)\n\nReflektion',
    );
  });

  it('drops control characters, which the excerpts use as marks', () => {
    expect(searchableText(['<p>a\u0002b\u0003c</p>']).text).toBe('abc');
  });

  it('is empty for empty answers', () => {
    expect(searchableText(['<p> </p>', ''])).toEqual({ title: '', text: '' });
  });
});
