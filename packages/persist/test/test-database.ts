import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, migrateToLatest, type PortageDatabase } from '../src/index.js';

/**
 * A migrated database in a schema of its own.
 *
 * @example const { database, drop } = await createTestDatabase();
 */
export interface TestDatabase {
  database: PortageDatabase;
  schema: string;
  /** Drops the schema (CASCADE) and ends the pool. */
  drop(): Promise<void>;
}

/**
 * Creates and migrates a fresh `portage_t_<random>` schema on `DATABASE_URL` (default: the
 * local Postgres), so test files can run in parallel without seeing each other's rows.
 * Call it in `beforeAll` and `drop()` in `afterAll`.
 *
 * @example
 * let testDatabase: TestDatabase;
 * beforeAll(async () => { testDatabase = await createTestDatabase(); });
 * afterAll(() => testDatabase.drop());
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const schema = `portage_t_${randomBytes(6).toString('hex')}`;
  const database = createDatabase({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    schema,
    maxConnections: 5,
  });
  try {
    await migrateToLatest(database);
  } catch (error) {
    await dropSchema(database).catch(() => {});
    throw error;
  }
  return { database, schema, drop: () => dropSchema(database) };
}

// deadlock_detected, lock_not_available: a failed test can leave transactions running that
// hold locks DROP needs, and DROP may lose a deadlock against them.
const RETRYABLE = new Set(['40P01', '55P03']);

async function dropSchema(database: PortageDatabase): Promise<void> {
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sql`drop schema if exists ${sql.id(database.schema)} cascade`.execute(database.db);
        return;
      } catch (error) {
        if (attempt >= 5 || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await database.destroy();
  }
}
