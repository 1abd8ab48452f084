import { Kind } from 'graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, below the field being resolved, for the field at `path` (for a page of
 * cohorts: `['nodes', 'meetings']`), through fragments and inline fragments alike. @skip and
 * @include are not weighed: a field that may be asked for counts as asked, so the answer only
 * decides whether something is read ahead, never what a reader sees.
 */
export function asksFor(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const [i, name] of path.entries()) {
    const found: SelectionSetNode[] = [];
    let asked = false;
    const visit = (set: SelectionSetNode): void => {
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value !== name) continue;
          asked = true;
          if (s.selectionSet) found.push(s.selectionSet);
        } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
        else {
          const fragment = info.fragments[s.name.value];
          if (fragment) visit(fragment.selectionSet);
        }
      }
    };
    sets.forEach(visit);
    if (!asked) return false;
    if (i === path.length - 1) return true;
    sets = found;
  }
  return true;
}
