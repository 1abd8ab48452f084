import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { AuditEventsDocument } from '../../generated/graphql';
import type {
  AuditEventFieldsFragment,
  AuditEventKind,
  AuditEventsFilterInput,
  AuditEventsQuery,
  AuditOutcome,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type AuditEvent = AuditEventFieldsFragment;
export type AuditEventPage = AuditEventsQuery['auditEvents'];
export type { AuditEventKind, AuditEventsFilterInput, AuditOutcome };

/** The organisation's audit log (ADR 0029): its administrators only. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly gql = inject(GraphqlClient);

  events(
    organisationId: string,
    filter: AuditEventsFilterInput,
    first: number,
    after: string | null,
  ): Observable<AuditEventPage> {
    return this.gql
      .request(AuditEventsDocument, { organisationId, filter, first, after })
      .pipe(map((r) => r.auditEvents));
  }
}
