import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { EndMySessionDocument, MySessionsDocument, SignOutEverywhereDocument } from '../../generated/graphql';
import type { SessionFieldsFragment } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

/** One place where I am signed in (never the token). */
export type MySession = SessionFieldsFragment;

/** My own sessions: list them, end one, or sign out everywhere else. */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly gql = inject(GraphqlClient);

  list(): Observable<MySession[]> {
    return this.gql.request(MySessionsDocument).pipe(map((r) => r.mySessions));
  }

  end(id: string): Observable<boolean> {
    return this.gql.request(EndMySessionDocument, { id }).pipe(map((r) => r.endMySession));
  }

  /** Ends all my other sessions (this one stays); answers how many ended. */
  endAllOthers(): Observable<number> {
    return this.gql
      .request(SignOutEverywhereDocument, { keepThisSession: true })
      .pipe(map((r) => r.signOutEverywhere));
  }
}
