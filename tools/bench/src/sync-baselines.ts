// What a Portage sync is compared with: the raw fetch rate of the entity through the fetch
// client, the raw COPY rate of its mapped rows into a keyed table, and a naive loop that
// inserts one row per statement.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createFakePlatformConnector, customers } from '@portage/connector-fake-platform';
import { createFetchClient, createLogger, type FetchClient } from '@portage/fetch';
import { canonicalJson } from '@portage/persist';
import { mapPage } from '@portage/refresh';

/** One mapped record as the store keeps it: id, canonical JSON of the unified record, its hash. */
export interface MappedRow {
  id: string;
  json: string;
  hash: string;
}

// As in the worker: info level (a line per response), written to /dev/null.
const logger = createLogger({ destination: '/dev/null' });

/** A fetch client configured as the worker configures one for a fake-platform connection. */
export function benchClient(platformUrl: string): FetchClient {
  const connector = createFakePlatformConnector(platformUrl);
  return createFetchClient({
    baseUrl: connector.baseUrl,
    auth: connector.auth,
    credentials: { type: 'api_key', apiKey: 'key_bench' },
    errors: connector.errors,
    ...connector.defaults,
    logger,
  });
}

/** Paginates `customers` (last-id pages of 500) and counts the records. */
export async function fetchAll(platformUrl: string): Promise<number> {
  const client = benchClient(platformUrl);
  let count = 0;
  for await (const page of client.paginate(customers)) count += page.records.length;
  await client.close();
  return count;
}

/** The rows a sync would store, read once (untimed) for the COPY baseline. */
export async function fetchMappedRows(platformUrl: string): Promise<MappedRow[]> {
  const client = benchClient(platformUrl);
  const rows: MappedRow[] = [];
  for await (const page of client.paginate(customers)) rows.push(...mapRows(page.records));
  await client.close();
  return rows;
}

function mapRows(raws: readonly unknown[]): MappedRow[] {
  const { records, rejected } = mapPage(customers, 'customers', raws);
  if (rejected.length > 0) throw new Error(`the customers mapping rejected ${rejected.length} records`);
  return records.map((record) => {
    const json = canonicalJson(record.data);
    return { id: record.externalId, json, hash: createHash('sha256').update(json, 'utf8').digest('hex') };
  });
}

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** Lines ready for COPY, built once so the timed part is the COPY itself. */
export function copyLines(rows: readonly MappedRow[]): string[] {
  return rows.map((row) => `${copyText(row.id)}\t${copyText(row.json)}\t${row.hash}\n`);
}

/** A fresh logged table shaped like the store's rows: text primary key, jsonb, hash. */
export async function createRowTable(pool: pg.Pool, table: string): Promise<void> {
  await pool.query(`create table ${table} (id text primary key, data jsonb not null, hash text not null)`);
}

/** COPYs the lines into `table` in one statement (autocommit), in chunks of 1,000 lines. */
export async function copyInto(pool: pg.Pool, table: string, lines: readonly string[]): Promise<number> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyFrom(`copy ${table} (id, data, hash) from stdin`));
    const chunks = function* () {
      for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join('');
    };
    await pipeline(Readable.from(chunks()), stream);
    return stream.rowCount;
  } finally {
    client.release();
  }
}

/**
 * The naive loop: fetch a page (no read-ahead), then one INSERT ... ON CONFLICT per record,
 * each its own transaction; stops after `limit` records.
 */
export async function naiveLoop(platformUrl: string, pool: pg.Pool, table: string, limit: number): Promise<number> {
  const client = benchClient(platformUrl);
  const db = await pool.connect();
  let count = 0;
  try {
    for await (const page of client.paginate(customers, { readAhead: false })) {
      for (const row of mapRows(page.records)) {
        await db.query({
          name: 'bench-naive-upsert',
          text: `insert into ${table} (id, data, hash) values ($1, $2, $3) on conflict (id) do update set data = excluded.data, hash = excluded.hash where ${table}.hash is distinct from excluded.hash`,
          values: [row.id, row.json, row.hash],
        });
        count++;
      }
      if (count >= limit) break;
    }
  } finally {
    db.release();
    await client.close();
  }
  return count;
}
