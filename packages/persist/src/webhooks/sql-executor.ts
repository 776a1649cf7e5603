import { CompiledQuery, type Kysely } from 'kysely';

/**
 * The one-method database a job queue needs (pg-boss's `db` option): SQL text and values in,
 * rows out.
 *
 * @example const { rows } = await executor.executeSql('select 1 as one', []);
 */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs SQL on a Kysely executor, e.g. a transaction, so a job is enqueued in the same
 * transaction as the rows it goes with. The SQL is sent as given: it must name its own schema.
 *
 * @example await queue.send(name, data, { db: sqlExecutorFor(trx) });
 */
export function sqlExecutorFor<T>(executor: Kysely<T>): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}
