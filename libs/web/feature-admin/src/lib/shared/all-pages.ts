import { firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';

interface Page<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node of a paginated list, page after page (for lists a screen shows whole). */
export async function allPages<N>(page: (after: string | null) => Observable<Page<N>>): Promise<N[]> {
  const all: N[] = [];
  let after: string | null = null;
  for (;;) {
    const current: Page<N> = await firstValueFrom(page(after));
    all.push(...current.nodes);
    if (!current.pageInfo.hasNextPage || !current.pageInfo.endCursor) return all;
    after = current.pageInfo.endCursor;
  }
}
