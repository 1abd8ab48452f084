import type { EntityMetadata } from 'typeorm';
import type { PersonDataHandler } from './person-data';

/** `table.column` of every column that references `person` directly, from TypeORM's metadata. */
export function personReferences(metadatas: readonly EntityMetadata[]): string[] {
  return metadatas
    .flatMap((meta) =>
      meta.manyToOneRelations
        .concat(meta.oneToOneRelations.filter((r) => r.isOwning))
        .filter((r) => r.inverseEntityMetadata.tableName === 'person')
        .flatMap((r) => r.joinColumns.map((c) => `${meta.tableName}.${c.databaseName}`)),
    )
    .sort();
}

/**
 * The person references no handler covers (the privacy coverage test fails naming them), and the
 * handlers' columns that reference nothing (a handler left behind by a renamed column).
 */
export function uncoveredPersonReferences(
  metadatas: readonly EntityMetadata[],
  handlers: readonly PersonDataHandler[],
): { missing: string[]; stale: string[] } {
  const tableOf = new Map(metadatas.map((m) => [m.target, m.tableName]));
  const covered = new Set(
    handlers.flatMap((h) => h.personColumns.map((c) => `${tableOf.get(h.entity) ?? '?'}.${c}`)),
  );
  const found = personReferences(metadatas);
  return {
    missing: found.filter((ref) => !covered.has(ref)),
    stale: [...covered].filter((ref) => !found.includes(ref)).sort(),
  };
}
