import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  CohortFollowUpDocument,
  CohortOverviewDocument,
  LeaderToDoDocument,
  MyCohortsDocument,
  MyOpenReviewTasksDocument,
  MyProgressDocument,
} from '../../generated/graphql';
import type {
  CohortFollowUpQuery,
  CohortOverviewQuery,
  LeaderToDoQuery,
  MyCohortsQuery,
  MyOpenReviewTasksQuery,
  MyProgressQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type CohortSummary = MyCohortsQuery['cohorts']['nodes'][number];
export type CohortDetail = CohortOverviewQuery['cohort'];
export type Meeting = CohortSummary['meetings'][number];
export type Round = CohortSummary['rounds'][number];
export type MyProgress = MyProgressQuery['myProgress'];
export type ReviewTask = MyOpenReviewTasksQuery['myReviewTasks'][number];
export type CohortFollowUp = CohortFollowUpQuery;
export type LeaderTask = LeaderToDoQuery['leaderToDo'][number];

/** Cohorts, their meetings and rounds, and progress as each role may see it. */
@Injectable({ providedIn: 'root' })
export class CohortApi {
  private readonly gql = inject(GraphqlClient);

  myCohorts(): Observable<MyCohortsQuery> {
    return this.gql.request(MyCohortsDocument);
  }

  overview(id: string): Observable<CohortOverviewQuery> {
    return this.gql.request(CohortOverviewDocument, { id });
  }

  /** A participant's own progress (no one else's). */
  myProgress(cohortId: string): Observable<MyProgressQuery> {
    return this.gql.request(MyProgressDocument, { cohortId });
  }

  myOpenReviewTasks(cohortId: string): Observable<MyOpenReviewTasksQuery> {
    return this.gql.request(MyOpenReviewTasksDocument, { cohortId });
  }

  /** My to-do as course leader across the open cohorts I lead, oldest first (empty for anyone else). */
  leaderToDo(): Observable<LeaderToDoQuery> {
    return this.gql.request(LeaderToDoDocument);
  }

  /** Leaders: the whole cohort; school leaders: their own school's teachers. Never analysis text. */
  followUp(cohortId: string): Observable<CohortFollowUpQuery> {
    return this.gql.request(CohortFollowUpDocument, { cohortId });
  }
}
