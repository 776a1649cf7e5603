import { join, resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { PortageError } from '@portage/core';
import { Kysely } from 'kysely';
import pg from 'pg';
import { DEFAULT_SCHEMA, type PortageDatabase } from '../database/create-database.js';
import { assertSchemaName } from '../database/schema-name.js';
import type { PortageTables } from '../database/tables.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { PgliteDialect } from './pglite-dialect.js';

/** Where `createEmbeddedDatabase` keeps its files when no `dataDir` is given (relative to the working directory). */
export const DEFAULT_EMBEDDED_DATA_DIR = '.portage/data';

/** The `dataDir` that keeps everything in memory (nothing on disk, no lock). */
export const IN_MEMORY = 'memory://';

/**
 * Options of {@link createEmbeddedDatabase}.
 *
 * @example const options: EmbeddedDatabaseOptions = { dataDir: '.portage/data', schema: 'portage' };
 */
export interface EmbeddedDatabaseOptions {
  /**
   * Directory of the store, default `.portage/data`; `'memory://'` keeps it in memory. It holds
   * `pgdata/` (PGlite's Postgres files) and `portage.lock`.
   */
  dataDir?: string;
  /** Postgres schema holding every Portage table; default `portage`. */
  schema?: string;
}

/**
 * One SQL statement (with `values`) or, without values, a script of several, on the embedded
 * store. The shape of pg-boss 10's `db` constructor option.
 */
export type ExecuteSql = (
  text: string,
  values?: unknown[],
  // pg-boss's `db` option is typed with `any` rows; `unknown` here would not be assignable back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
) => Promise<{ rows: any[]; rowCount?: number }>;

/**
 * A {@link PortageDatabase} on PGlite, plus `executeSql` for pg-boss (`new PgBoss({ db })`).
 *
 * `pool` is a real `pg.Pool` with no server behind it: the embedded store has no connection
 * string, so `pool.connect()` and `pool.query()` fail at once with CONFIG_INVALID. Query the
 * store through `db` or `executeSql`.
 *
 * @example const database: EmbeddedDatabase = await createEmbeddedDatabase();
 */
export interface EmbeddedDatabase extends PortageDatabase {
  executeSql: ExecuteSql;
  /** Absolute path of the data directory, or `'memory://'`. */
  dataDir: string;
}

/**
 * Opens (creating it on first use) a Portage store in-process on PGlite, Postgres compiled
 * to WebAssembly, so Portage runs with no database server installed. For development, demos
 * and single-process use; production uses Postgres through `createDatabase` / DATABASE_URL.
 *
 * What differs from a server (see docs/decisions/0002-embedded-store.md):
 * - One session: transactions run one at a time (see `PgliteDialect`). Inside a transaction
 *   use its executor only; a query on `db` or `executeSql` from inside it waits forever.
 * - One process: `<dataDir>/portage.lock` makes a second opener fail with CONFIG_INVALID.
 * - No fsync: a power cut can lose the last commits or damage the files. Fine for a local
 *   copy that a full sync rebuilds; not for anything that must survive the machine.
 *
 * bigint (`int8`) columns are read as strings, as `pg` reads them, so code written against
 * `createDatabase` sees the same values here. Run `migrateToLatest(database)` before use and
 * `destroy()` at the end (it closes PGlite and releases the lock).
 *
 * @throws PortageError CONFIG_INVALID when another process uses `dataDir`, for a bad schema
 * name, or when PGlite cannot open the directory.
 * @example
 * const database = await createEmbeddedDatabase({ dataDir: '.portage/data' });
 * await migrateToLatest(database);
 * const boss = new PgBoss({ db: { executeSql: database.executeSql } });
 */
export async function createEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const requested = options.dataDir ?? DEFAULT_EMBEDDED_DATA_DIR;
  const inMemory = requested === IN_MEMORY;
  const dataDir = inMemory ? IN_MEMORY : resolve(requested);

  const lock: DataDirLock | undefined = inMemory ? undefined : await lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: inMemory ? IN_MEMORY : join(dataDir, 'pgdata'),
      // pg reads int8 as a string (it may not fit a JS number); PGlite would return a number.
      parsers: { [types.INT8]: (value: string) => value },
    });
  } catch (cause) {
    await lock?.release();
    throw new PortageError(
      'CONFIG_INVALID',
      `could not open the embedded store in ${dataDir} (${cause instanceof Error ? cause.message : String(cause)}): check that the directory is writable and was written by this version of Portage, or remove it to start over`,
      { cause, context: { dataDir } },
    );
  }

  const db = new Kysely<PortageTables>({ dialect: new PgliteDialect(pglite) }).withSchema(schema);
  const pool = new pg.Pool({ Client: NoServerClient });
  let destroyed: Promise<void> | undefined;

  return {
    db,
    schema,
    pool,
    dataDir,
    executeSql: async (text, values) => {
      if (values !== undefined && values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows, ...(result.rowCount === undefined ? {} : { rowCount: result.rowCount }) };
      }
      // Without values, like pg: the simple protocol, which takes several statements
      // (pg-boss sends `BEGIN; ...; COMMIT` scripts this way). The last result is returned.
      const results = await pglite.exec(text);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], ...(last?.rowCount === undefined ? {} : { rowCount: last.rowCount }) };
    },
    destroy() {
      destroyed ??= (async () => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          await pool.end().catch(() => undefined);
          await lock?.release();
        }
      })();
      return destroyed;
    },
  };
}

/**
 * The client behind the embedded store's `pool`: there is no server to connect to, so it
 * refuses at once (through a callback, which is how pg.Pool connects its clients).
 */
class NoServerClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): void;
  override connect(callback?: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): Promise<pg.Client> | void {
    const error = new PortageError(
      'CONFIG_INVALID',
      'the embedded store has no Postgres server to connect to: query it through database.db or database.executeSql, or set DATABASE_URL to use Postgres',
    );
    if (callback) {
      process.nextTick(() => (callback as (error: Error) => void)(error));
      return;
    }
    return Promise.reject(error);
  }
}
