import type { EntityManager } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` or `DELETE … RETURNING` gave back. TypeORM's PostgreSQL driver
 * answers those two commands with `[rows, rowCount]`, and a plain array of rows otherwise.
 */
export async function changedRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const raw: unknown = await m.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return raw[0] as T[];
  }
  return raw as T[];
}
