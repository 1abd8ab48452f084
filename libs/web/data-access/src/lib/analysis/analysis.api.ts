import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  AnalysisEditorDocument,
  PublishAnalysisDocument,
  ReadAnalysisDocument,
  SaveAnalysisDraftDocument,
  SharedSpaceDocument,
} from '../../generated/graphql';
import type {
  AnalysisEditorQuery,
  PublishAnalysisInput,
  PublishAnalysisMutation,
  ReadAnalysisQuery,
  SaveAnalysisDraftInput,
  SaveAnalysisDraftMutation,
  SharedSpaceQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type EditorData = AnalysisEditorQuery;
export type TemplateSection = AnalysisEditorQuery['analysisRound']['templateVersion']['sections'][number];
export type SavedDraft = SaveAnalysisDraftMutation['saveAnalysisDraft'];
export type PublishedAnalysis = PublishAnalysisMutation['publishAnalysis'];
export type SharedSpacePage = SharedSpaceQuery;
export type SharedAnalysis = SharedSpaceQuery['sharedSpace']['nodes'][number];
export type ReadableAnalysis = ReadAnalysisQuery['analysis'];

/** Writing, publishing and reading analyses. */
@Injectable({ providedIn: 'root' })
export class AnalysisApi {
  private readonly gql = inject(GraphqlClient);

  editor(cohortId: string, roundId: string): Observable<AnalysisEditorQuery> {
    return this.gql.request(AnalysisEditorDocument, { cohortId, roundId });
  }

  /** Autosave: refused with EDIT_CONFLICT (carrying the newer text) when the draft moved on. */
  saveDraft(input: SaveAnalysisDraftInput): Observable<SaveAnalysisDraftMutation> {
    return this.gql.request(SaveAnalysisDraftDocument, { input });
  }

  publish(input: PublishAnalysisInput): Observable<PublishAnalysisMutation> {
    return this.gql.request(PublishAnalysisDocument, { input });
  }

  sharedSpace(cohortId: string, roundId: string | null, after: string | null): Observable<SharedSpaceQuery> {
    return this.gql.request(SharedSpaceDocument, { cohortId, roundId, after });
  }

  read(id: string): Observable<ReadAnalysisQuery> {
    return this.gql.request(ReadAnalysisDocument, { id });
  }
}
