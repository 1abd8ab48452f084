import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  AnalysisEditorDocument,
  PublishAnalysisDocument,
  ReadAnalysisDocument,
  SaveAnalysisDraftDocument,
  SearchSharedSpaceDocument,
  SharedSpaceDocument,
} from '../../generated/graphql';
import type {
  AnalysisEditorQuery,
  PublishAnalysisInput,
  PublishAnalysisMutation,
  ReadAnalysisQuery,
  SaveAnalysisDraftInput,
  SaveAnalysisDraftMutation,
  SearchSharedSpaceQuery,
  SharedSpaceQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type EditorData = AnalysisEditorQuery;
export type TemplateSection = AnalysisEditorQuery['analysisRound']['templateVersion']['sections'][number];
export type SavedDraft = SaveAnalysisDraftMutation['saveAnalysisDraft'];
export type PublishedAnalysis = PublishAnalysisMutation['publishAnalysis'];
export type SharedSpacePage = SharedSpaceQuery;
export type SharedAnalysis = SharedSpaceQuery['sharedSpace']['nodes'][number];
/** One hit of the shared-space search: the analysis and its excerpt in parts (plain text). */
export type SharedSpaceHit = SearchSharedSpaceQuery['searchSharedSpace']['nodes'][number];
export type ReadableAnalysis = ReadAnalysisQuery['analysis'];

/** The round and school a shared-space list or search is narrowed to (null: all). */
export interface SharedSpaceFilters {
  roundId: string | null;
  schoolId: string | null;
}

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

  /** The shared space, newest first; filters as in the URL (null: all). */
  sharedSpace(
    cohortId: string,
    filters: SharedSpaceFilters,
    after: string | null,
  ): Observable<SharedSpaceQuery> {
    return this.gql.request(SharedSpaceDocument, { cohortId, ...filters, after });
  }

  /** The shared space searched in Swedish, best match first, with the same filters. */
  searchSharedSpace(
    cohortId: string,
    query: string,
    filters: SharedSpaceFilters,
    after: string | null,
  ): Observable<SearchSharedSpaceQuery> {
    return this.gql.request(SearchSharedSpaceDocument, { cohortId, query, ...filters, after });
  }

  read(id: string): Observable<ReadAnalysisQuery> {
    return this.gql.request(ReadAnalysisDocument, { id });
  }
}
