import fc from 'fast-check';
import { participantCompletion } from './index';
import type { CompletionInput, CompletionRoundInput } from './index';

const roundArb = (n: number): fc.Arbitrary<CompletionRoundInput> =>
  fc
    .record({
      published: fc.boolean(),
      peerFeedbackCount: fc.integer({ min: 0, max: 4 }),
      leaderFeedback: fc.boolean(),
      tasksTotal: fc.integer({ min: 0, max: 4 }),
      tasksDoneShare: fc.double({ min: 0, max: 1, noNaN: true }),
      submission: fc.integer({ min: 0, max: 400 }),
    })
    .map((r) => ({
      roundId: `r${n}`,
      number: n,
      published: r.published,
      peerFeedbackCount: r.published ? r.peerFeedbackCount : 0,
      leaderFeedback: r.published && r.leaderFeedback,
      tasksTotal: r.tasksTotal,
      tasksDone: Math.floor(r.tasksTotal * r.tasksDoneShare),
      submissionDeadline: new Date(Date.UTC(2026, 8, 1) + r.submission * 86_400_000),
      feedbackDeadline: new Date(Date.UTC(2026, 8, 8) + r.submission * 86_400_000),
    }));

const inputArb: fc.Arbitrary<CompletionInput> = fc
  .record({
    rounds: fc
      .integer({ min: 0, max: 10 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roundArb(i + 1)))),
    planned: fc.integer({ min: 0, max: 14 }),
    heldShare: fc.double({ min: 0, max: 1, noNaN: true }),
    attendedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    minPublished: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    now: fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 8, 1) + d * 86_400_000)),
  })
  .map((p) => {
    const held = Math.floor(p.planned * p.heldShare);
    return {
      rounds: p.rounds,
      meetings: { planned: p.planned, held, attended: Math.floor(held * p.attendedShare) },
      requiredAttendanceShare: p.share,
      minPublished: p.minPublished,
      now: p.now,
    };
  });

describe('participantCompletion — properties', () => {
  it('is complete exactly when every part of rule 6 holds, and then nothing is missing', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = participantCompletion(input);
        const min = input.minPublished ?? 6;
        const reviewed = input.rounds.filter(
          (r) => r.published && r.leaderFeedback && r.peerFeedbackCount >= 1,
        ).length;
        const tasksOpen = input.rounds.some((r) => r.tasksDone < r.tasksTotal);
        const attendanceOk =
          input.meetings.attended >= input.requiredAttendanceShare * input.meetings.planned - 1e-9;
        expect(result.completed).toBe(reviewed >= min && !tasksOpen && attendanceOk);
        expect(result.completed).toBe(result.missing.length === 0);
        expect(result.needsSupport && result.completed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never gets worse when a participant does more', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const before = participantCompletion(input);
        const i = input.rounds.length ? pick % input.rounds.length : -1;
        const more: CompletionInput = {
          ...input,
          rounds: input.rounds.map((r, j) =>
            j === i
              ? {
                  ...r,
                  published: true,
                  leaderFeedback: true,
                  peerFeedbackCount: r.peerFeedbackCount + 1,
                  tasksDone: r.tasksTotal,
                }
              : r,
          ),
          meetings: {
            ...input.meetings,
            attended: Math.min(input.meetings.held, input.meetings.attended + 1),
          },
        };
        const after = participantCompletion(more);
        if (before.completed) expect(after.completed).toBe(true);
        expect(after.completeCount).toBeGreaterThanOrEqual(before.completeCount);
        expect(after.missing.length).toBeLessThanOrEqual(before.missing.length);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the rounds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = participantCompletion({ ...input, rounds: [...input.rounds].reverse() });
        expect(reversed).toEqual(participantCompletion(input));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every count within its bounds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = participantCompletion(input);
        expect(r.completeCount).toBeLessThanOrEqual(r.publishedCount);
        expect(r.tasksDone).toBeLessThanOrEqual(r.tasksTotal);
        expect(r.attendanceShare).toBeGreaterThanOrEqual(0);
        expect(r.attendanceShare).toBeLessThanOrEqual(1);
        for (const round of r.rounds) {
          if (round.submissionOverdue) expect(round.published).toBe(false);
          if (round.feedbackOverdue) expect(round.published && !round.complete).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
