/**
 * Addresses of the feedback screens. Other features link here (the course leader's progress
 * matrix links to the form for leader feedback), so these paths are kept stable.
 */

/** Mounted at /cohorts/:cohortId/feedback: my tasks, the feedback I received, my progress. */
export function feedbackOverviewPath(cohortId: string): string {
  return `/cohorts/${cohortId}/feedback`;
}

/** The feedback form for one analysis: critical friends and course leaders alike. */
export function feedbackFormPath(cohortId: string, analysisId: string): string {
  return `/cohorts/${cohortId}/feedback/analyses/${analysisId}`;
}

/** The feedback an author received on one of their analyses, to reply and mark helpful. */
export function receivedFeedbackPath(cohortId: string, analysisId: string): string {
  return `/cohorts/${cohortId}/feedback/received/${analysisId}`;
}
