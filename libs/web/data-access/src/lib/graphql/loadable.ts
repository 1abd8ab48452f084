import type { Observable } from 'rxjs';
import { catchError, map, of, startWith } from 'rxjs';
import { toApiError } from './api-error';
import type { ApiError } from './api-error';

/** What a page shows while it loads data: loading, the data, or an error to explain. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export const LOADING: Loadable<never> = { status: 'loading' };

/** Wraps a request so a page can render every state from one signal (with toSignal). */
export function loadable<T>(source: Observable<T>): Observable<Loadable<T>> {
  return source.pipe(
    map((data): Loadable<T> => ({ status: 'ready', data })),
    catchError((e: unknown) => of<Loadable<T>>({ status: 'error', error: toApiError(e) })),
    startWith<Loadable<T>>(LOADING),
  );
}
