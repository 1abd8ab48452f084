/**
 * @jest-environment jsdom
 */
import { richTextContent } from '@stl/shared/domain';
import { PASSAGE_MARK_CLASS, clearPassageMarks, highlightPassage, rangeOffsets } from './passage-dom';

const HTML =
  '<h3>Syfte</h3><p>Eleverna gav <strong>kamratrespons</strong> &amp; skrev om.</p><ul><li>Först i par</li><li>Sedan&nbsp;i grupp</li></ul>';

function section(): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = HTML;
  document.body.replaceChildren(div);
  return div;
}

describe('passages in the rendered text', () => {
  it('measures the same text in the browser as the server does on the stored HTML', () => {
    expect(section().textContent).toBe(richTextContent(HTML));
  });

  it('gives the offsets of a selection that starts and ends inside other elements', () => {
    const div = section();
    const strong = div.querySelector('strong')?.firstChild as Text;
    const li = div.querySelectorAll('li')[0].firstChild as Text;
    const range = document.createRange();
    range.setStart(strong, 6);
    range.setEnd(li, 5);
    const text = div.textContent ?? '';
    const offsets = rangeOffsets(div, range);
    expect(offsets).not.toBeNull();
    expect(text.slice(offsets?.start, offsets?.end)).toBe('respons & skrev om.Först');
  });

  it('gives no offsets for an empty selection or one outside the section', () => {
    const div = section();
    const range = document.createRange();
    range.setStart(div, 0);
    range.collapse(true);
    expect(rangeOffsets(div, range)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'annat';
    document.body.append(outside);
    const far = document.createRange();
    far.selectNodeContents(outside);
    expect(rangeOffsets(div, far)).toBeNull();
  });

  it('marks a passage across elements, one mark per text node, and removes the marks again', () => {
    const div = section();
    const text = div.textContent ?? '';
    const start = text.indexOf('gav kamrat');
    const end = text.indexOf('skrev') + 'skrev'.length;
    const marks = highlightPassage(div, start, end, { 'data-comment': 'c1' });
    expect(marks.map((m) => m.textContent)).toEqual(['gav ', 'kamratrespons', ' & skrev']);
    expect(
      marks.every((m) => m.classList.contains(PASSAGE_MARK_CLASS) && m.dataset['comment'] === 'c1'),
    ).toBe(true);
    expect(div.querySelector('strong mark')?.textContent).toBe('kamratrespons');
    // The text and so every other passage's offsets are unchanged.
    expect(div.textContent).toBe(text);
    const inList = text.indexOf('Sedan');
    expect(highlightPassage(div, inList, inList + 8, {}).map((m) => m.textContent)).toEqual([
      'Sedan\u00a0i ',
    ]);
    clearPassageMarks(div);
    expect(div.innerHTML).toBe(section().innerHTML);
  });
});
