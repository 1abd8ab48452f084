import { CohortViewerRole, cohortPeriodProblems, viewerRoleOf } from './cohort-rules';

describe('cohortPeriodProblems', () => {
  const ok = { schoolYear: '2026/27', startsOn: '2026-08-17', endsOn: '2027-06-11' };

  it('accepts a cohort within the teaching dates of its school year', () => {
    expect(cohortPeriodProblems(ok)).toEqual([]);
    expect(cohortPeriodProblems({ ...ok, startsOn: '2026-08-01', endsOn: '2026-08-01' })).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(cohortPeriodProblems({ ...ok, endsOn: '2026-08-16' }).map((p) => [p.field, p.code])).toEqual([
      ['endsOn', 'ENDS_BEFORE_START'],
    ]);
    expect(cohortPeriodProblems({ ...ok, schoolYear: '2026/2027' }).map((p) => p.code)).toEqual([
      'INVALID_SCHOOL_YEAR',
    ]);
    expect(
      cohortPeriodProblems({ ...ok, startsOn: '2026-07-31', endsOn: '2027-07-01' }).map((p) => p.field),
    ).toEqual(['startsOn', 'endsOn']);
  });
});

describe('viewerRoleOf', () => {
  const none = { admin: false, leader: false, participant: false, schoolLeaderOf: [] };
  it('picks the strongest relation', () => {
    expect(viewerRoleOf({ ...none, admin: true, leader: true })).toBe(CohortViewerRole.ADMINISTRATOR);
    expect(viewerRoleOf({ ...none, leader: true, schoolLeaderOf: ['s'] })).toBe(CohortViewerRole.LEADER);
    expect(viewerRoleOf({ ...none, participant: true })).toBe(CohortViewerRole.PARTICIPANT);
    expect(viewerRoleOf({ ...none, schoolLeaderOf: ['s'] })).toBe(CohortViewerRole.SCHOOL_LEADER);
  });
});
