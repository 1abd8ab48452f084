import { CohortStatus } from '../rules/cohort-status';
import { allowedCohortChanges, COHORT_LIFECYCLE, cohortChangeRefusal, CohortChangeKind } from './lifecycle';

const KINDS = Object.values(CohortChangeKind);

describe('what each cohort status allows', () => {
  it('has a rule for every status and every kind of change', () => {
    for (const status of Object.values(CohortStatus)) {
      expect(Object.keys(COHORT_LIFECYCLE[status]).sort()).toEqual([...KINDS].sort());
    }
  });

  it('lets a cohort being planned be set up, but not run', () => {
    expect(allowedCohortChanges('PLANNING')).toEqual([
      'SETTINGS',
      'DATES',
      'LIFECYCLE',
      'LEADERS',
      'MEMBERSHIP',
      'SCHEDULE',
      'ATTENDANCE',
    ]);
    expect(cohortChangeRefusal('PLANNING', 'ANALYSIS')?.code).toBe('ROUND_NOT_OPEN');
    for (const kind of ['ALLOCATION', 'ASSIGNMENTS', 'FEEDBACK', 'NUDGE', 'CERTIFICATES'] as const)
      expect(cohortChangeRefusal('PLANNING', kind)?.code).toBe('CONFLICT');
  });

  it('lets an open cohort change everything but its dates, and issue no certificates yet', () => {
    expect(allowedCohortChanges('OPEN')).toEqual(KINDS.filter((k) => k !== 'DATES' && k !== 'CERTIFICATES'));
    expect(cohortChangeRefusal('OPEN', 'CERTIFICATES')).toEqual({
      code: 'CONFLICT',
      message: 'Certificates of completion are issued once the cohort has been marked completed.',
    });
    expect(cohortChangeRefusal('OPEN', 'DATES')).toEqual({
      code: 'CONFLICT',
      message: "The cohort's school year and dates can only be changed while it is being planned.",
    });
  });

  it('lets a completed cohort only correct attendance, issue certificates and move on in its life cycle', () => {
    expect(allowedCohortChanges('COMPLETED')).toEqual(['LIFECYCLE', 'ATTENDANCE', 'CERTIFICATES']);
    expect(cohortChangeRefusal('COMPLETED', 'FEEDBACK')).toEqual({
      code: 'CONFLICT',
      message: 'A completed cohort can only have its attendance corrected or be archived.',
    });
    expect(cohortChangeRefusal('COMPLETED', 'ANALYSIS')?.code).toBe('ROUND_NOT_OPEN');
  });

  it('refuses every change inside an archived cohort', () => {
    // LIFECYCLE is left to the transition rule, which has no move out of ARCHIVED.
    expect(allowedCohortChanges('ARCHIVED')).toEqual(['LIFECYCLE']);
    for (const kind of KINDS.filter((k) => k !== 'LIFECYCLE'))
      expect(cohortChangeRefusal('ARCHIVED', kind)).toEqual({
        code: 'CONFLICT',
        message: 'An archived cohort cannot be changed.',
      });
  });

  it('refuses an unknown status or kind instead of allowing it', () => {
    expect(cohortChangeRefusal('DELETED' as CohortStatus, 'SETTINGS')?.code).toBe('CONFLICT');
    expect(cohortChangeRefusal('OPEN', 'EVERYTHING' as CohortChangeKind)?.code).toBe('CONFLICT');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(COHORT_LIFECYCLE)).toBe(true);
    expect(Object.isFrozen(COHORT_LIFECYCLE.ARCHIVED)).toBe(true);
  });
});
