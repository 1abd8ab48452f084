import { MIN_PUBLISHED_ANALYSES_FOR_COMPLETION } from '../rules/constants';
import { participantCompletion } from './index';
import type { CompletionInput, CompletionRoundInput } from './index';

const day = (d: string) => new Date(`${d}T12:00:00Z`);

function round(n: number, over: Partial<CompletionRoundInput> = {}): CompletionRoundInput {
  return {
    roundId: `r${n}`,
    number: n,
    published: true,
    peerFeedbackCount: 2,
    leaderFeedback: true,
    tasksTotal: 2,
    tasksDone: 2,
    ...over,
  };
}

function year(over: Partial<CompletionInput> = {}): CompletionInput {
  return {
    rounds: [1, 2, 3, 4, 5, 6].map((n) => round(n)),
    meetings: { attended: 6, held: 8, planned: 8 },
    requiredAttendanceShare: 0.75,
    ...over,
  };
}

const codes = (input: CompletionInput) => participantCompletion(input).missing.map((m) => m.code);

describe('participantCompletion (rule 6)', () => {
  it('completes a participant with six reviewed analyses, all tasks done and 6 of 8 meetings', () => {
    const result = participantCompletion(year());
    expect(result).toMatchObject({
      completed: true,
      missing: [],
      publishedCount: 6,
      completeCount: 6,
      minPublished: MIN_PUBLISHED_ANALYSES_FOR_COMPLETION,
      tasksTotal: 12,
      tasksDone: 12,
      meetingsRequired: 6,
      attendanceShare: 0.75,
      attendanceMet: true,
      needsSupport: false,
      supportReasons: [],
    });
    expect(result.rounds.every((r) => r.complete)).toBe(true);
  });

  it('names every gap at once, in a stable order, with English messages', () => {
    const result = participantCompletion(
      year({
        rounds: [
          round(1),
          round(2, { leaderFeedback: false }),
          round(3, { peerFeedbackCount: 0, tasksDone: 1 }),
          round(4, { published: false, peerFeedbackCount: 0, leaderFeedback: false }),
          round(5),
        ],
        meetings: { attended: 5, held: 8, planned: 8 },
      }),
    );
    expect(result.completed).toBe(false);
    expect(result.missing).toEqual([
      {
        code: 'TOO_FEW_PUBLISHED',
        message: 'Published 4 of the 6 analyses needed.',
        required: 6,
        actual: 4,
      },
      {
        code: 'LEADER_FEEDBACK_MISSING',
        message: 'The analysis in round 2 has no feedback from a course leader yet.',
        roundId: 'r2',
        roundNumber: 2,
      },
      {
        code: 'PEER_FEEDBACK_MISSING',
        message: 'The analysis in round 3 has no feedback from a critical friend yet.',
        roundId: 'r3',
        roundNumber: 3,
      },
      {
        code: 'REVIEW_TASKS_OPEN',
        message: '1 critical-friend assignment of 10 not done yet.',
        required: 10,
        actual: 9,
      },
      {
        code: 'ATTENDANCE_TOO_LOW',
        message: 'Attended 5 of 8 meetings; 6 needed (75 %).',
        required: 6,
        actual: 5,
      },
    ]);
  });

  it('does not let a seventh analysis without feedback block completion', () => {
    const input = year({
      rounds: [...year().rounds, round(7, { leaderFeedback: false, peerFeedbackCount: 0 })],
    });
    expect(participantCompletion(input)).toMatchObject({
      completed: true,
      publishedCount: 7,
      completeCount: 6,
    });
  });

  it('asks for feedback only on published analyses once enough are published', () => {
    const rounds = year().rounds.map((r) => (r.number === 6 ? round(6, { peerFeedbackCount: 0 }) : r));
    expect(codes(year({ rounds }))).toEqual(['PEER_FEEDBACK_MISSING']);
  });

  it('rounds the required meetings up without floating-point surprises', () => {
    expect(
      participantCompletion(
        year({ requiredAttendanceShare: 0.7, meetings: { attended: 7, held: 10, planned: 10 } }),
      ).attendanceMet,
    ).toBe(true);
    expect(
      participantCompletion(
        year({ requiredAttendanceShare: 0.8, meetings: { attended: 7, held: 9, planned: 9 } }),
      ),
    ).toMatchObject({
      meetingsRequired: 8,
      attendanceMet: false,
    });
    expect(
      participantCompletion(
        year({ requiredAttendanceShare: 0, meetings: { attended: 0, held: 0, planned: 8 } }),
      ).attendanceMet,
    ).toBe(true);
  });

  it('treats counts that are not numbers as zero, so bad data never completes anyone', () => {
    const result = participantCompletion(
      year({
        rounds: year().rounds.map((r) => ({ ...r, peerFeedbackCount: Number.NaN })),
        meetings: { attended: Number.NaN, held: 8, planned: 8 },
        requiredAttendanceShare: Number.NaN,
      }),
    );
    expect(result.completed).toBe(false);
    expect(result.meetingsRequired).toBe(8);
    expect(result.completeCount).toBe(0);
  });

  it('flags overdue work against the given moment only', () => {
    const rounds = [
      round(1, {
        published: false,
        peerFeedbackCount: 0,
        leaderFeedback: false,
        submissionDeadline: day('2026-09-27'),
        feedbackDeadline: day('2026-10-05'),
      }),
      round(2, {
        leaderFeedback: false,
        tasksDone: 0,
        submissionDeadline: day('2026-11-01'),
        feedbackDeadline: day('2026-11-09'),
      }),
      round(3, {
        published: false,
        tasksDone: 0,
        submissionDeadline: day('2026-12-01'),
        feedbackDeadline: day('2026-12-07'),
      }),
    ];
    const now = day('2026-11-22');
    const result = participantCompletion(
      year({ rounds, now, meetings: { attended: 1, held: 3, planned: 8 } }),
    );
    expect(result.rounds.map((r) => [r.submissionOverdue, r.feedbackOverdue, r.tasksOverdue])).toEqual([
      [true, false, false],
      [false, true, true],
      [false, false, false],
    ]);
    expect(result.attendanceOnTrack).toBe(false);
    expect(result.needsSupport).toBe(true);
    const noClock = participantCompletion(year({ rounds }));
    expect(noClock.rounds.some((r) => r.submissionOverdue || r.feedbackOverdue || r.tasksOverdue)).toBe(
      false,
    );
  });

  it('sorts rounds by number and counts tasks per round', () => {
    const result = participantCompletion(
      year({ rounds: [round(3), round(1, { tasksTotal: 3, tasksDone: 5 })] }),
    );
    expect(result.rounds.map((r) => r.number)).toEqual([1, 3]);
    expect(result.rounds[0]).toMatchObject({ tasksTotal: 3, tasksDone: 3 });
    expect(result).toMatchObject({ tasksTotal: 5, tasksDone: 5 });
  });

  it('accepts another minimum', () => {
    expect(participantCompletion(year({ rounds: [round(1)], minPublished: 1 })).completed).toBe(true);
  });
});
