import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { EMPTY, expand, map, reduce } from 'rxjs';
import {
  AnswerFeedbackExampleDocument,
  AskToShowFeedbackDocument,
  ChooseNextStepDocument,
  CommentOnFeedbackDocument,
  FeedbackFormDocument,
  GiveFeedbackDocument,
  MarkFeedbackHelpfulDocument,
  MyFeedbackReceivedDocument,
  ReceivedFeedbackOnAnalysisDocument,
  ReplyToFeedbackDocument,
  ReviewTasksDocument,
  SchoolCohortProgressDocument,
  SchoolCohortsDocument,
  StartLeaderFeedbackDocument,
} from '../../generated/graphql';
import type {
  AnswerFeedbackExampleMutation,
  AskToShowFeedbackMutation,
  ChooseNextStepMutation,
  CommentOnFeedbackMutation,
  FeedbackFormQuery,
  FeedbackInput,
  GiveFeedbackMutation,
  MarkFeedbackHelpfulMutation,
  MyFeedbackReceivedQuery,
  ReceivedFeedbackOnAnalysisQuery,
  ReplyToFeedbackMutation,
  StartLeaderFeedbackMutation,
  ReviewCommentFieldsFragment,
  ReviewFeedbackFieldsFragment,
  ReviewTasksQuery,
  SchoolCohortProgressQuery,
  SchoolCohortsQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type { FeedbackInput } from '../../generated/graphql';
export type ReviewTasksData = ReviewTasksQuery;
export type ReviewTaskRow = ReviewTasksQuery['myReviewTasks'][number];
export type FeedbackReceivedData = MyFeedbackReceivedQuery;
export type ParticipantProgressFacts = MyFeedbackReceivedQuery['myProgress'];
export type AnalysisWithFeedback = MyFeedbackReceivedQuery['sharedSpace']['nodes'][number];
export type ReceivedFeedbackAnalysis = ReceivedFeedbackOnAnalysisQuery['analysis'];
export type FeedbackFormData = FeedbackFormQuery;
export type FeedbackItem = ReviewFeedbackFieldsFragment;
export type FeedbackCommentItem = ReviewCommentFieldsFragment;
export type SchoolCohortsData = SchoolCohortsQuery;
export type SchoolCohort = SchoolCohortsQuery['cohorts']['nodes'][number];
export type SchoolParticipantProgress = SchoolCohortProgressQuery['cohortProgress']['nodes'][number];

/** Critical-friend tasks, feedback (give, reply, mark helpful, leader notes) and progress. */
@Injectable({ providedIn: 'root' })
export class ReviewApi {
  private readonly gql = inject(GraphqlClient);

  /** My critical-friend (or course-leader) tasks in a cohort, done and open. */
  tasks(cohortId: string): Observable<ReviewTasksQuery> {
    return this.gql.request(ReviewTasksDocument, { cohortId });
  }

  /** A participant's own progress and the feedback on their published analyses. */
  received(cohortId: string, authorId: string): Observable<MyFeedbackReceivedQuery> {
    return this.gql.request(MyFeedbackReceivedDocument, { cohortId, authorId });
  }

  receivedOn(analysisId: string): Observable<ReceivedFeedbackOnAnalysisQuery> {
    return this.gql.request(ReceivedFeedbackOnAnalysisDocument, { id: analysisId });
  }

  form(cohortId: string, analysisId: string): Observable<FeedbackFormQuery> {
    return this.gql.request(FeedbackFormDocument, { cohortId, analysisId });
  }

  /** Final once given; refused with STALE_VERSION when the author published again meanwhile. */
  /** Course leaders: their leader-feedback assignment on a published analysis, made now if allocation has not. */
  startLeaderFeedback(analysisId: string): Observable<StartLeaderFeedbackMutation> {
    return this.gql.request(StartLeaderFeedbackDocument, { analysisId });
  }

  give(assignmentId: string, input: FeedbackInput): Observable<GiveFeedbackMutation> {
    return this.gql.request(GiveFeedbackDocument, { assignmentId, input });
  }

  reply(feedbackId: string, body: string): Observable<ReplyToFeedbackMutation> {
    return this.gql.request(ReplyToFeedbackDocument, { feedbackId, body });
  }

  /** Course leaders: a note on the quality of a critical friend's feedback. */
  leaderNote(feedbackId: string, body: string): Observable<CommentOnFeedbackMutation> {
    return this.gql.request(CommentOnFeedbackDocument, { feedbackId, body });
  }

  /** The analysis author marks the next step they will try (null takes it back), ADR 0035. */
  chooseNextStep(feedbackId: string, step: string | null): Observable<ChooseNextStepMutation> {
    return this.gql.request(ChooseNextStepDocument, { feedbackId, step });
  }

  /** A course leader asks the writer whether the feedback may be shown as a good example. */
  askToShowFeedback(feedbackId: string): Observable<AskToShowFeedbackMutation> {
    return this.gql.request(AskToShowFeedbackDocument, { feedbackId });
  }

  /** The writer answers (or changes the answer). */
  answerFeedbackExample(feedbackId: string, consent: boolean): Observable<AnswerFeedbackExampleMutation> {
    return this.gql.request(AnswerFeedbackExampleDocument, { feedbackId, consent });
  }

  markHelpful(feedbackId: string, helpful: boolean): Observable<MarkFeedbackHelpfulMutation> {
    return this.gql.request(MarkFeedbackHelpfulDocument, { feedbackId, helpful });
  }

  schoolCohorts(): Observable<SchoolCohortsQuery> {
    return this.gql.request(SchoolCohortsDocument);
  }

  /** Every participant's progress facts (all pages): never analysis or feedback text. */
  schoolProgress(cohortId: string): Observable<SchoolParticipantProgress[]> {
    const page = (after: string | null) =>
      this.gql.request(SchoolCohortProgressDocument, { cohortId, after });
    return page(null).pipe(
      expand((res) =>
        res.cohortProgress.pageInfo.hasNextPage ? page(res.cohortProgress.pageInfo.endCursor ?? null) : EMPTY,
      ),
      map((res) => res.cohortProgress.nodes),
      reduce((all, nodes) => [...all, ...nodes], [] as SchoolParticipantProgress[]),
    );
  }
}
