import { PortageError } from '@portage/core';
import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { PortageDatabase } from '../database/create-database.js';
import { PERSIST_MIGRATIONS } from './persist-migrations.js';

// Named after the package, not Kysely's defaults, so another package running its own Kysely
// migrations in the same schema does not read our history as its own.
const MIGRATION_TABLE = 'persist_migration';
const MIGRATION_LOCK_TABLE = 'persist_migration_lock';

const provider: MigrationProvider = { getMigrations: async () => PERSIST_MIGRATIONS };

/**
 * Creates `database.schema` if missing and applies every pending migration in one
 * transaction, so a failure leaves the schema as it was. Running it again is a no-op;
 * concurrent callers wait for each other (Kysely takes an advisory lock).
 *
 * @throws PortageError CONFIG_INVALID naming the migration that failed, with the cause attached.
 * @example
 * const database = createDatabase({ connectionString: process.env.DATABASE_URL });
 * await migrateToLatest(database);
 */
export async function migrateToLatest(database: PortageDatabase): Promise<void> {
  const { db, schema } = database;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (cause) {
    throw new PortageError(
      'CONFIG_INVALID',
      `could not create schema "${schema}": check that the database is reachable and the user may create schemas (or create it beforehand)`,
      { cause, context: { schema } },
    );
  }

  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema: schema,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;

  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  throw new PortageError(
    'CONFIG_INVALID',
    failed
      ? `migration "${failed}" failed in schema "${schema}" (${reason}): fix the cause and run migrateToLatest again (no pending migration was applied)`
      : `migrations could not start in schema "${schema}" (${reason}): check that the database is reachable and that "${schema}".${MIGRATION_TABLE} lists only migrations this version of @portage/persist knows`,
    { cause: error, context: { schema, ...(failed ? { migration: failed } : {}) } },
  );
}
