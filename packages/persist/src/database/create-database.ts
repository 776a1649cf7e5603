import { PortageError } from '@portage/core';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { assertSchemaName } from './schema-name.js';
import type { PortageTables } from './tables.js';
import { transactionWithCopy, type CopyTransactionWork } from './transaction-with-copy.js';

/**
 * The schema `createDatabase` uses when none is given.
 *
 * @example createDatabase({ connectionString }).schema === DEFAULT_SCHEMA; // true
 */
export const DEFAULT_SCHEMA = 'portage';

/**
 * Options of {@link createDatabase}. Pass either `pool` (yours, left open by `destroy`) or a
 * connection string (default `process.env.DATABASE_URL`).
 *
 * @example const options: DatabaseOptions = { connectionString: process.env.DATABASE_URL, schema: 'portage', maxConnections: 10 };
 */
export interface DatabaseOptions {
  connectionString?: string;
  /** Postgres schema holding every Portage table; default `portage`. */
  schema?: string;
  /** An existing pool. `destroy()` does not end it: whoever created it owns it. */
  pool?: pg.Pool;
  /** Size of the pool `createDatabase` creates; default 10 (the `pg` default). */
  maxConnections?: number;
}

/**
 * A handle on Portage's tables in one schema.
 *
 * @example
 * const database = createDatabase({ connectionString: process.env.DATABASE_URL });
 * const rows = await database.db.selectFrom('records').selectAll().execute();
 * await database.destroy();
 */
export interface PortageDatabase {
  /** Already bound to `schema`: `db.selectFrom('records')` reads `"<schema>"."records"`. */
  db: Kysely<PortageTables>;
  schema: string;
  pool: pg.Pool;
  /** Ends the pool if `createDatabase` created it; a pool passed in is left to its owner. */
  destroy(): Promise<void>;
  /**
   * A transaction that can also COPY rows (see `transactionWithCopy`). Absent where the
   * database has no COPY channel (the embedded store): use `db.transaction()` there.
   */
  transactionWithCopy?: <T>(work: CopyTransactionWork<T>) => Promise<T>;
}

/**
 * Connects Kysely to Postgres with every query bound to one schema. Creates no connection
 * until the first query; run `migrateToLatest(database)` before using the tables.
 *
 * @example
 * const database = createDatabase({ connectionString: 'postgres://portage@db:5432/app', schema: 'portage' });
 * await migrateToLatest(database);
 */
export function createDatabase(options: DatabaseOptions = {}): PortageDatabase {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const { pool, owned } = resolvePool(options);
  // Kysely would end the pool only if a query ever ran, and would end a caller's pool too;
  // ending it here instead makes destroy() do the same thing every time.
  const dialectPool: PostgresPool = { connect: () => pool.connect(), end: async () => {} };
  const db = new Kysely<PortageTables>({ dialect: new PostgresDialect({ pool: dialectPool }) }).withSchema(schema);
  return {
    db,
    schema,
    pool,
    transactionWithCopy: transactionWithCopy(pool, schema),
    async destroy() {
      await db.destroy();
      if (owned && !pool.ended) await pool.end();
    },
  };
}

function resolvePool(options: DatabaseOptions): { pool: pg.Pool; owned: boolean } {
  if (options.pool) {
    if (options.connectionString !== undefined || options.maxConnections !== undefined) {
      throw new PortageError(
        'CONFIG_INVALID',
        'pass either pool or connectionString/maxConnections to createDatabase, not both: configure the pool you pass instead',
      );
    }
    return { pool: options.pool, owned: false };
  }
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new PortageError(
      'CONFIG_INVALID',
      'no database to connect to: pass connectionString (or a pool) to createDatabase, or set DATABASE_URL',
    );
  }
  const max = options.maxConnections ?? 10;
  if (!Number.isInteger(max) || max < 1) {
    throw new PortageError('CONFIG_INVALID', `maxConnections must be a positive integer, got ${String(max)}`, {
      context: { maxConnections: max },
    });
  }
  const pool = new pg.Pool({ connectionString, max, application_name: 'portage' });
  // An idle client that loses its server emits 'error' on the pool, and an unhandled 'error'
  // event kills the process. pg already drops that client; the next query reports the problem.
  pool.on('error', () => {});
  return { pool, owned: true };
}
