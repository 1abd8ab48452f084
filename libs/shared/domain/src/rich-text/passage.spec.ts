import { describePassage, findQuote, locatePassage, passageMatches, richTextContent } from './passage';

describe('richTextContent', () => {
  it('joins the text of the elements as a browser’s textContent does', () => {
    const html =
      '<h3>Syfte</h3><p>Eleverna gav <strong>kamratrespons</strong> &amp; skrev om.</p><ul><li>ett</li><li>två</li></ul>';
    expect(richTextContent(html)).toBe('SyfteEleverna gav kamratrespons & skrev om.etttvå');
  });

  it('decodes entities and keeps whitespace and non-breaking spaces as they are', () => {
    expect(richTextContent('<p>a&nbsp;b &lt;c&gt; &#229;&#x e5; &quot;x&quot;</p>\n<p>d  e</p>')).toBe(
      'a\u00a0b <c> å&#x e5; "x"\nd  e',
    );
  });

  it('drops attributes with the tags', () => {
    expect(
      richTextContent('<p><a href="https://skolverket.se/?a=1&amp;b=2" rel="noopener">Skolverket</a></p>'),
    ).toBe('Skolverket');
  });
});

describe('passages', () => {
  const text = 'Första meningen. Eleverna gav kamratrespons i par. Sista meningen om kamratrespons.';
  const start = text.indexOf('kamratrespons');
  const end = start + 'kamratrespons'.length;

  it('describes a passage with its context and finds it again', () => {
    const s = describePassage(text, start, end);
    expect(s).toEqual({
      exact: 'kamratrespons',
      prefix: 'Första meningen. Eleverna gav ',
      suffix: ' i par. Sista meningen om kamrat',
      start,
      end,
    });
    expect(passageMatches(text, s)).toBe(true);
    expect(locatePassage(text, s)).toEqual({ start, end });
  });

  it('limits the context to 32 characters on each side', () => {
    const long = 'x'.repeat(100) + 'QUOTE' + 'y'.repeat(100);
    const s = describePassage(long, 100, 105);
    expect(s.prefix).toBe('x'.repeat(32));
    expect(s.suffix).toBe('y'.repeat(32));
  });

  it('refuses offsets outside the text or an empty passage', () => {
    expect(() => describePassage(text, 5, 5)).toThrow(RangeError);
    expect(() => describePassage(text, -1, 3)).toThrow(RangeError);
    expect(() => describePassage(text, 0, text.length + 1)).toThrow(RangeError);
    expect(() => describePassage(text, 0.5, 3)).toThrow(RangeError);
  });

  it('does not match when the quote, the offsets or the context disagree with the text', () => {
    const s = describePassage(text, start, end);
    expect(passageMatches(text, { ...s, exact: 'kamratrespon!' })).toBe(false);
    expect(passageMatches(text, { ...s, start: s.start + 1, end: s.end + 1 })).toBe(false);
    expect(passageMatches(text, { ...s, prefix: 'Andra ' })).toBe(false);
    expect(passageMatches(text, { ...s, suffix: ' i grupp' })).toBe(false);
    expect(passageMatches(text, { ...s, end: s.end - 1 })).toBe(false);
    expect(passageMatches(text, { ...s, start: Number.NaN })).toBe(false);
    expect(passageMatches('Helt annan text i en senare version, utan ordet.', s)).toBe(false);
  });

  it('never moves a passage to another place with the same words', () => {
    const s = describePassage(text, start, end);
    const edited = 'Ny inledning. ' + text;
    expect(locatePassage(edited, s)).toBeNull();
  });

  it('finds a typed quote only when it occurs exactly once', () => {
    expect(findQuote(text, '  gav kamratrespons ')).toEqual({
      start: text.indexOf('gav kamratrespons'),
      end: text.indexOf('gav kamratrespons') + 'gav kamratrespons'.length,
    });
    expect(findQuote(text, 'kamratrespons')).toBe('ambiguous');
    expect(findQuote(text, 'grupparbete')).toBe('missing');
    expect(findQuote(text, '   ')).toBe('missing');
  });
});
