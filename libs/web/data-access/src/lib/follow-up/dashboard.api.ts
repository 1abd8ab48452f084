import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { OrganisationDashboardDocument } from '../../generated/graphql';
import type { DashboardFiguresFragment, OrganisationDashboardQuery } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type OrganisationDashboard = OrganisationDashboardQuery['organisationDashboard'];
export type DashboardFigures = DashboardFiguresFragment;

/** What the dashboard is narrowed to; null for "all" (the API picks the school year). */
export interface DashboardFilter {
  schoolYear: string | null;
  schoolId: string | null;
  cohortId: string | null;
}

/** The organisation dashboard (issue 14): figures across cohorts, schools and school years. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly gql = inject(GraphqlClient);

  dashboard(filter: DashboardFilter): Observable<OrganisationDashboard> {
    return this.gql.request(OrganisationDashboardDocument, filter).pipe(map((r) => r.organisationDashboard));
  }
}
