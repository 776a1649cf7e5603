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

/**
 * A deterministic dataset: the same `count` gives the same records, so a sync can be
 * compared with the source byte for byte.
 *
 * @example createDataset(3, 300)[0].id // 'rec_0000001'
 */
export function createDataset(count: number, recordBytes = 300): FakeRecord[] {
  const records: FakeRecord[] = [];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= count; i++) {
    const record: FakeRecord = {
      id: `rec_${String(i).padStart(7, '0')}`,
      updated_at: new Date(base + i * 1000).toISOString(),
      name: `Customer ${i}`,
      email: `customer${i}@example.test`,
      amount: (i * 7919) % 100_000,
      currency: 'USD',
      status: STATUSES[i % STATUSES.length]!,
      note: '',
    };
    const size = Buffer.byteLength(JSON.stringify(record));
    record.note = 'x'.repeat(Math.max(0, recordBytes - size));
    records.push(record);
  }
  return records;
}
