import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, PERSIST_MIGRATIONS, type PortageDatabase } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
});
afterAll(() => testDatabase.drop());

async function tablesIn(database: PortageDatabase): Promise<Array<{ name: string; persistence: string }>> {
  const result = await sql<{ name: string; persistence: string }>`
    select c.relname as name, c.relpersistence as persistence
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${database.schema} and c.relkind = 'r'
    order by c.relname`.execute(database.db);
  return result.rows;
}

describe('migrateToLatest', () => {
  it('creates every table in the configured schema, sync_seen unlogged', async () => {
    const tables = await tablesIn(testDatabase.database);
    expect(tables.map((table) => table.name)).toEqual([
      'change_events',
      'checkpoints',
      'connections',
      'export_links',
      'export_slots',
      'persist_migration',
      'persist_migration_lock',
      'records',
      'sync_run_entities',
      'sync_runs',
      'sync_seen',
      'webhook_events',
      'webhook_subscriptions',
    ]);
    expect(tables.find((table) => table.name === 'sync_seen')?.persistence).toBe('u');
    expect(tables.find((table) => table.name === 'export_slots')?.persistence).toBe('u');
    expect(tables.find((table) => table.name === 'records')?.persistence).toBe('p');
  });

  it('creates the partial index for undelivered events', async () => {
    const result = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where schemaname = ${testDatabase.schema} and indexname = 'change_events_undelivered_idx'`.execute(
      testDatabase.database.db,
    );
    expect(result.rows[0]?.indexdef).toMatch(/\(next_attempt_at\) WHERE \(\(delivered_at IS NULL\) AND \(dead_at IS NULL\)\)/);
  });

  it('is a no-op the second time', async () => {
    const { db, schema } = testDatabase.database;
    const count = async () => {
      const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.id(schema, 'persist_migration')}`.execute(db);
      return result.rows[0]?.count;
    };
    expect(await count()).toBe(Object.keys(PERSIST_MIGRATIONS).length);
    await migrateToLatest(testDatabase.database);
    await migrateToLatest(testDatabase.database);
    expect(await count()).toBe(Object.keys(PERSIST_MIGRATIONS).length);
    expect(await tablesIn(testDatabase.database)).toHaveLength(13);
  });

  it('names the migration that failed', async () => {
    const schema = `portage_t_${randomBytes(6).toString('hex')}`;
    const database = createDatabase({ connectionString: DATABASE_URL, schema, maxConnections: 2 });
    try {
      // A table in the way makes the first migration fail.
      await sql`create schema ${sql.id(schema)}`.execute(database.db);
      await sql`create table ${sql.id(schema, 'records')} (x int)`.execute(database.db);
      const error = await migrateToLatest(database).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', context: { migration: '0001_initial_schema', schema } });
      // Nothing half-applied: the failed transaction left no connections table behind.
      expect((await tablesIn(database)).map((table) => table.name)).not.toContain('connections');
    } finally {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
      await database.destroy();
    }
  });
});
