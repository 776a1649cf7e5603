import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { describe, expect, it } from 'vitest';
import { runDemo } from './run-demo.js';

const RECORDS = 1_000;
const ENTITIES = ['customers', 'payments'] as const;

interface PrintedRow {
  step: string;
  entity: string;
  kind: string;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** Reads the status table back from the printed lines (cells are separated by 2+ spaces). */
function printedRows(lines: string[]): PrintedRow[] {
  const rows: PrintedRow[] = [];
  for (const line of lines) {
    const cells = line.trim().split(/\s{2,}/);
    const [step, entity, kind, status, created, updated, unchanged, deleted] = cells;
    if (!entity || !(ENTITIES as readonly string[]).includes(entity) || !created?.startsWith('+')) continue;
    rows.push({
      step: step ?? '',
      entity,
      kind: kind ?? '',
      status: status ?? '',
      created: Number(created.slice(1)),
      updated: Number(updated?.slice(1)),
      unchanged: Number(unchanged?.slice(1)),
      deleted: Number(deleted?.slice(1)),
    });
  }
  return rows;
}

describe('the demo', () => {
  it('prints runs whose counts are exactly what happened on the platform', { timeout: 90_000 }, async () => {
    const lines: string[] = [];
    const result = await runDemo({ dataDir: 'memory://', records: RECORDS, print: (line) => lines.push(line), logLevel: 'silent' });

    const { updated, removed, inserted } = result.mutations;
    expect([updated.length, removed.length, inserted.length]).toEqual([50, 20, 10]);
    expect(removed.filter((id) => updated.includes(id))).toEqual([]);

    const rows = printedRows(lines);
    expect(rows.map((row) => `${row.step} ${row.entity}`).sort()).toEqual(
      ['1 full', '2 incremental', '3 full resync'].flatMap((step) => ENTITIES.map((entity) => `${step} ${entity}`)).sort(),
    );
    expect(rows.every((row) => row.status === 'succeeded')).toBe(true);

    const live = RECORDS - removed.length + inserted.length;
    const connector = createFakePlatformConnector('http://127.0.0.1');
    for (const entity of ENTITIES) {
      // An entity with a deletions feed learns of removals in the incremental read; without
      // one, only the full resync's sweep finds them.
      const feed = connector.entities[entity].deletions !== undefined;
      const row = (step: string) => rows.find((candidate) => candidate.step === step && candidate.entity === entity);
      expect(row('1 full')).toMatchObject({ kind: 'full', created: RECORDS, updated: 0, unchanged: 0, deleted: 0 });
      expect(row('2 incremental')).toMatchObject({ kind: 'incremental', created: 10, updated: 50, unchanged: 0, deleted: feed ? 20 : 0 });
      expect(row('3 full resync')).toMatchObject({ kind: 'full', created: 0, updated: 0, unchanged: live, deleted: feed ? 0 : 20 });
      expect(result.stored[entity]).toBe(live);
    }
    expect(result.platformRecords).toBe(live);
    expect(lines.some((line) => line.includes('(in step)'))).toBe(true);
  });
});
