import { EXCERPT_LENGTH, readableText, summarise } from './draft-history';

describe('draft history summaries', () => {
  it('keeps words of separate blocks apart and decodes what the sanitiser escapes', () => {
    expect(readableText('<p>Ett &amp; två</p><p>tre</p><ul><li>fyra</li><li>fem</li></ul>')).toBe(
      'Ett & två tre fyra fem',
    );
    expect(readableText('<p>a &lt; b &gt; c "d"</p>')).toBe('a < b > c "d"');
  });

  it('counts words per section and cuts long excerpts with an ellipsis', () => {
    const long = `<p>${'ord '.repeat(100)}</p>`;
    const [empty, short, cut] = summarise({
      goals: '',
      plan: '<p>En <strong>kort</strong> plan</p>',
      next: long,
    });
    expect(empty).toEqual({ sectionKey: 'goals', words: 0, excerpt: '' });
    expect(short).toEqual({ sectionKey: 'plan', words: 3, excerpt: 'En kort plan' });
    expect(cut.words).toBe(100);
    expect(cut.excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(cut.excerpt.endsWith('…')).toBe(true);
  });
});
