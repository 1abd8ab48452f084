import type { AllocationResult, AllocationReason, AllocationReasonDetails } from './types';

/** English sentences for each reason code (the UI translates by code and may use the details). */
export function allocationReasonMessage(
  code: AllocationReason['code'],
  details: AllocationReasonDetails = {},
): string {
  switch (code) {
    case 'LOCKED':
      return 'Kept from the earlier allocation (already under way).';
    case 'OTHER_SCHOOL':
      return 'Reviewer from another school (external network).';
    case 'SAME_SCHOOL_REQUESTED':
      return 'Reviewer from the same school, because same-school support was asked for.';
    case 'FALLBACK_SAME_SCHOOL':
      return details.noAlternative
        ? 'Fallback: same school because no reviewer from another school can review this analysis.'
        : 'Fallback: same school because every reviewer from other schools is at capacity.';
    case 'FALLBACK_OTHER_SCHOOL':
      return details.noAlternative
        ? "Fallback: another school because no colleague from the author's school can review this analysis."
        : "Fallback: another school because every colleague from the author's school is at capacity.";
    case 'NEW_PAIR':
      return (details.reverseEarlierReviews ?? 0) > 0
        ? 'New pair this year (the author has reviewed this reviewer before, but not the other way round).'
        : 'New pair this year.';
    case 'FALLBACK_REPEATED_PAIR': {
      const times = details.earlierReviews ?? 1;
      const last = details.lastRound !== undefined ? `, last in round ${details.lastRound}` : '';
      const why = details.noAlternative
        ? 'every eligible reviewer has already reviewed this author'
        : 'every reviewer who would be a new pair is at capacity or would break the school preference';
      return `Fallback: repeated pair (reviewed this author ${times} time${times === 1 ? '' : 's'} before${last}) because ${why}.`;
    }
    case 'FALLBACK_RECIPROCAL':
      return 'Fallback: reviewer and author review each other in this round because no swap could avoid it without breaking the balance or a higher preference.';
  }
}

export function makeReason(
  code: AllocationReason['code'],
  details?: AllocationReasonDetails,
): AllocationReason {
  return details
    ? { code, message: allocationReasonMessage(code, details), details }
    : { code, message: allocationReasonMessage(code) };
}

/**
 * "Why this pair": one English paragraph for the pair reviewerId → analysisId of an allocation result,
 * or undefined when the result does not contain that pair.
 */
export function explainAssignment(
  result: Pick<AllocationResult, 'assignments'>,
  reviewerId: string,
  analysisId: string,
): string | undefined {
  const assignment = result.assignments.find(
    (a) => a.reviewerId === reviewerId && a.analysisId === analysisId,
  );
  if (!assignment) return undefined;
  return `${reviewerId} reviews ${analysisId} by ${assignment.authorId}: ${assignment.reasons
    .map((r) => r.message)
    .join(' ')}`;
}
