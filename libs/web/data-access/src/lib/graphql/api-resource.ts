import type { ResourceRef } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { catchError, throwError } from 'rxjs';
import { toApiError } from './api-error';

/**
 * Data a page loads from the API, as an Angular resource: `value()` once it has arrived, `status()`
 * for loading / reloading / error, `error()` always an ApiError (so the page can say what went
 * wrong in the reader's language), `reload()` to try again. Render it with `*stlLoad` from
 * @stl/web/ui, which draws the loading, error-with-retry and ready states the same way everywhere.
 *
 * With `params`, the request is made again whenever the params change (a route input, a filter);
 * returning `undefined` from params leaves the resource idle (nothing to load yet).
 */
export function apiResource<T, P = true>(options: {
  params?: () => P | undefined;
  stream: (params: P) => Observable<T>;
}): ResourceRef<T | undefined> {
  return rxResource<T, P | undefined>({
    params: options.params ?? (() => true as P),
    stream: ({ params }) =>
      options.stream(params as P).pipe(catchError((e: unknown) => throwError(() => toApiError(e)))),
  });
}
