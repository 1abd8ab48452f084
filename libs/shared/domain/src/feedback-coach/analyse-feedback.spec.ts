import { analyseFeedback, guessCoachLanguage } from './analyse-feedback';

const ANALYSIS =
  'Syfte: Eleverna i åk 4 skulle ge varandra kamratrespons på berättande texter i ett delat dokument. ' +
  'Jag modellerade hur man ger respons med "två stjärnor och en önskan". Resultat: De flesta eleverna ' +
  'kommenterade stavning och längd, inte handlingen. Vi skrev i Google Docs.';

describe('analyseFeedback', () => {
  it('finds only praise in "Bra jobbat!", with the words that show it', () => {
    const r = analyseFeedback('Bra jobbat!', ANALYSIS);
    expect(r.onlyPraise).toEqual({ found: true, evidence: expect.arrayContaining(['bra jobbat']) });
    expect([r.anchored, r.question, r.nextStep, r.aboutLearning].map((f) => f.found)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds every quality in feedback that refers, asks and proposes', () => {
    const r = analyseFeedback(
      'Du skriver att eleverna mest kommenterade stavning. Hur tror du att de hade svarat om du modellerat respons på handlingen? Nästa gång kan du prova att ge dem stödfrågor.',
      ANALYSIS,
    );
    expect(r.anchored.found).toBe(true);
    expect(r.anchored.evidence).toEqual(expect.arrayContaining(['du skriver', 'stavning']));
    expect(r.question.evidence).toEqual([
      'Hur tror du att de hade svarat om du modellerat respons på handlingen?',
    ]);
    expect(r.nextStep.evidence).toEqual(['Nästa gång kan du prova att ge dem stödfrågor.']);
    expect(r.aboutLearning.evidence).toContain('eleverna');
    expect(r.onlyPraise.found).toBe(false);
  });

  it('anchors on a quote from the analysis, and on a name it uses', () => {
    expect(
      analyseFeedback('Varför valde du "två stjärnor och en önskan"?', ANALYSIS).anchored.evidence,
    ).toContain('”två stjärnor och en önskan”');
    expect(analyseFeedback('Smart med Google Docs.', ANALYSIS).anchored.found).toBe(true);
    expect(
      analyseFeedback('Smart med Google Docs.', 'En helt annan analys om matematik.').anchored.found,
    ).toBe(false);
  });

  it('matches Swedish inflections through the stemmer ("kamratresponsen" in feedback, "kamratrespons" in the analysis)', () => {
    expect(analyseFeedback('Kamratresponsen verkar ha fungerat.', ANALYSIS).anchored.evidence).toContain(
      'kamratresponsen',
    );
  });

  it('does not count tag questions, short questions or quoted example questions as questions', () => {
    expect(analyseFeedback('Snyggt! Stavning är ju viktigt, eller hur?', ANALYSIS).question.found).toBe(
      false,
    );
    expect(analyseFeedback('Va?', ANALYSIS).question.found).toBe(false);
    expect(
      analyseFeedback('Ge dem stödfrågor, till exempel ”Vad händer i början?”.', ANALYSIS).question.found,
    ).toBe(false);
    expect(analyseFeedback('Jag undrar hur eleverna upplevde det.', ANALYSIS).question.found).toBe(true);
  });

  it('does not take a question about the past for a next step', () => {
    expect(analyseFeedback('Använde de böcker i stället för Wikipedia?', ANALYSIS).nextStep.found).toBe(
      false,
    );
    expect(
      analyseFeedback('Varför inte låta eleverna läsa högt för varandra?', ANALYSIS).nextStep.found,
    ).toBe(true);
    expect(analyseFeedback('Låt eleverna läsa varandras texter högt.', ANALYSIS).nextStep.found).toBe(true);
  });

  it('analyses English feedback with the English lexicon', () => {
    const r = analyseFeedback(
      'Great job! Next time you could let the pupils reply. Why did you pick that tool?',
      '',
      'en',
    );
    expect([r.question.found, r.nextStep.found, r.aboutLearning.found, r.onlyPraise.found]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('reads feedback in the language it is written in, whatever the interface (browser and server alike)', () => {
    const sv =
      'Hur vet du att eleverna förstod frågan? Nästa gång kan du prova att låta dem jämföra två svar.';
    const en = 'How do you know the pupils understood the question? Next time you could let them compare.';
    expect(guessCoachLanguage(sv)).toBe('sv');
    expect(guessCoachLanguage(en)).toBe('en');
    expect(guessCoachLanguage('')).toBe('sv');
    // Read with the other language's lexicon, the question and the next step are lost: this is why
    // the form must not pass its interface language to the analyser.
    expect(analyseFeedback(sv, ANALYSIS, 'en').nextStep.found).toBe(false);
    expect(analyseFeedback(sv, ANALYSIS, guessCoachLanguage(sv)).nextStep.found).toBe(true);
    expect(analyseFeedback(en, ANALYSIS, guessCoachLanguage(en)).question.found).toBe(true);
  });

  it('gives the same answer for the same text (no state between calls)', () => {
    const text = 'Du skriver om stavning. Prova stödfrågor nästa gång!';
    expect(analyseFeedback(text, ANALYSIS)).toEqual(analyseFeedback(text, ANALYSIS));
  });
});
