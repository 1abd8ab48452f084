export { allowedCohortChanges, COHORT_LIFECYCLE, cohortChangeRefusal, CohortChangeKind } from './lifecycle';
export type { CohortChangeRefusal, CohortChangeRefusalCode } from './lifecycle';
