import type { EntityManager, EntityTarget } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { BaseEntity } from './base.entity';

/**
 * Writes changes to an entity the command has already read (under its lock) in one UPDATE, and
 * applies them to the object it returns. TypeORM's `save` of a loaded entity reads the row again
 * to find what changed before it updates: a statement per write that the hot writes of issue 13
 * (a draft saved every few seconds while a teacher types) do not need. `updatedAt` is set to `now`
 * in the same statement, so the returned object matches the row.
 */
export async function updateLoaded<T extends BaseEntity>(
  m: EntityManager,
  target: EntityTarget<T>,
  entity: T,
  changes: Partial<T>,
  now: Date,
): Promise<T> {
  const values = { ...changes, updatedAt: now };
  await m.update(target, { id: entity.id } as never, values as QueryDeepPartialEntity<T>);
  return Object.assign(entity, values);
}
