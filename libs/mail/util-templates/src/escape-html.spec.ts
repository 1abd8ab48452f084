import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('neutralises a script tag', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes an ampersand only once per pass, so entities in data stay visible as text', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves Swedish letters and ordinary text alone', () => {
    expect(escapeHtml('Åsa Öberg, Lärkby – träff 3')).toBe('Åsa Öberg, Lärkby – träff 3');
  });

  it('accepts numbers', () => {
    expect(escapeHtml(42)).toBe('42');
  });
});
