import { loadCorpus, score } from './corpus';

/**
 * The hand-labelled corpus (docs/feedback-coach.md): the analyser must keep precision ≥ 0.85 and
 * recall ≥ 0.8 on every quality for Swedish (issue 15). `npm run bench:coach` prints the figures
 * and every misclassified example.
 */
describe('feedback coach on the labelled corpus', () => {
  const { analyses, items } = loadCorpus();

  it('holds at least 200 Swedish and 50 English feedback texts', () => {
    expect(items.filter((i) => i.language === 'sv').length).toBeGreaterThanOrEqual(200);
    expect(items.filter((i) => i.language === 'en').length).toBeGreaterThanOrEqual(50);
  });

  it('reaches precision 0.85 and recall 0.8 on every quality in Swedish', () => {
    const { scores } = score(
      analyses,
      items.filter((i) => i.language === 'sv'),
    );
    const below = scores.filter((s) => s.precision < 0.85 || s.recall < 0.8);
    expect(below).toEqual([]);
  });
});
