import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  MyCalendarFeedDocument,
  RenewCalendarFeedDocument,
  TurnOffCalendarFeedDocument,
} from '../../generated/graphql';
import type { MyCalendarFeedQuery, RenewCalendarFeedMutation } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type CalendarFeedStatus = MyCalendarFeedQuery['myCalendarFeed'];
export type CalendarFeedLink = RenewCalendarFeedMutation['renewCalendarFeed'];

/** My private calendar URL (issue 14, ADR 0034): its status, a new one (shown once), off. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedApi {
  private readonly gql = inject(GraphqlClient);

  status(): Observable<CalendarFeedStatus> {
    return this.gql.request(MyCalendarFeedDocument).pipe(map((r) => r.myCalendarFeed));
  }

  renew(): Observable<CalendarFeedLink> {
    return this.gql.request(RenewCalendarFeedDocument).pipe(map((r) => r.renewCalendarFeed));
  }

  turnOff(): Observable<CalendarFeedStatus> {
    return this.gql.request(TurnOffCalendarFeedDocument).pipe(map((r) => r.turnOffCalendarFeed));
  }
}
