import { countWords, excerpt, richTextToPlainText } from './plain-text';

describe('richTextToPlainText', () => {
  it('puts headings and paragraphs on lines of their own', () => {
    expect(
      richTextToPlainText('<h3>Plan</h3><p>Eleverna <strong>skrev</strong> i par.</p><p>Sedan</p>'),
    ).toBe('Plan\n\nEleverna skrev i par.\n\nSedan');
  });

  it('writes bulleted items as "• " and numbered ones with their number', () => {
    expect(
      richTextToPlainText(
        '<p>Före</p><ul><li><p>ett</p></li><li><p>två</p></li></ul><ol><li>a</li><li>b</li></ol><p>Efter</p>',
      ),
    ).toBe('Före\n\n• ett\n• två\n\n1. a\n2. b\n\nEfter');
  });

  it('indents nested lists', () => {
    expect(richTextToPlainText('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>')).toBe('• a\n  • a1\n• b');
  });

  it('keeps line breaks and decodes entities', () => {
    expect(richTextToPlainText('<p>Rad 1<br>Rad 2 &amp; &lt;3&nbsp;ok</p>')).toBe('Rad 1\nRad 2 & <3 ok');
  });

  it('shows a link address beside its text unless they are the same', () => {
    expect(richTextToPlainText('<p><a href="https://skolverket.se" rel="x">Skolverket</a></p>')).toBe(
      'Skolverket (https://skolverket.se)',
    );
    expect(richTextToPlainText('<p><a href="mailto:a@b.se">a@b.se</a></p>')).toBe('a@b.se');
  });

  it('is empty for empty paragraphs', () => {
    expect(richTextToPlainText('<p></p><p> </p>')).toBe('');
  });
});

describe('countWords', () => {
  it('counts words, not dashes or bullets', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('Eleverna skrev – och läste.\n• åk 4-6 lärde sig')).toBe(8);
  });
});

describe('excerpt', () => {
  it('cuts at a whole word with an ellipsis', () => {
    expect(excerpt('kort text', 20)).toBe('kort text');
    expect(excerpt('Eleverna skrev berättelser i par', 20)).toBe('Eleverna skrev…');
  });
});
