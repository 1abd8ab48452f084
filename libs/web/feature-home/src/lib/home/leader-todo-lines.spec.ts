import { leaderToDoLines } from './leader-todo-lines';
import type { LeaderTaskFacts } from './leader-todo-lines';

const feedback = (
  n: number,
  round: number,
  since: string,
  due = '2026-12-10T16:00:00Z',
): LeaderTaskFacts => ({
  kind: 'LEADER_FEEDBACK',
  cohortId: 'c1',
  cohortName: 'STL Lärkby 2026/27',
  roundId: `r${round}`,
  roundNumber: round,
  dueAt: due,
  waitingSince: since,
  // A distinct item per analysis.
  ...{ analysisId: `a${n}` },
});

describe('leaderToDoLines', () => {
  it('gathers the analyses of a round awaiting leader feedback into one line, with the oldest wait', () => {
    const tasks = Array.from({ length: 24 }, (_, i) =>
      feedback(i, 2, `2026-12-${String(3 + (i % 5)).padStart(2, '0')}T09:00:00Z`),
    );
    const lines = leaderToDoLines(tasks);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      type: 'group',
      kind: 'LEADER_FEEDBACK',
      roundNumber: 2,
      oldestSince: '2026-12-03T09:00:00Z',
    });
    expect(line.type === 'group' && line.tasks).toHaveLength(24);
  });

  it('keeps a single analysis its own line, and rounds and cohorts apart', () => {
    const lines = leaderToDoLines([
      feedback(1, 2, '2026-12-03T09:00:00Z'),
      feedback(2, 3, '2026-12-04T09:00:00Z'),
      feedback(3, 3, '2026-12-05T09:00:00Z'),
      { ...feedback(4, 3, '2026-12-05T09:00:00Z'), cohortId: 'c2', roundId: 'x3' },
    ]);
    expect(lines.map((l) => l.type)).toEqual(['task', 'group', 'task']);
  });

  it('puts the most urgent first, then the longest waiting', () => {
    const lines = leaderToDoLines([
      feedback(1, 3, '2026-12-01T09:00:00Z', '2026-12-20T16:00:00Z'),
      feedback(2, 3, '2026-12-02T09:00:00Z', '2026-12-20T16:00:00Z'),
      {
        kind: 'ATTENDANCE_TO_REGISTER',
        cohortId: 'c1',
        cohortName: 'STL',
        dueAt: '2026-11-25T13:00:00Z',
        waitingSince: '2026-11-25T13:00:00Z',
      },
      feedback(3, 2, '2026-11-20T09:00:00Z', '2026-12-01T16:00:00Z'),
      feedback(4, 2, '2026-11-28T09:00:00Z', '2026-12-01T16:00:00Z'),
    ]);
    expect(lines.map((l) => (l.type === 'group' ? `group r${l.roundNumber}` : l.task.kind))).toEqual([
      'ATTENDANCE_TO_REGISTER',
      'group r2',
      'group r3',
    ]);
  });
});
