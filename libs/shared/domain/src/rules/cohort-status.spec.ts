import { allowedCohortTransitions, canTransitionCohort, CohortStatus, isCohortStatus } from './cohort-status';

const all = Object.values(CohortStatus);

describe('cohort status transitions', () => {
  it('allows exactly the four forward moves', () => {
    const allowed = all.flatMap((from) =>
      all.filter((to) => canTransitionCohort(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual([
      'COMPLETED->ARCHIVED',
      'OPEN->COMPLETED',
      'PLANNING->ARCHIVED',
      'PLANNING->OPEN',
    ]);
  });

  it('never goes back and never "transitions" to the same status', () => {
    expect(canTransitionCohort('OPEN', 'PLANNING')).toBe(false);
    expect(canTransitionCohort('COMPLETED', 'OPEN')).toBe(false);
    expect(canTransitionCohort('ARCHIVED', 'PLANNING')).toBe(false);
    for (const s of all) expect(canTransitionCohort(s, s)).toBe(false);
  });

  it('does not let an open cohort be archived without completing it first', () => {
    expect(canTransitionCohort('OPEN', 'ARCHIVED')).toBe(false);
  });

  it('treats archived as final', () => {
    expect(allowedCohortTransitions('ARCHIVED')).toEqual([]);
  });

  it('returns a list callers cannot corrupt', () => {
    const list = allowedCohortTransitions('PLANNING') as CohortStatus[];
    expect(() => list.push('COMPLETED')).toThrow(TypeError);
    expect(canTransitionCohort('PLANNING', 'COMPLETED')).toBe(false);
  });

  it('is false, not a crash, for unknown statuses from the outside', () => {
    expect(canTransitionCohort('constructor' as CohortStatus, 'OPEN')).toBe(false);
    expect(canTransitionCohort('open' as CohortStatus, 'COMPLETED')).toBe(false);
    expect(allowedCohortTransitions('__proto__' as CohortStatus)).toEqual([]);
  });
});

describe('isCohortStatus', () => {
  it('accepts only the four stored values', () => {
    for (const s of all) expect(isCohortStatus(s)).toBe(true);
    expect(isCohortStatus('Open')).toBe(false);
    expect(isCohortStatus('toString')).toBe(false);
    expect(isCohortStatus(undefined)).toBe(false);
  });
});
