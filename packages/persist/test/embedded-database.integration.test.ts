import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, LOCK_FILE, type EmbeddedDatabase } from '../src/embedded/index.js';
import { createRecordReader, migrateToLatest, PERSIST_MIGRATIONS, writeRecords, type RecordInput } from '../src/index.js';

const records = (ids: number[], version = 1): RecordInput[] => ids.map((id) => ({ externalId: String(id).padStart(6, '0'), data: { id, version } }));
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);

async function newConnection(database: EmbeddedDatabase, tenant: string): Promise<string> {
  const row = await database.db
    .insertInto('connections')
    .values({ platform: 'test-platform', tenant, credentials: 'not-encrypted-test-value' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('createEmbeddedDatabase in memory', () => {
  let database: EmbeddedDatabase;
  beforeAll(async () => {
    database = await createEmbeddedDatabase({ dataDir: 'memory://', schema: 'portage_embedded' });
    await migrateToLatest(database);
  });
  afterAll(() => database.destroy());

  it('runs every migration into the schema, and running them again changes nothing', async () => {
    await migrateToLatest(database);
    const tables = await sql<{ name: string; persistence: string }>`
      select c.relname as name, c.relpersistence as persistence
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${database.schema} and c.relkind = 'r' order by c.relname`.execute(database.db);
    expect(tables.rows.map((table) => table.name)).toEqual([
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
    expect(tables.rows.find((table) => table.name === 'sync_seen')?.persistence).toBe('u');
    const applied = await sql<{ name: string }>`select name from ${sql.table(`${database.schema}.persist_migration`)} order by name`.execute(database.db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(PERSIST_MIGRATIONS));
  });

  it('writes, diffs and reads records like Postgres does', async () => {
    const connectionId = await newConnection(database, 'write-read');
    const first = await writeRecords(database.db, { connectionId, entity: 'order', records: records(range(1, 500)) });
    expect(first).toEqual({ created: 500, updated: 0, unchanged: 0 });
    const second = await writeRecords(database.db, {
      connectionId,
      entity: 'order',
      records: [...records(range(1, 490)), ...records(range(491, 10), 2), ...records(range(501, 5))],
    });
    expect(second).toEqual({ created: 5, updated: 10, unchanged: 490 });

    const reader = createRecordReader(database, connectionId);
    expect(await reader.count('order')).toBe(505);
    expect((await reader.get('order', '000495'))?.data).toEqual({ id: 495, version: 2 });
    expect((await reader.list('order', { after: '000500', limit: 3 })).map((record) => record.externalId)).toEqual(['000501', '000502', '000503']);

    const events = await database.db
      .selectFrom('change_events')
      .select(['id', 'kind'])
      .where('connection_id', '=', connectionId)
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(515);
    // bigint comes back as a string, as with pg.
    expect(typeof events[0]?.id).toBe('string');
    expect(events.filter((event) => event.kind === 'updated')).toHaveLength(10);
  });

  it('passes ids and data that need escaping through array parameters exactly, with events and sync_seen', async () => {
    const connectionId = await newConnection(database, 'escaping');
    const passId = '00000000-0000-4000-8000-000000000001';
    const ids = ['NULL', 'a,b', '"q"', '{x}', 'back\\slash', 'é€😀'];
    const data = (id: string) => ({ id, text: `${id} "quoted" \\ {braces}, NULL`, nothing: null });
    const input = ids.map((id) => ({ externalId: id, data: data(id), remoteUpdatedAt: new Date('2024-05-06T07:08:09.123Z') }));

    expect(await writeRecords(database.db, { connectionId, entity: 'tricky', passId, records: input })).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(await writeRecords(database.db, { connectionId, entity: 'tricky', passId, records: input })).toEqual({ created: 0, updated: 0, unchanged: 6 });

    const reader = createRecordReader(database, connectionId);
    for (const id of ids) expect((await reader.get('tricky', id))?.data).toEqual(data(id));
    const events = await database.db
      .selectFrom('change_events')
      .select(['external_id', 'kind', 'payload'])
      .where('connection_id', '=', connectionId)
      .orderBy('id')
      .execute();
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(events).toEqual(sorted.map((id) => ({ external_id: id, kind: 'created', payload: data(id) })));
    const seen = await database.db.selectFrom('sync_seen').select('external_id').where('pass_id', '=', passId).execute();
    expect(seen.map((row) => row.external_id).sort()).toEqual([...ids].sort());
    // The next test counts every sync_seen row of this shared database.
    await database.db.deleteFrom('sync_seen').where('pass_id', '=', passId).execute();
  });

  it('loses no rows when transactions run concurrently, and a rollback undoes only its own', async () => {
    const connectionId = await newConnection(database, 'concurrent');
    const writers = range(0, 20).map((writer) =>
      database.db.transaction().execute(async (trx) => {
        // Yield between statements so that, without the lock, the transactions would interleave.
        await new Promise((resolve) => setTimeout(resolve, writer % 3));
        const result = await writeRecords(trx, { connectionId, entity: 'item', records: records(range(writer * 100, 100)) });
        await new Promise((resolve) => setImmediate(resolve));
        await trx.insertInto('sync_seen').values({ pass_id: '00000000-0000-4000-8000-000000000000', external_id: `writer-${writer}` }).execute();
        return result.created;
      }),
    );
    // Stays open while the others run: on one session without the lock, their COMMITs would
    // commit its rows (or its ROLLBACK would undo theirs).
    const failing = database.db.transaction().execute(async (trx) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await writeRecords(trx, { connectionId, entity: 'item', records: records(range(10_000, 50)) });
      await new Promise((resolve) => setTimeout(resolve, 15));
      throw new Error('this writer fails after writing');
    });
    const readers = range(0, 10).map(() => database.db.selectFrom('records').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow());

    const [created, failure] = await Promise.all([Promise.all(writers), failing.then(() => undefined, (error: Error) => error), Promise.all(readers)]);
    expect(created).toEqual(range(0, 20).map(() => 100));
    expect(failure?.message).toBe('this writer fails after writing');
    const reader = createRecordReader(database, connectionId);
    expect(await reader.count('item')).toBe(2_000);
    expect(await reader.get('item', '010000')).toBeUndefined();
    const events = await database.db.selectFrom('change_events').select(sql<number>`count(*)::int`.as('n')).where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(events.n).toBe(2_000);
    const seen = await database.db.selectFrom('sync_seen').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(seen.n).toBe(20);
  });

  it('reports a failed statement and keeps working after the rollback', async () => {
    const error = await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('connections').values({ platform: 'p', tenant: 't', credentials: 'c' }).execute();
        await sql`select 1/0`.execute(trx);
      })
      .catch((caught: unknown) => caught as { code?: string });
    expect(error?.code).toBe('22012');
    expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
    const count = await database.db.selectFrom('connections').select(sql<number>`count(*)::int`.as('n')).where('tenant', '=', 't').executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('reports affected rows, as finishRun and friends rely on', async () => {
    const connectionId = await newConnection(database, 'affected');
    const result = await database.db.updateTable('connections').set({ health_reason: 'checked' }).where('id', '=', connectionId).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });

  it('serves pg-boss style SQL through executeSql: parameters, and scripts without them', async () => {
    expect((await database.executeSql('select $1::int + 1 as answer', [41])).rows).toEqual([{ answer: 42 }]);
    await database.executeSql('begin; create table public.boss_probe (n int); insert into public.boss_probe values (1), (2); commit;');
    expect((await database.executeSql('select sum(n)::int as total from public.boss_probe', [])).rows).toEqual([{ total: 3 }]);
  });

  it('has a pool that refuses to connect, with a clear error', async () => {
    await expect(database.pool.query('select 1')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('createEmbeddedDatabase on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portage-embedded-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps data across reopening, and the lock file stops a second opener until the first is gone', async () => {
    const first = await createEmbeddedDatabase({ dataDir: dir });
    await migrateToLatest(first);
    const connectionId = await newConnection(first, 'disk');
    await writeRecords(first.db, { connectionId, entity: 'order', records: records(range(1, 25)) });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });

    const second = await createEmbeddedDatabase({ dataDir: dir }).catch((error: unknown) => error as Error & { code?: string });
    expect(second).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((second as Error).message).toContain(`another Portage process is using ${dir}: stop it or use DATABASE_URL`);

    // Another process is stopped too, before it touches the files.
    const child = await openInAnotherProcess(dir);
    expect(child.code).toBe(3);
    expect(child.output).toContain(`CONFIG_INVALID: another Portage process is using ${dir}: stop it or use DATABASE_URL`);

    await first.destroy();
    await expect(readFile(join(dir, LOCK_FILE), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

    const reopened = await createEmbeddedDatabase({ dataDir: dir });
    try {
      await migrateToLatest(reopened);
      expect(await createRecordReader(reopened, connectionId).count('order')).toBe(25);
    } finally {
      await reopened.destroy();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const deadPid = await pidOfFinishedProcess();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: (await import('node:os')).hostname(), token: 'stale', since: '2026-01-01T00:00:00Z' }));
    const database = await createEmbeddedDatabase({ dataDir: dir });
    try {
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await database.destroy();
    }
  });
});

/** Runs createEmbeddedDatabase on `dir` in a child process: exit 3 and the message when it is refused. */
async function openInAnotherProcess(dir: string): Promise<{ code: number | null; output: string }> {
  const entry = fileURLToPath(new URL('../src/embedded/index.ts', import.meta.url));
  const script = `
    const { createEmbeddedDatabase } = await import(${JSON.stringify(entry)});
    try {
      const database = await createEmbeddedDatabase({ dataDir: ${JSON.stringify(dir)} });
      await database.destroy();
      console.log('opened');
    } catch (error) {
      console.log(error.message);
      process.exit(3);
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@portage/source', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

async function pidOfFinishedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) throw new Error('could not start a process');
  return child.pid;
}
