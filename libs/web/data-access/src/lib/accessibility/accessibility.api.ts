import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  AccessibilityContactDocument,
  AccessibilityReportOrganisationsDocument,
  ReportAccessibilityProblemDocument,
  SetAccessibilityContactDocument,
} from '../../generated/graphql';
import type {
  AccessibilityContactQuery,
  AccessibilityReportOrganisationsQuery,
  ReportAccessibilityProblemInput,
  ReportAccessibilityProblemMutation,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type AccessibilityReportOrganisation =
  AccessibilityReportOrganisationsQuery['accessibilityReportOrganisations'][number];
export type AccessibilityReportReceipt = ReportAccessibilityProblemMutation['reportAccessibilityProblem'];
export type AccessibilityContact = AccessibilityContactQuery['accessibilityContact'];
export type { ReportAccessibilityProblemInput };

/** The accessibility statement's report form, and who receives the reports (issue 12). */
@Injectable({ providedIn: 'root' })
export class AccessibilityApi {
  private readonly gql = inject(GraphqlClient);

  organisations(): Observable<AccessibilityReportOrganisation[]> {
    return this.gql
      .request(AccessibilityReportOrganisationsDocument)
      .pipe(map((r) => r.accessibilityReportOrganisations));
  }

  report(input: ReportAccessibilityProblemInput): Observable<AccessibilityReportReceipt> {
    return this.gql
      .request(ReportAccessibilityProblemDocument, { input })
      .pipe(map((r) => r.reportAccessibilityProblem));
  }

  contact(organisationId: string): Observable<AccessibilityContact> {
    return this.gql
      .request(AccessibilityContactDocument, { organisationId })
      .pipe(map((r) => r.accessibilityContact));
  }

  setContact(organisationId: string, email: string | null): Observable<AccessibilityContact> {
    return this.gql
      .request(SetAccessibilityContactDocument, { input: { organisationId, email } })
      .pipe(map((r) => r.setAccessibilityContact));
  }
}
