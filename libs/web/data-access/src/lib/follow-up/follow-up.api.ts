import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { EMPTY, expand, map, reduce } from 'rxjs';
import {
  AddReviewerDocument,
  AllocationRoundDocument,
  ApplyAllocationDocument,
  CohortFeedbackQualityDocument,
  FollowUpAnalysesDocument,
  FollowUpCohortDocument,
  FollowUpProgressDocument,
  LockAllocationDocument,
  NudgeParticipantsDocument,
  PreviewAllocationDocument,
  RemoveReviewerDocument,
  RepairAllocationDocument,
  SwapReviewerDocument,
} from '../../generated/graphql';
import type {
  AddReviewerMutation,
  AllocationOverrideInput,
  AllocationOutcomeFieldsFragment,
  AllocationPairFieldsFragment,
  AllocationRoundQuery,
  AssignmentFieldsFragment,
  CohortFeedbackQualityQuery,
  FollowUpAnalysesQuery,
  FollowUpCohortFragment,
  FollowUpRoundFragment,
  LockAllocationMutation,
  NudgeParticipantsMutation,
  ProgressRowFragment,
  RemoveReviewerMutation,
  SwapReviewerMutation,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type FollowUpCohort = FollowUpCohortFragment;
export type FollowUpRound = FollowUpRoundFragment;
export type ProgressRow = ProgressRowFragment;
export type RoundProgressCell = ProgressRowFragment['rounds'][number];
export type PublishedAnalysisRef = FollowUpAnalysesQuery['sharedSpace']['nodes'][number];
export type AllocationOutcome = AllocationOutcomeFieldsFragment;
export type AllocationPair = AllocationPairFieldsFragment;
export type RoundAssignment = AssignmentFieldsFragment;
export type AllocationRoundData = AllocationRoundQuery['analysisRound'];
export type NudgeOutcomes = NudgeParticipantsMutation['nudgeParticipants'];
export type NudgeResult = NudgeOutcomes['results'][number];
/** The feedback coach's figures of a cohort (ADR 0035). */
export type FeedbackQualityData = CohortFeedbackQualityQuery;
export type FeedbackQualityCounts = CohortFeedbackQualityQuery['cohortFeedbackQuality']['total'];
/** A course leader's change to the preview, sent with apply (see `applyAllocation`). */
export type AllocationOverride = AllocationOverrideInput;

interface Page<T> {
  nodes: readonly T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Every page of a cursor-paginated list, one request after the other, as one array. */
function allPages<T>(fetch: (after: string | null) => Observable<Page<T>>): Observable<T[]> {
  return fetch(null).pipe(
    expand((page) => (page.pageInfo.hasNextPage ? fetch(page.pageInfo.endCursor ?? null) : EMPTY)),
    reduce<Page<T>, T[]>((all, page) => [...all, ...page.nodes], []),
  );
}

/**
 * The course leader's follow-up: every participant's progress per round (facts and flags, never
 * text), and critical-friend allocation per round (preview, apply, lock, repair, changes by hand).
 */
@Injectable({ providedIn: 'root' })
export class FollowUpApi {
  private readonly gql = inject(GraphqlClient);

  /** The feedback coach's figures: the cohort's course leaders and administrators only. */
  feedbackQuality(cohortId: string): Observable<FeedbackQualityData> {
    return this.gql.request(CohortFeedbackQualityDocument, { cohortId });
  }

  cohort(cohortId: string): Observable<FollowUpCohort> {
    return this.gql.request(FollowUpCohortDocument, { cohortId }).pipe(map((r) => r.cohort));
  }

  /** Every participant's progress (all pages), by school then name, as the API orders it. */
  progress(cohortId: string, includeWithdrawn = false): Observable<ProgressRow[]> {
    return allPages((after) =>
      this.gql
        .request(FollowUpProgressDocument, { cohortId, after, includeWithdrawn })
        .pipe(map((r) => r.cohortProgress)),
    );
  }

  /** Every published analysis of the cohort (ids only), to link from the matrix. */
  publishedAnalyses(cohortId: string): Observable<PublishedAnalysisRef[]> {
    return allPages((after) =>
      this.gql.request(FollowUpAnalysesDocument, { cohortId, after }).pipe(map((r) => r.sharedSpace)),
    );
  }

  round(roundId: string): Observable<AllocationRoundData> {
    return this.gql.request(AllocationRoundDocument, { roundId }).pipe(map((r) => r.analysisRound));
  }

  /** What apply would do, with reasons. Writes nothing. */
  previewAllocation(roundId: string, seed: string | null = null): Observable<AllocationOutcome> {
    return this.gql
      .request(PreviewAllocationDocument, { roundId, seed })
      .pipe(map((r) => r.previewAllocation));
  }

  /**
   * With the preview's seed, apply makes exactly the pairs previewed (same input, same seed); the
   * course leader's changes to the preview go along as `overrides`, in the same request and
   * transaction (all or nothing, mails only for the final pairs).
   */
  applyAllocation(
    roundId: string,
    seed: string | null,
    overrides: readonly AllocationOverride[] = [],
  ): Observable<AllocationOutcome> {
    return this.gql
      .request(ApplyAllocationDocument, {
        roundId,
        seed,
        overrides: overrides.length ? [...overrides] : null,
      })
      .pipe(map((r) => r.applyAllocation));
  }

  repairAllocation(roundId: string): Observable<AllocationOutcome> {
    return this.gql.request(RepairAllocationDocument, { roundId }).pipe(map((r) => r.repairAllocation));
  }

  lockAllocation(roundId: string): Observable<LockAllocationMutation['lockAllocation']> {
    return this.gql.request(LockAllocationDocument, { roundId }).pipe(map((r) => r.lockAllocation));
  }

  addReviewer(analysisId: string, reviewerId: string): Observable<AddReviewerMutation['addReviewer']> {
    return this.gql.request(AddReviewerDocument, { analysisId, reviewerId }).pipe(map((r) => r.addReviewer));
  }

  removeReviewer(assignmentId: string): Observable<RemoveReviewerMutation['removeReviewer']> {
    return this.gql.request(RemoveReviewerDocument, { assignmentId }).pipe(map((r) => r.removeReviewer));
  }

  /**
   * E-mails participants one reminder of what each has missed, with the leader's own words, in one
   * action (all or none); `sendsAt` is set when the quiet hours hold the mail.
   */
  nudge(cohortId: string, personIds: readonly string[], message: string | null): Observable<NudgeOutcomes> {
    return this.gql
      .request(NudgeParticipantsDocument, { input: { cohortId, personIds: [...personIds], message } })
      .pipe(map((r) => r.nudgeParticipants));
  }

  swapReviewer(
    assignmentId: string,
    newReviewerId: string,
  ): Observable<SwapReviewerMutation['swapReviewer']> {
    return this.gql
      .request(SwapReviewerDocument, { assignmentId, newReviewerId })
      .pipe(map((r) => r.swapReviewer));
  }
}
