import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  ErasePersonDocument,
  RecordOfProcessingDocument,
  RetentionScheduleDocument,
  SetRetentionScheduleDocument,
} from '../../generated/graphql';
import type {
  ErasePersonMutation,
  RecordOfProcessingQuery,
  RetentionRuleFieldsFragment,
  RetentionRuleInput,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type RetentionRule = RetentionRuleFieldsFragment;
export type RecordOfProcessing = RecordOfProcessingQuery['recordOfProcessing'];
export type PersonErasure = ErasePersonMutation['erasePerson'];
export type { RetentionRuleInput };

/** Where a person's access export is downloaded (plain HTTP, ADR 0020 and 0030). */
export function personExportUrl(personId: string | 'me', format: 'json' | 'html' | 'zip'): string {
  return personId === 'me' ? `/export/me/data.${format}` : `/export/people/${personId}/data.${format}`;
}

/** Erasure, the retention schedule and the record of processing (ADR 0030); administrators only. */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly gql = inject(GraphqlClient);

  retention(organisationId: string): Observable<RetentionRule[]> {
    return this.gql
      .request(RetentionScheduleDocument, { organisationId })
      .pipe(map((r) => r.retentionSchedule.rules));
  }

  saveRetention(organisationId: string, rules: RetentionRuleInput[]): Observable<RetentionRule[]> {
    return this.gql
      .request(SetRetentionScheduleDocument, { input: { organisationId, rules } })
      .pipe(map((r) => r.setRetentionSchedule.rules));
  }

  recordOfProcessing(organisationId: string): Observable<RecordOfProcessing> {
    return this.gql
      .request(RecordOfProcessingDocument, { organisationId })
      .pipe(map((r) => r.recordOfProcessing));
  }

  erase(personId: string, confirmation: string): Observable<PersonErasure> {
    return this.gql
      .request(ErasePersonDocument, { input: { personId, confirmation } })
      .pipe(map((r) => r.erasePerson));
  }
}
