import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  MySelfAssessmentsDocument,
  SelfAssessmentQuestionsDocument,
  SelfAssessmentResultsDocument,
  SetSelfAssessmentQuestionsDocument,
  SubmitSelfAssessmentDocument,
} from '../../generated/graphql';
import type {
  MySelfAssessmentsQuery,
  SelfAssessmentQuestionFieldsFragment,
  SelfAssessmentResultsQuery,
  SetSelfAssessmentQuestionsInput,
  SubmitSelfAssessmentInput,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type { SelfAssessmentPhase, SelfAssessmentTheme } from '../../generated/graphql';
export type SelfAssessmentPrompt = MySelfAssessmentsQuery['mySelfAssessments'][number];
export type SelfAssessmentQuestion = SelfAssessmentQuestionFieldsFragment;
export type SelfAssessmentResults = SelfAssessmentResultsQuery['selfAssessmentResults'];
export type SelfAssessmentGroup = SelfAssessmentResults['byCohort'][number];

/** Self-assessment before and after a cohort (issue 14, ADR 0034). */
@Injectable({ providedIn: 'root' })
export class SelfAssessmentApi {
  private readonly gql = inject(GraphqlClient);

  myPrompts(): Observable<SelfAssessmentPrompt[]> {
    return this.gql.request(MySelfAssessmentsDocument).pipe(map((r) => r.mySelfAssessments));
  }

  questions(organisationId: string): Observable<SelfAssessmentQuestion[]> {
    return this.gql
      .request(SelfAssessmentQuestionsDocument, { organisationId })
      .pipe(map((r) => r.selfAssessmentQuestions));
  }

  submit(input: SubmitSelfAssessmentInput): Observable<unknown> {
    return this.gql.request(SubmitSelfAssessmentDocument, { input });
  }

  setQuestions(input: SetSelfAssessmentQuestionsInput): Observable<SelfAssessmentQuestion[]> {
    return this.gql
      .request(SetSelfAssessmentQuestionsDocument, { input })
      .pipe(map((r) => r.setSelfAssessmentQuestions));
  }

  results(organisationId: string, schoolYear: string | null = null): Observable<SelfAssessmentResults> {
    return this.gql
      .request(SelfAssessmentResultsDocument, { organisationId, schoolYear })
      .pipe(map((r) => r.selfAssessmentResults));
  }
}
