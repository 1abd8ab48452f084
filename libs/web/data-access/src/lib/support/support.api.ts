import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { SetSupportThresholdsDocument, SupportThresholdsDocument } from '../../generated/graphql';
import type { SetSupportThresholdsInput, SupportThresholdsFieldsFragment } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type SupportThresholds = SupportThresholdsFieldsFragment;
export type { SetSupportThresholdsInput };

/** The organisation's thresholds of the support signal (course rule 8). */
@Injectable({ providedIn: 'root' })
export class SupportApi {
  private readonly gql = inject(GraphqlClient);

  /** Readable by anyone of the organisation; the defaults until its administrators set their own. */
  thresholds(organisationId: string): Observable<SupportThresholds> {
    return this.gql
      .request(SupportThresholdsDocument, { organisationId })
      .pipe(map((r) => r.supportThresholds));
  }

  /** Administrators of the organisation only. */
  save(input: SetSupportThresholdsInput): Observable<SupportThresholds> {
    return this.gql.request(SetSupportThresholdsDocument, { input }).pipe(map((r) => r.setSupportThresholds));
  }
}
