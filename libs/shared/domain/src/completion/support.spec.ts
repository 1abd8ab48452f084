import { DEFAULT_SUPPORT_THRESHOLDS, participantCompletion } from './index';
import type { CompletionInput, CompletionRoundInput, SupportLevel, SupportReasonCode } from './index';

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
  over: Partial<CompletionInput> = {},
): CompletionInput {
  return {
    rounds: [1, 2, 3].map((n) => round(n, rounds[n as 1 | 2 | 3])),
    meetings: { attended, held: 4, planned: 8 },
    requiredAttendanceShare: 0.75,
    now: NOW,
    ...over,
  };
}

type Expected = [SupportReasonCode, number[], SupportLevel, Record<string, number>];

const cases: [string, CompletionInput, SupportLevel, Expected[]][] = [
  ['everything of their own done', participant(), 'ON_TRACK', []],
  [
    "only others' feedback is late: no leader and no peer feedback on their analyses, past its deadline",
    participant({ 1: { peerFeedbackCount: 0, leaderFeedback: false }, 2: { leaderFeedback: false } }),
    'ON_TRACK',
    [],
  ],
  [
    'round 2 analysis 21 days late',
    participant({ 2: { published: false } }),
    'NEEDS_SUPPORT',
    [['ANALYSIS_OVERDUE', [2], 'NEEDS_SUPPORT', { days: 21 }]],
  ],
  [
    'round 2 analysis 3 days late',
    participant({ 2: { published: false } }, 4, { now: day('2026-11-04') }),
    'BEHIND',
    [['ANALYSIS_OVERDUE', [2], 'BEHIND', { days: 3 }]],
  ],
  [
    'round 2 analysis a few hours late: not a whole day yet',
    participant({ 2: { published: false } }, 4, { now: new Date('2026-11-01T20:00:00Z') }),
    'ON_TRACK',
    [],
  ],
  [
    'two analyses late, each below the days threshold: two rounds missed',
    participant({ 1: { published: false }, 2: { published: false } }, 4, {
      supportThresholds: { behindAfterDays: 1, needsSupportAfterDays: 60, needsSupportRoundsMissed: 2 },
    }),
    'NEEDS_SUPPORT',
    [
      ['ANALYSIS_OVERDUE', [1], 'NEEDS_SUPPORT', { days: 52 }],
      ['ANALYSIS_OVERDUE', [2], 'NEEDS_SUPPORT', { days: 21 }],
    ],
  ],
  [
    'two analyses late, the organisation allows three rounds and 60 days',
    participant({ 1: { published: false }, 2: { published: false } }, 4, {
      supportThresholds: { behindAfterDays: 1, needsSupportAfterDays: 60, needsSupportRoundsMissed: 3 },
    }),
    'BEHIND',
    [
      ['ANALYSIS_OVERDUE', [1], 'BEHIND', { days: 52 }],
      ['ANALYSIS_OVERDUE', [2], 'BEHIND', { days: 21 }],
    ],
  ],
  [
    'the organisation counts from 5 days late: 3 days is on track',
    participant({ 2: { published: false } }, 4, {
      now: day('2026-11-04'),
      supportThresholds: { behindAfterDays: 5, needsSupportAfterDays: 10, needsSupportRoundsMissed: 2 },
    }),
    'ON_TRACK',
    [],
  ],
  [
    'round 3 not published, but its deadline is still ahead',
    participant({ 3: { published: false } }),
    'ON_TRACK',
    [],
  ],
  [
    'critical-friend task of round 2 open 12 days after its deadline: behind, never more on its own',
    participant({ 2: { tasksDone: 1 } }),
    'BEHIND',
    [['TASKS_OVERDUE', [2], 'BEHIND', { days: 12 }]],
  ],
  [
    'critical-friend task of round 2 open 3 days after its deadline',
    participant({ 2: { tasksDone: 1 } }, 4, { now: day('2026-11-13') }),
    'BEHIND',
    [['TASKS_OVERDUE', [2], 'BEHIND', { days: 3 }]],
  ],
  [
    'missed 2 of the 4 meetings held (3 needed)',
    participant({}, 2),
    'NEEDS_SUPPORT',
    [['ATTENDANCE_BEHIND', [], 'NEEDS_SUPPORT', { missed: 2, held: 4 }]],
  ],
  ['missed 1 of the 4 meetings held (3 needed): on track', participant({}, 3), 'ON_TRACK', []],
  [
    'missed 1 of the 3 meetings held: below the share so far, but the course allows 2 absences in all',
    participant({}, 2, { meetings: { attended: 2, held: 3, planned: 8 } }),
    'BEHIND',
    [['ATTENDANCE_BEHIND', [], 'BEHIND', { missed: 1, held: 3 }]],
  ],
  [
    "meetings not yet held don't count: 3 of 4 held, though 6 of the 8 planned are needed by the end",
    participant({}, 3, { meetings: { attended: 3, held: 4, planned: 8 } }),
    'ON_TRACK',
    [],
  ],
  [
    'all three, in rule order',
    participant({ 2: { published: false }, 1: { tasksDone: 0 } }, 1),
    'NEEDS_SUPPORT',
    [
      ['ANALYSIS_OVERDUE', [2], 'NEEDS_SUPPORT', { days: 21 }],
      ['TASKS_OVERDUE', [1], 'BEHIND', { days: 43 }],
      ['ATTENDANCE_BEHIND', [], 'NEEDS_SUPPORT', { missed: 3, held: 4 }],
    ],
  ],
];

describe('who is behind or needs support (course rule 8)', () => {
  it.each(cases)('%s', (_name, input, level, expected) => {
    const result = participantCompletion(input);
    expect(
      result.supportReasons.map((r) => [
        r.code,
        [...r.roundNumbers],
        r.level,
        Object.fromEntries(
          (['days', 'missed', 'held'] as const).filter((k) => r[k] !== undefined).map((k) => [k, r[k]]),
        ),
      ]),
    ).toEqual(expected);
    expect(result.supportLevel).toBe(level);
    expect(result.needsSupport).toBe(level === 'NEEDS_SUPPORT');
    for (const reason of result.supportReasons) expect(reason.message).toMatch(/\w/);
  });

  it('says why in plain words', () => {
    const [late, tasks, meetings] = participantCompletion(
      participant({ 2: { published: false }, 1: { tasksDone: 0 } }, 1),
    ).supportReasons;
    expect(late.message).toBe('The analysis of round 2 is 21 days past its deadline and not published.');
    expect(tasks.message).toBe('Critical-friend feedback in round 1 is 43 days past its deadline.');
    expect(meetings.message).toBe('Missed 3 of the 4 meetings held so far, below the required share.');
  });

  it('uses the defaults for missing or nonsensical thresholds', () => {
    const late3 = participant({ 2: { published: false } }, 4, { now: day('2026-11-04') });
    const bad = { behindAfterDays: 0, needsSupportAfterDays: -2, needsSupportRoundsMissed: 1.5 };
    expect(participantCompletion({ ...late3, supportThresholds: bad }).supportLevel).toBe('BEHIND');
    expect(DEFAULT_SUPPORT_THRESHOLDS).toEqual({
      behindAfterDays: 1,
      needsSupportAfterDays: 7,
      needsSupportRoundsMissed: 2,
    });
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
    expect(result.supportLevel).toBe('ON_TRACK');
  });
});
