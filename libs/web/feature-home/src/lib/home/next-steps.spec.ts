import type { CohortSummary, MyProgress } from '@stl/web/data-access';
import { roundsToWrite } from './next-steps';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const round = (id: string, number: number, title: string, deadline: string) => ({
  id,
  number,
  title,
  opensAt: '2026-11-01T00:00:00Z',
  submissionDeadline: deadline,
});
const cohort = {
  rounds: [
    round('r3', 3, 'Analys 3', '2026-12-10T22:59:00Z'),
    round('r2', 2, 'Läsförståelse i åk 4', '2026-12-01T22:59:00Z'),
  ],
} as unknown as CohortSummary;
const progress = {
  rounds: [
    { roundId: 'r2', analysisStatus: 'DRAFT' },
    { roundId: 'r3', analysisStatus: 'NOT_STARTED' },
  ],
} as unknown as MyProgress;

describe('a participant’s analyses to write', () => {
  it('come soonest deadline first, with a title only where it says more than the number', () => {
    const todo = roundsToWrite(cohort, progress, NOW);
    expect(todo.map((t) => [t.round.number, t.title, t.started, t.overdue])).toEqual([
      [2, 'Läsförståelse i åk 4', true, true],
      [3, null, false, false],
    ]);
  });
});
