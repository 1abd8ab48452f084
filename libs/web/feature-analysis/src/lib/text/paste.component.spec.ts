import { Editor } from '@tiptap/core';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_TAGS } from '@stl/shared/domain';
import { GOOGLE_DOCS_HTML, WORD_HTML } from './fixtures/pasted';
import { cleanPastedHtml } from './paste';
import { richTextExtensions } from './rich-text-schema';

/** The tags and attributes in a piece of HTML, to hold against the allowlist. */
function markupOf(html: string): { tags: Set<string>; attributes: Set<string> } {
  const root = document.createElement('div');
  root.innerHTML = html;
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    tags.add(tag);
    for (const a of Array.from(el.attributes)) attributes.add(`${tag}[${a.name}]`);
  }
  return { tags, attributes };
}

function expectWithinAllowlist(html: string): void {
  const { tags, attributes } = markupOf(html);
  for (const tag of tags) expect(RICH_TEXT_TAGS).toContain(tag);
  for (const attr of attributes) {
    const [, tag, name] = /^(\w+)\[(.+)\]$/.exec(attr) ?? [];
    expect(RICH_TEXT_ATTRIBUTES[tag as 'a'] ?? []).toContain(name);
  }
}

/** What the editor holds after pasting: the cleaned HTML read through the editor's schema. */
function pasteIntoEditor(html: string): string {
  const editor = new Editor({
    extensions: richTextExtensions(),
    content: cleanPastedHtml(html),
    injectCSS: false,
  });
  const out = editor.getHTML();
  editor.destroy();
  return out;
}

describe('pasting from Word', () => {
  const cleaned = cleanPastedHtml(WORD_HTML);

  it('keeps headings, bold, italics, lists and safe links', () => {
    expect(cleaned).toContain('<h3>Lektionens mål</h3>');
    expect(cleaned).toContain('<strong>berättande texter</strong>');
    expect(cleaned).toContain('<em>respons</em>');
    expect(cleaned.replace(/\s+/g, ' ')).toMatch(
      /<ul><li>Skriva på dator<\/li> ?<li>Respons i par<\/li><\/ul>/,
    );
    expect(cleaned).toContain('<a href="https://www.skolverket.se/">Skolverket</a>');
  });

  it('drops Office markup, styles, classes, bullets typed by Word, images and unsafe links', () => {
    expect(cleaned).not.toMatch(/o:p|mso|class=|style=|<span|<img|<table|<td|javascript|<!--|·|Calibri/i);
    expect(cleaned).toContain('och här.');
    expectWithinAllowlist(cleaned);
  });

  it('is what the editor holds, within the allowlist', () => {
    const html = pasteIntoEditor(WORD_HTML);
    expect(html).toContain('<h3>Lektionens mål</h3>');
    expect(html).toContain('<ul><li><p>Skriva på dator</p></li><li><p>Respons i par</p></li></ul>');
    expect(html).toContain('<p>Cell</p>');
    expectWithinAllowlist(html);
  });
});

describe('pasting from Google Docs', () => {
  const cleaned = cleanPastedHtml(GOOGLE_DOCS_HTML);

  it('unwraps the docs-internal-guid wrapper instead of making everything bold', () => {
    expect(cleaned).not.toMatch(/docs-internal-guid|<b\b|font-weight/);
    expect(cleaned).toMatch(
      /^<h3>Vad hände\?<\/h3><p>Eleverna <strong>skrev mer<\/strong><em> än vanligt<\/em><\/p>/,
    );
  });

  it('keeps numbered lists and links without their styling', () => {
    expect(cleaned).toContain('<ol><li><p>Planera</p></li><li><p>Genomföra</p></li></ol>');
    expect(cleaned).toContain('<a href="https://docs.google.com/document/d/abc">Planeringen</a>');
    expectWithinAllowlist(cleaned);
  });

  it('is what the editor holds', () => {
    const html = pasteIntoEditor(GOOGLE_DOCS_HTML);
    expect(html).toContain('<h3>Vad hände?</h3>');
    expect(html).toContain('<strong>skrev mer</strong>');
    expect(html).toContain('<ol><li><p>Planera</p></li><li><p>Genomföra</p></li></ol>');
    expectWithinAllowlist(html);
  });
});

describe('the editor schema', () => {
  it('writes nothing outside the allowlist, whatever it is given', () => {
    const editor = new Editor({
      extensions: richTextExtensions(),
      injectCSS: false,
      content:
        '<h1>H1</h1><h3>H3</h3><h4>H4</h4><p><strong>b</strong><em>i</em><u>u</u><s>s</s><code>c</code>' +
        '<a href="https://a.se">ok</a><a href="javascript:alert(1)">bad</a><br></p><pre><code>x</code></pre><hr>' +
        '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>q</p></blockquote><img src="x"><table><tr><td>t</td></tr></table>',
    });
    const html = editor.getHTML();
    editor.destroy();
    expectWithinAllowlist(html);
    expect(html).not.toContain('javascript');
    expect(html).toContain(
      '<a target="_blank" rel="noopener noreferrer nofollow" href="https://a.se">ok</a>',
    );
  });
});
