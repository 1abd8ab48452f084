import DataLoader from 'dataloader';

const LOADERS = Symbol('stl:loaders');

type Holder = { [LOADERS]?: Map<string, DataLoader<unknown, unknown>> };

/**
 * A DataLoader that lives for one request (stored on the request object), so every relation that
 * a list resolves is fetched in one query per kind, not one per row.
 *
 * `batch` gets the distinct keys and returns a Map; missing keys resolve to `fallback`.
 */
export function requestLoader<K, V>(
  req: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<Map<K, V>>,
  fallback: V,
): DataLoader<K, V> {
  const holder = req as Holder;
  holder[LOADERS] ??= new Map();
  let loader = holder[LOADERS].get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(async (keys) => {
      const found = await batch(keys);
      return keys.map((k) => (found.has(k) ? (found.get(k) as V) : fallback));
    });
    holder[LOADERS].set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Groups rows into a Map by a key, for one-to-many loaders. */
export function groupBy<K, V>(rows: V[], key: (row: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
