import { missingLines, progressLines } from './progress-summary';
import type { ProgressFacts } from './progress-summary';

const base: ProgressFacts = {
  publishedCount: 2,
  minPublished: 6,
  completeCount: 1,
  completed: false,
  tasksDone: 3,
  tasksTotal: 4,
  meetingsAttended: 3,
  meetingsHeld: 3,
  meetingsPlanned: 8,
  meetingsRequired: 6,
  attendanceMet: false,
  missing: [
    { code: 'TOO_FEW_PUBLISHED', required: 6, actual: 2 },
    { code: 'LEADER_FEEDBACK_MISSING', roundNumber: 1 },
    { code: 'LEADER_FEEDBACK_MISSING', roundNumber: 2 },
    { code: 'PEER_FEEDBACK_MISSING', roundNumber: 2 },
    { code: 'REVIEW_TASKS_OPEN', required: 4, actual: 3 },
    { code: 'ATTENDANCE_TOO_LOW', required: 6, actual: 3 },
  ],
};

describe("a participant's way to completion", () => {
  it('says where each requirement stands', () => {
    expect(progressLines(base).map((l) => [l.id, l.params, l.met])).toEqual([
      ['published', { count: 2, min: 6 }, false],
      ['complete', { count: 1, min: 6 }, false],
      ['tasks', { done: 3, total: 4 }, false],
      ['meetings', { attended: 3, planned: 8, required: 6 }, false],
    ]);
  });

  it('says what is missing once per kind, with the rounds concerned', () => {
    const lines = missingLines(base);
    expect(lines.map((l) => l.key)).toEqual([
      'review.progress.missing.TOO_FEW_PUBLISHED',
      'review.progress.missing.LEADER_FEEDBACK_MISSING',
      'review.progress.missing.PEER_FEEDBACK_MISSING',
      'review.progress.missing.REVIEW_TASKS_OPEN',
      'review.progress.missing.ATTENDANCE_TOO_LOW',
    ]);
    expect(lines[0].params).toMatchObject({ left: 4 });
    expect(lines[1].params).toMatchObject({ rounds: '1, 2', count: 2 });
    expect(lines[3].params).toMatchObject({ left: 1 });
  });

  it('has nothing missing when completed', () => {
    expect(missingLines({ ...base, completed: true, missing: [] })).toEqual([]);
  });
});
