import {
  asPartProblem,
  feedbackProblems,
  partCount,
  partOfField,
  partProblem,
  textLength,
} from './feedback-rules';

describe('the three-part feedback, checked as the API checks it', () => {
  it('counts characters as a reader does, after trimming', () => {
    expect(textLength('  Bra!  ')).toBe(4);
    expect(textLength('åäö')).toBe(3);
    expect(textLength('👍🏽')).toBe(2);
    expect(partCount('Tolv tecken.', 50)).toEqual({ length: 12, min: 50, enough: false });
    expect(partCount('x'.repeat(50), 50).enough).toBe(true);
  });

  it('needs at least one character even when the cohort sets no minimum', () => {
    expect(partCount('', 0)).toEqual({ length: 0, min: 1, enough: false });
  });

  it('refuses too short, too long and markup, one problem per part', () => {
    expect(partProblem('Kort', 50)).toBe('TOO_SHORT');
    expect(partProblem('x'.repeat(5001), 50)).toBe('TOO_LONG');
    expect(partProblem(`<script>alert(1)</script>${'x'.repeat(60)}`, 50)).toBe('MARKUP_NOT_ALLOWED');
    expect(partProblem(`Eleverna skrev 3<4 stycken, vilket är bra för ${'x'.repeat(20)}`, 50)).toBeNull();
  });

  it('lists the parts to fix', () => {
    const long = 'Det här fungerar väl: eleverna ger varandra respons i par med stöd.';
    expect(feedbackProblems({ worksWell: long, questions: 'Varför?', nextSteps: '' }, 50)).toEqual({
      questions: 'TOO_SHORT',
      nextSteps: 'TOO_SHORT',
    });
    expect(feedbackProblems({ worksWell: long, questions: long, nextSteps: long }, 50)).toEqual({});
  });

  it('reads the API problems back onto the parts', () => {
    expect(partOfField('worksWell')).toBe('worksWell');
    expect(partOfField('input.nextSteps')).toBe('nextSteps');
    expect(partOfField('sectionKey')).toBeNull();
    expect(asPartProblem('TOO_SHORT')).toBe('TOO_SHORT');
    expect(asPartProblem('INVALID_CHARACTERS')).toBe('INVALID');
  });
});
