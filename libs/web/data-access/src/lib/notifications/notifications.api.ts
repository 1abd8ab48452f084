import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  FailedMailDocument,
  MarkMailDeliveredDocument,
  MyNotificationPreferencesDocument,
  ResendUnconfirmedMailDocument,
  RetryMailDocument,
  SetDigestModeDocument,
  SetNotificationPreferenceDocument,
} from '../../generated/graphql';
import type {
  FailedMailQuery,
  MailKind,
  MarkMailDeliveredMutation,
  NotificationPreferencesFieldsFragment,
  ResendUnconfirmedMailMutation,
  RetryMailMutation,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type NotificationPreferences = NotificationPreferencesFieldsFragment;
export type FailedMailPage = FailedMailQuery['failedMail'];
export type FailedMail = FailedMailPage['nodes'][number];

/** The signed-in person's e-mail choices, and (administrators) mail that could not be delivered. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly gql = inject(GraphqlClient);

  preferences(): Observable<NotificationPreferences> {
    return this.gql.request(MyNotificationPreferencesDocument).pipe(map((r) => r.myNotificationPreferences));
  }

  setKind(kind: MailKind, enabled: boolean): Observable<NotificationPreferences> {
    return this.gql
      .request(SetNotificationPreferenceDocument, { kind, enabled })
      .pipe(map((r) => r.setNotificationPreference));
  }

  /** Daily digest on or off; switching it off sends what was waiting for the digest. */
  setDigest(daily: boolean): Observable<NotificationPreferences> {
    return this.gql.request(SetDigestModeDocument, { daily }).pipe(map((r) => r.setDigestMode));
  }

  failedMail(organisationId: string, after?: string | null): Observable<FailedMailPage> {
    return this.gql
      .request(FailedMailDocument, { organisationId, first: 50, after: after ?? null })
      .pipe(map((r) => r.failedMail));
  }

  retry(id: string): Observable<RetryMailMutation['retryMail']> {
    return this.gql.request(RetryMailDocument, { id }).pipe(map((r) => r.retryMail));
  }

  /** Sends an UNCONFIRMED mail again: the recipient may get two copies. */
  resendUnconfirmed(id: string): Observable<ResendUnconfirmedMailMutation['resendUnconfirmedMail']> {
    return this.gql.request(ResendUnconfirmedMailDocument, { id }).pipe(map((r) => r.resendUnconfirmedMail));
  }

  /** Records an UNCONFIRMED mail as delivered. */
  markDelivered(id: string): Observable<MarkMailDeliveredMutation['markMailDelivered']> {
    return this.gql.request(MarkMailDeliveredDocument, { id }).pipe(map((r) => r.markMailDelivered));
  }
}
