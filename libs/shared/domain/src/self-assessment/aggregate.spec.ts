import { MIN_GROUP_SIZE, selfAssessmentFigures, suppressedGroups } from './aggregate';

describe('self-assessment figures: groups under five are never shown', () => {
  it('hides groups of 1–4, and then the smallest shown group while the hidden ones hold fewer than five', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(
      suppressedGroups(
        new Map([
          ['a', 6],
          ['b', 5],
          ['c', 2],
          ['d', 6],
        ]),
      ),
    ).toEqual(new Set(['c', 'b']));
    // Hidden together they are five already: nothing more to hide.
    expect(
      suppressedGroups(
        new Map([
          ['a', 6],
          ['b', 3],
          ['c', 2],
        ]),
      ),
    ).toEqual(new Set(['b', 'c']));
    // Nobody answered is not a small group.
    expect(
      suppressedGroups(
        new Map([
          ['a', 6],
          ['b', 0],
        ]),
      ),
    ).toEqual(new Set());
    // One small group and nothing to hide it behind: all hidden.
    expect(suppressedGroups(new Map([['a', 3]]))).toEqual(new Set(['a']));
  });

  it('computes means to two decimals and the change where both are shown', () => {
    const [a, b] = selfAssessmentFigures(
      ['a', 'b'],
      ['q'],
      [
        { group: 'a', phase: 'BEFORE', respondents: 6 },
        { group: 'a', phase: 'AFTER', respondents: 6 },
        { group: 'b', phase: 'BEFORE', respondents: 7 },
      ],
      [
        { group: 'a', phase: 'BEFORE', questionId: 'q', answers: 6, sum: 15 },
        { group: 'a', phase: 'AFTER', questionId: 'q', answers: 6, sum: 23 },
        { group: 'b', phase: 'BEFORE', questionId: 'q', answers: 7, sum: 20 },
      ],
    );
    expect(a.questions[0]).toEqual({
      questionId: 'q',
      before: { respondents: 6, mean: 2.5, suppressed: false },
      after: { respondents: 6, mean: 3.83, suppressed: false },
      change: 1.33,
    });
    expect(b.questions[0].before.mean).toBe(2.86);
    expect(b.questions[0].change).toBeNull();
  });
});
