import type { Db } from 'pg-boss';
import type { EntityManager } from 'typeorm';

/**
 * pg-boss runs its INSERT through this, on the connection of the caller's transaction: the job and
 * the outbox row commit or roll back together.
 */
export function transactionDb(manager: EntityManager): Db {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    throw new Error('Outgoing mail must be enqueued inside the transaction of the change that causes it.');
  }
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await runner.query(text, values, true);
      return { rows: (result.records ?? []) as unknown[] };
    },
  };
}
