import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  SchoolHolidaysDocument,
  SetSchoolHolidaysDocument,
  SetSupportThresholdsDocument,
  SupportThresholdsDocument,
} from '../../generated/graphql';
import type {
  SchoolHolidaysFieldsFragment,
  SetSchoolHolidaysInput,
  SetSupportThresholdsInput,
  SupportThresholdsFieldsFragment,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type SupportThresholds = SupportThresholdsFieldsFragment;
export type { SetSupportThresholdsInput };
export type SchoolHolidays = SchoolHolidaysFieldsFragment;
export type { SetSchoolHolidaysInput };

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

  /** The organisation's school holidays of a school year, or the defaults; anyone of the organisation. */
  holidays(organisationId: string, schoolYear: string): Observable<SchoolHolidays> {
    return this.gql
      .request(SchoolHolidaysDocument, { organisationId, schoolYear })
      .pipe(map((r) => r.schoolHolidays));
  }

  /** Administrators of the organisation only; an empty list goes back to the defaults. */
  saveHolidays(input: SetSchoolHolidaysInput): Observable<SchoolHolidays> {
    return this.gql.request(SetSchoolHolidaysDocument, { input }).pipe(map((r) => r.setSchoolHolidays));
  }
}
