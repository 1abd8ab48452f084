import { CHART, lineSegments, percent, shareOf, trends, yOf } from './feedback-quality';

const counts = (given: number, anchored: number, question: number, nextStep: number, assessed = given) => ({
  given,
  assessed,
  anchored,
  question,
  nextStep,
});

describe('feedback quality figures', () => {
  it('takes shares of the assessed feedback only, and says nothing for none', () => {
    expect(shareOf(counts(4, 1, 2, 3), 'nextStep')).toBe(0.75);
    expect(shareOf(counts(5, 1, 2, 3, 4), 'question')).toBe(0.5);
    expect(shareOf(counts(0, 0, 0, 0), 'anchored')).toBeNull();
    expect(percent(2 / 3)).toBe(67);
    expect(percent(null)).toBeNull();
  });

  it('draws 0 % at the bottom and 100 % at the top, with a gap for a round without feedback', () => {
    expect(yOf(0)).toBe(CHART.height - CHART.bottom);
    expect(yOf(1)).toBe(CHART.top);
    const segments = lineSegments([counts(2, 1, 1, 1), counts(0, 0, 0, 0), counts(4, 4, 0, 2)], 'anchored');
    expect(segments.map((s) => s.length)).toEqual([1, 1]);
  });

  it('compares the first and the latest round with feedback', () => {
    const rounds = [
      { number: 1, counts: counts(4, 1, 1, 2) },
      { number: 2, counts: counts(0, 0, 0, 0) },
      { number: 3, counts: counts(5, 4, 2, 5) },
    ];
    expect(trends(rounds)?.find((t) => t.quality === 'nextStep')).toEqual({
      quality: 'nextStep',
      first: { number: 1, percent: 50 },
      last: { number: 3, percent: 100 },
    });
    expect(trends(rounds.slice(0, 2))).toBeNull();
  });
});
