import {
  changedSections,
  editorHtml,
  normaliseText,
  sameAnswers,
  textToHtml,
  upgradePlainText,
} from './rich-text';

describe('analysis text stored as HTML', () => {
  it('turns plain text kept by the earlier editor into paragraphs', () => {
    expect(textToHtml('Mål 1\nMål 2\n\nNästa stycke')).toBe('<p>Mål 1<br />Mål 2</p><p>Nästa stycke</p>');
    expect(textToHtml('a < b & <script>')).toBe('<p>a &lt; b &amp; &lt;script&gt;</p>');
    expect(upgradePlainText('Skrivet förr')).toBe('<p>Skrivet förr</p>');
    expect(upgradePlainText('<p>Redan HTML</p>')).toBe('<p>Redan HTML</p>');
  });

  it('treats an empty editor as no text', () => {
    expect(editorHtml('<p></p>')).toBe('');
    expect(editorHtml('<h3></h3><p> </p>')).toBe('');
    expect(editorHtml('<p>x</p>')).toBe('<p>x</p>');
    expect(editorHtml('<h3>x</h3><p></p>')).toBe('<h3>x</h3>');
  });

  it('sees the server and the editor spell the same text differently', () => {
    const editor =
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://a.se">a</a><br></p>';
    const server =
      '<p><a href="https://a.se" rel="noopener noreferrer nofollow" target="_blank">a</a><br /></p>';
    expect(sameAnswers({ goals: editor }, { goals: server })).toBe(true);
    expect(sameAnswers({ goals: '<p></p>' }, {})).toBe(true);
  });

  it('finds the sections that differ', () => {
    expect(normaliseText('a  \r\nb\n\n\n\nc\n')).toBe('a\nb\n\nc');
    expect(
      changedSections(
        { goals: '<p>a</p>', plan: '<p>b</p>' },
        { goals: '<p>a</p>', plan: '<p><strong>b</strong></p>', next: '<p>d</p>' },
      ),
    ).toEqual(['plan', 'next']);
  });
});
