import { participantCompletion } from './index';
import type { CompletionInput, CompletionRoundInput, SupportReasonCode } from './index';

/**
 * Course rule 8 as a table: who needs support, and why, only from what is in the participant's own
 * hands. Mid-year: rounds 1–2 past both deadlines, round 3 open; 4 of 8 meetings held.
 */
const day = (d: string) => new Date(`${d}T12:00:00Z`);
const NOW = day('2026-11-22');

function round(n: number, over: Partial<CompletionRoundInput> = {}): CompletionRoundInput {
  const deadlines: Record<number, [string, string]> = {
    1: ['2026-10-01', '2026-10-10'],
    2: ['2026-11-01', '2026-11-10'],
    3: ['2026-12-01', '2026-12-10'],
  };
  const [submit, feedback] = deadlines[n];
  return {
    roundId: `r${n}`,
    number: n,
    published: n < 3,
    peerFeedbackCount: n < 3 ? 2 : 0,
    leaderFeedback: n < 3,
    tasksTotal: n < 3 ? 2 : 0,
    tasksDone: n < 3 ? 2 : 0,
    submissionDeadline: day(submit),
    feedbackDeadline: day(feedback),
    ...over,
  };
}

function participant(
  rounds: Partial<Record<1 | 2 | 3, Partial<CompletionRoundInput>>> = {},
  attended = 4,
): CompletionInput {
  return {
    rounds: [1, 2, 3].map((n) => round(n, rounds[n as 1 | 2 | 3])),
    meetings: { attended, held: 4, planned: 8 },
    requiredAttendanceShare: 0.75,
    now: NOW,
  };
}

const cases: [string, CompletionInput, [SupportReasonCode, number[]][]][] = [
  ['everything of their own done', participant(), []],
  [
    'only others owe them: no leader and no peer feedback on their analyses, past its deadline',
    participant({ 1: { peerFeedbackCount: 0, leaderFeedback: false }, 2: { leaderFeedback: false } }),
    [],
  ],
  [
    'round 2 analysis not published after its deadline',
    participant({ 2: { published: false } }),
    [['ANALYSIS_OVERDUE', [2]]],
  ],
  [
    'two analyses late',
    participant({ 1: { published: false }, 2: { published: false } }),
    [['ANALYSIS_OVERDUE', [1, 2]]],
  ],
  ['round 3 not published, but its deadline is still ahead', participant({ 3: { published: false } }), []],
  [
    'critical-friend task of round 1 open after its deadline',
    participant({ 1: { tasksDone: 1 } }),
    [['TASKS_OVERDUE', [1]]],
  ],
  ['missed 2 of the 4 meetings held (3 needed)', participant({}, 2), [['ATTENDANCE_BEHIND', []]]],
  ['missed 1 of the 4 meetings held (3 needed): on track', participant({}, 3), []],
  [
    'all three, in rule order',
    participant({ 2: { published: false }, 1: { tasksDone: 0 } }, 1),
    [
      ['ANALYSIS_OVERDUE', [2]],
      ['TASKS_OVERDUE', [1]],
      ['ATTENDANCE_BEHIND', []],
    ],
  ],
];

describe('who needs support (course rule 8)', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const result = participantCompletion(input);
    expect(result.supportReasons.map((r) => [r.code, [...r.roundNumbers]])).toEqual(expected);
    expect(result.needsSupport).toBe(expected.length > 0);
    for (const reason of result.supportReasons) expect(reason.message).toMatch(/\w/);
  });

  it('says why in plain words', () => {
    const [late, tasks, meetings] = participantCompletion(
      participant({ 2: { published: false }, 1: { tasksDone: 0 } }, 1),
    ).supportReasons;
    expect(late.message).toBe('The analysis of round 2 is not published and its deadline has passed.');
    expect(tasks.message).toBe('Critical-friend feedback in round 1 is past its deadline.');
    expect(meetings.message).toBe('Attended 1 of the 4 meetings held so far, fewer than required.');
  });

  it('flags nobody who has completed the course', () => {
    const done: CompletionInput = {
      rounds: [1, 2, 3, 4, 5, 6].map((n) => ({
        roundId: `r${n}`,
        number: n,
        published: true,
        peerFeedbackCount: 1,
        leaderFeedback: true,
        tasksTotal: 2,
        tasksDone: 2,
      })),
      meetings: { attended: 8, held: 8, planned: 8 },
      requiredAttendanceShare: 0.75,
      now: NOW,
    };
    const result = participantCompletion(done);
    expect(result.completed).toBe(true);
    expect(result.supportReasons).toEqual([]);
    expect(result.needsSupport).toBe(false);
  });
});
