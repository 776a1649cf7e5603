import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from './create-database.js';

const URL = 'postgres://portage:hunter2@127.0.0.1:1/none';

function errorOf(run: () => unknown): { code?: string; message?: string } | undefined {
  try {
    run();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  return undefined;
}

describe('createDatabase', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults to the portage schema and connects lazily', async () => {
    const database = createDatabase({ connectionString: URL });
    expect(database.schema).toBe('portage');
    expect(database.db.selectFrom('records').selectAll().compile().sql).toBe('select * from "portage"."records"');
    await database.destroy();
  });

  it('binds queries to the given schema', async () => {
    const database = createDatabase({ connectionString: URL, schema: 'tenant_a' });
    expect(database.db.selectFrom('change_events').select('id').compile().sql).toBe('select "id" from "tenant_a"."change_events"');
    await database.destroy();
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(errorOf(() => createDatabase({ connectionString: URL, schema: 'x"; drop' }))?.code).toBe('CONFIG_INVALID');
  });

  it('needs a connection string, a pool or DATABASE_URL', () => {
    vi.stubEnv('DATABASE_URL', undefined);
    expect(errorOf(() => createDatabase())?.code).toBe('CONFIG_INVALID');
  });

  it('rejects a bad maxConnections without echoing the connection string', () => {
    const error = errorOf(() => createDatabase({ connectionString: URL, maxConnections: 0 }));
    expect(error?.code).toBe('CONFIG_INVALID');
    expect(error?.message).not.toContain('hunter2');
  });

  it('rejects a pool together with a connection string', async () => {
    const pool = new pg.Pool({ connectionString: URL });
    expect(errorOf(() => createDatabase({ pool, connectionString: URL }))?.code).toBe('CONFIG_INVALID');
    await pool.end();
  });

  it('leaves a pool it was given open', async () => {
    const pool = new pg.Pool({ connectionString: URL });
    const database = createDatabase({ pool });
    expect(database.pool).toBe(pool);
    await database.destroy();
    expect(pool.ended).toBe(false);
    await pool.end();
  });

  it('ends the pool it created', async () => {
    const database = createDatabase({ connectionString: URL });
    await database.destroy();
    expect(database.pool.ended).toBe(true);
  });
});
