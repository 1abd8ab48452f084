import { openTaskCount, taskState, tasksByRound } from './tasks';

const NOW = new Date('2026-12-02T12:00:00Z').getTime();
const round = (n: number, deadline: string) => ({
  id: `r${n}`,
  number: n,
  title: `Analys ${n}`,
  feedbackDeadline: deadline,
});
const task = (id: string, n: number, done: boolean, dueAt: string) => ({
  id,
  done,
  dueAt,
  roundId: `r${n}`,
  round: round(n, dueAt),
});

describe('critical-friend tasks by round', () => {
  it('is overdue only when not done and past the feedback deadline', () => {
    expect(taskState({ done: false, dueAt: '2026-12-01T22:59:00Z' }, NOW)).toBe('overdue');
    expect(taskState({ done: false, dueAt: '2026-12-07T22:59:00Z' }, NOW)).toBe('open');
    expect(taskState({ done: true, dueAt: '2026-12-01T22:59:00Z' }, NOW)).toBe('done');
    expect(taskState({ done: false, dueAt: null }, NOW)).toBe('open');
  });

  it('groups by round number, what is left first', () => {
    const rounds = tasksByRound(
      [
        task('a', 3, true, '2026-12-07T12:00:00Z'),
        task('b', 2, true, '2026-11-09T12:00:00Z'),
        task('c', 3, false, '2026-12-07T12:00:00Z'),
        task('d', 2, false, '2026-11-09T12:00:00Z'),
      ],
      NOW,
    );
    expect(rounds.map((r) => r.number)).toEqual([2, 3]);
    expect(rounds[0].tasks.map((t) => [t.task.id, t.state])).toEqual([
      ['d', 'overdue'],
      ['b', 'done'],
    ]);
    expect(rounds[1].tasks.map((t) => t.task.id)).toEqual(['c', 'a']);
    expect(rounds[0]).toMatchObject({ done: 1, overdue: 1, title: 'Analys 2' });
    expect(openTaskCount([{ done: true }, { done: false }])).toBe(1);
  });
});
