import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  DraftHistoryDocument,
  DraftSnapshotDocument,
  PublishedVersionsDocument,
} from '../../generated/graphql';
import type { DraftHistoryQuery, DraftSnapshotQuery, PublishedVersionsQuery } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type DraftHistoryPage = DraftHistoryQuery['analysisDraftHistory'];
export type DraftSnapshotSummary = DraftHistoryPage['nodes'][number];
export type DraftSnapshot = DraftSnapshotQuery['analysisDraftSnapshot'];
export type PublishedVersion = PublishedVersionsQuery['analysis']['versions'][number];

/** The author's version history (ADR 0028): earlier drafts, texts set aside, published versions. */
@Injectable({ providedIn: 'root' })
export class DraftHistoryApi {
  private readonly gql = inject(GraphqlClient);

  /** My draft's snapshots, newest first, 20 a page. */
  page(analysisId: string, after: string | null): Observable<DraftHistoryQuery> {
    return this.gql.request(DraftHistoryDocument, { analysisId, after });
  }

  snapshot(id: string): Observable<DraftSnapshotQuery> {
    return this.gql.request(DraftSnapshotDocument, { id });
  }

  /** The published versions with their text, oldest first. */
  published(analysisId: string): Observable<PublishedVersionsQuery> {
    return this.gql.request(PublishedVersionsDocument, { analysisId });
  }
}
