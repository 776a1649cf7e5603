import { sql, type Kysely } from 'kysely';
import { copyText, type CopyIn } from '../database/transaction-with-copy.js';
import type { PortageTables } from '../database/tables.js';
import { connectionMissing } from './upsert-records.js';
import type { Prepared, WriteRecordsInput } from './write-records.js';

const RECORD_COLUMNS = ['connection_id', 'entity', 'external_id', 'data', 'content_hash', 'remote_updated_at'];
const EVENT_COLUMNS = ['connection_id', 'entity', 'external_id', 'kind', 'payload', 'run_id'];

/**
 * Inserts records believed new, and their `created` events, with COPY: no conflict handling,
 * so no speculative insertion and no text-array parameters. When one of the ids exists after
 * all (a concurrent writer, or a record the platform listed twice), nothing is kept and this
 * resolves to false, for the caller to write the batch with the upsert instead. Rows and
 * events go in batch order, like the upsert's.
 *
 * @throws PortageError NOT_FOUND when the connection does not exist.
 * @example if (!(await copyNewRecords(trx, copyIn, input, records))) await upsertRecords(trx, input, records, existing, seenIds);
 */
export async function copyNewRecords(trx: Kysely<PortageTables>, copyIn: CopyIn, input: WriteRecordsInput, records: Prepared[]): Promise<boolean> {
  const scope = `${copyText(input.connectionId)}\t${copyText(input.entity)}\t`;
  const runId = copyText(input.runId ?? null);
  const rows: string[] = [];
  const events: string[] = [];
  for (const record of records) {
    const id = copyText(record.externalId);
    const json = copyText(record.json);
    rows.push(`${scope}${id}\t${json}\t${record.hash}\t${copyText(record.remoteUpdatedAt?.toISOString() ?? null)}\n`);
    events.push(`${scope}${id}\tcreated\t${json}\t${runId}\n`);
  }
  await sql`savepoint portage_copy_new`.execute(trx);
  try {
    await copyIn('records', RECORD_COLUMNS, rows);
    await copyIn('change_events', EVENT_COLUMNS, events);
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === '23503') throw connectionMissing(input.connectionId, input.entity, cause);
    if (code !== '23505') throw cause;
    await sql`rollback to savepoint portage_copy_new`.execute(trx);
    return false;
  }
  await sql`release savepoint portage_copy_new`.execute(trx);
  return true;
}
