/** Life cycle of a cohort. Values match the `cohort.status` column. */
export const CohortStatus = {
  Planning: 'PLANNING',
  Open: 'OPEN',
  Completed: 'COMPLETED',
  Archived: 'ARCHIVED',
} as const;
export type CohortStatus = (typeof CohortStatus)[keyof typeof CohortStatus];

/**
 * Forward only: reopening a completed cohort would invalidate certificates already issued, and a
 * cohort that never started is archived directly (cancelled) instead of being "completed".
 */
const TRANSITIONS: Readonly<Record<CohortStatus, readonly CohortStatus[]>> = {
  PLANNING: Object.freeze(['OPEN', 'ARCHIVED'] as const),
  OPEN: Object.freeze(['COMPLETED'] as const),
  COMPLETED: Object.freeze(['ARCHIVED'] as const),
  ARCHIVED: Object.freeze([] as const),
};

const STATUSES: readonly string[] = Object.values(CohortStatus);

/** Guards values read from requests or the database before they are trusted as a status. */
export function isCohortStatus(value: unknown): value is CohortStatus {
  return typeof value === 'string' && STATUSES.includes(value);
}

/** Statuses a cohort may move to next, e.g. to decide which buttons to show. */
export function allowedCohortTransitions(from: CohortStatus): readonly CohortStatus[] {
  return isCohortStatus(from) ? TRANSITIONS[from] : [];
}

/** Staying in the same status is not a transition, so it is false too. */
export function canTransitionCohort(from: CohortStatus, to: CohortStatus): boolean {
  return allowedCohortTransitions(from).includes(to);
}
