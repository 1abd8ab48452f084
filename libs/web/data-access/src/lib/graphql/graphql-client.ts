import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Observable, Subject, catchError, map, tap, throwError } from 'rxjs';
import { ApiError, apiErrorFrom } from './api-error';
import type { GraphqlErrorShape } from './api-error';

/** Where the API answers; the app is served from the API's origin, so a path is enough. */
export const GRAPHQL_URL = new InjectionToken<string>('GRAPHQL_URL', {
  providedIn: 'root',
  factory: () => '/graphql',
});

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlErrorShape[];
}

/**
 * A small typed GraphQL client over HttpClient. Operations are generated from the API's schema
 * (generated/graphql.ts) as typed strings, so the browser ships no GraphQL parser. The session
 * cookie goes along with every request; failures arrive as ApiError.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly url = inject(GRAPHQL_URL);
  private readonly sessionLost = new Subject<void>();

  /** Emits when the API says the session is gone (expired, or signed out elsewhere). */
  readonly unauthenticated$ = this.sessionLost.asObservable();

  request<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Observable<TResult> {
    return this.http
      .post<GraphqlResponse<TResult>>(
        this.url,
        { query: String(document), variables: variables ?? {} },
        { withCredentials: true },
      )
      .pipe(
        catchError((e: unknown) => throwError(() => fromHttpError(e))),
        map((res) => {
          if (res.errors?.length) throw apiErrorFrom(res.errors[0]);
          if (!res.data) throw new ApiError('UNKNOWN', 'The API answered without data.');
          return res.data;
        }),
        tap({
          error: (e: unknown) => {
            if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') this.sessionLost.next();
          },
        }),
      );
  }
}

function fromHttpError(e: unknown): ApiError {
  if (!(e instanceof HttpErrorResponse)) return new ApiError('UNKNOWN', String(e));
  // Status 0: the request never got an answer (offline, server down).
  if (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504) return ApiError.network();
  // GraphQL validation errors come back as 400 with the usual error list.
  const body = e.error as GraphqlResponse<unknown> | null;
  if (body && Array.isArray(body.errors) && body.errors.length) return apiErrorFrom(body.errors[0]);
  return new ApiError('UNKNOWN', e.message);
}
