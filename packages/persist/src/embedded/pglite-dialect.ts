import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely on one PGlite instance. PGlite is a single Postgres session, not a server: every
 * "connection" this dialect hands out is a view of that one session.
 *
 * Why each transaction runs under PGlite's exclusive transaction lock: with one session,
 * BEGIN opens a transaction for *everyone*. If two Kysely transactions ran at once, the
 * statements of the second would land inside the first (and a ROLLBACK of either would undo
 * both), so rows vanish without an error. `PGlite.transaction()` holds a lock from BEGIN to
 * COMMIT/ROLLBACK that every other `query`/`exec`/`transaction` call waits for, so this
 * dialect opens each Kysely transaction through it: transactions run one after the other, and
 * statements outside a transaction (and `executeSql`) slip in only between them.
 *
 * The cost of that lock: code inside a transaction must use the transaction's executor
 * (`trx`), never the outer `db` (or anything else on the same PGlite, such as pg-boss
 * through `executeSql`), or it waits for itself forever. Real Postgres would give it another
 * connection instead.
 *
 * @example const db = new Kysely<PortageTables>({ dialect: new PgliteDialect(pglite) });
 */
export class PgliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  createDriver(): Driver {
    return new PgliteDriver(this.#pglite);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  // Kysely's own signature takes `Kysely<any>`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

/** Commands whose row count Kysely reports as `numAffectedRows` (as the pg driver does). */
const ROW_COUNT_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PgliteDriver implements Driver {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.#pglite);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await asPglite(connection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asPglite(connection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asPglite(connection).rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Kysely always ends its transactions first; this only guards against a leaked one,
    // which would otherwise hold PGlite's lock forever.
    await asPglite(connection).rollback();
  }

  /** The PGlite instance belongs to whoever created it; closing it is their job. */
  async destroy(): Promise<void> {}
}

/** An open transaction: its handle, how to let PGlite finish it, and how it finished. */
interface OpenTransaction {
  tx: Transaction;
  finish(): void;
  outcome: Promise<void>;
}

class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  #open: OpenTransaction | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // In a transaction, only its handle may talk to PGlite (everything else waits for the lock).
    const executor = this.#open?.tx ?? this.#pglite;
    return toQueryResult(await executor.query<R>(compiledQuery.sql, [...compiledQuery.parameters]));
  }

  /**
   * PGlite has no cursors over its in-process protocol, so the whole result is read first and
   * then handed out `chunkSize` rows at a time.
   */
  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    const size = Math.max(1, Math.floor(chunkSize));
    for (let start = 0; start < rows.length; start += size) yield { rows: rows.slice(start, start + size) };
  }

  /**
   * Opens a PGlite transaction whose callback stays pending until `commit` or `rollback`
   * releases it, so the lock spans the whole Kysely transaction.
   */
  async begin(settings: TransactionSettings): Promise<void> {
    if (this.#open) throw new Error('this connection already has a transaction open');
    let finish!: () => void;
    const released = new Promise<void>((resolve) => (finish = resolve));
    let outcome!: Promise<void>;
    const tx = await new Promise<Transaction>((resolve, reject) => {
      outcome = this.#pglite.transaction(async (handle) => {
        resolve(handle);
        await released;
      });
      // Rejects `begin` when BEGIN itself fails; a later failure (at COMMIT) is reported by
      // `commit`, which awaits `outcome` (this also keeps that rejection from going unhandled).
      outcome.catch(reject);
    });
    this.#open = { tx, finish, outcome };
    const modes = [
      ...(settings.isolationLevel ? [`isolation level ${settings.isolationLevel}`] : []),
      ...(settings.accessMode ? [settings.accessMode] : []),
    ];
    if (modes.length > 0) await tx.query(`set transaction ${modes.join(', ')}`);
  }

  /** PGlite commits when the callback returns; an aborted transaction makes COMMIT throw. */
  async commit(): Promise<void> {
    const open = this.#take();
    if (!open) throw new Error('no transaction is open on this connection');
    open.finish();
    await open.outcome;
  }

  /** A no-op without an open transaction (Kysely rolls back after a failed commit). */
  async rollback(): Promise<void> {
    const open = this.#take();
    if (!open) return;
    try {
      if (!open.tx.closed) await open.tx.rollback();
    } finally {
      open.finish();
      await open.outcome;
    }
  }

  #take(): OpenTransaction | undefined {
    const open = this.#open;
    this.#open = undefined;
    return open;
  }
}

function asPglite(connection: DatabaseConnection): PgliteConnection {
  if (!(connection instanceof PgliteConnection)) throw new Error('PgliteDriver was handed a connection it did not create');
  return connection;
}

function toQueryResult<R>(result: Results<R>): QueryResult<R> {
  const command = result.command?.toUpperCase();
  if (command !== undefined && ROW_COUNT_COMMANDS.has(command)) {
    return { rows: result.rows, numAffectedRows: BigInt(result.rowCount ?? result.affectedRows ?? 0) };
  }
  return { rows: result.rows };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
