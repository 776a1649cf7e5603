/** One record of the fake platform: about `recordBytes` of JSON. */
export interface FakeRecord {
  id: string;
  updated_at: string;
  name: string;
  email: string;
  amount: number;
  currency: string;
  status: string;
  note: string;
}

const STATUSES = ['open', 'paid', 'void', 'refunded'];

/** Seed records are updated one second apart from this instant, so their times are fixed. */
export const SEED_EPOCH = Date.UTC(2026, 0, 1);

// Ids are zero-padded so that string order is creation order; past 7 digits it would not be.
const MAX_INDEX = 9_999_999;

/**
 * The record numbered `index` (from 1), last updated at `updatedAt`, padded to about
 * `recordBytes` of JSON. Every field but `updated_at` depends only on `index`.
 *
 * @example createRecord(7, 300, '2026-11-23T10:00:00.000Z').id // 'rec_0000007'
 */
export function createRecord(index: number, recordBytes: number, updatedAt: string): FakeRecord {
  if (!Number.isInteger(index) || index < 1 || index > MAX_INDEX) throw new RangeError(`record index ${index} is outside 1..${MAX_INDEX}`);
  const record: FakeRecord = {
    id: `rec_${String(index).padStart(7, '0')}`,
    updated_at: updatedAt,
    name: `Customer ${index}`,
    email: `customer${index}@example.test`,
    amount: (index * 7919) % 100_000,
    currency: 'USD',
    status: STATUSES[index % STATUSES.length]!,
    note: '',
  };
  const size = Buffer.byteLength(JSON.stringify(record));
  record.note = 'x'.repeat(Math.max(0, recordBytes - size));
  return record;
}

/**
 * A deterministic dataset: the same `count` gives the same records, so a sync can be
 * compared with the source byte for byte. Record `i` was last updated `i` seconds after
 * `SEED_EPOCH`.
 *
 * @example createDataset(3, 300)[0].id // 'rec_0000001'
 */
export function createDataset(count: number, recordBytes = 300): FakeRecord[] {
  const records: FakeRecord[] = [];
  for (let i = 1; i <= count; i++) records.push(createRecord(i, recordBytes, new Date(SEED_EPOCH + i * 1000).toISOString()));
  return records;
}
