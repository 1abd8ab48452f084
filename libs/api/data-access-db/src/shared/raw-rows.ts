import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from hand-written SQL, for the hot reads that join or aggregate more than TypeORM's
 * finders can say in one statement (issue 13). `selectColumns` names an entity's columns under a
 * prefix; `hydrate` turns such a row back into the entity exactly as TypeORM's own hydration does
 * (the driver's `prepareHydratedValue`: dates, numbers, transformers), so a hand-written read and a
 * `find` give the same objects. Columns declared `select: false` (secrets) are never selected.
 */
export function selectColumns<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  prefix: string,
): string {
  return m.connection
    .getMetadata(target)
    .columns.filter((c) => c.isSelect && !c.isVirtual)
    .map((c) => `"${alias}"."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

/** The entity of `target` from the columns `selectColumns` named under `prefix` in `row`. */
export function hydrate<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
): T {
  const metadata = m.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect || column.isVirtual) continue;
    const value = row[prefix + column.databaseName];
    column.setEntityValue(entity, m.connection.driver.prepareHydratedValue(value, column));
  }
  return entity;
}
