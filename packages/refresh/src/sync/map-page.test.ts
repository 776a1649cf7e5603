import { defineEntity } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { mapPage } from './map-page.js';

interface Raw {
  id?: string | number;
  email?: string;
  modified?: number;
  bad?: boolean;
}

const entity = defineEntity<Raw, 'Customer'>({
  unified: 'Customer',
  request: { path: '/c' },
  recordsPath: 'data',
  pagination: { type: 'none' },
  primaryKey: 'id',
  updatedAtPath: 'modified',
  map: (raw) => {
    if (raw.bad) throw new Error('cannot map');
    return { id: String(raw.id), email: raw.email ?? null };
  },
});

describe('mapPage', () => {
  it('maps, validates and keeps the remote updated-at', () => {
    const { records, rejected } = mapPage(entity, 'customers', [{ id: 1, email: 'a@x.test', modified: 1_700_000_000 }]);
    expect(rejected).toEqual([]);
    expect(records).toEqual([{ externalId: '1', data: { id: '1', email: 'a@x.test' }, remoteUpdatedAt: new Date(1_700_000_000_000) }]);
  });

  it.each<[string, unknown, Date | null]>([
    ['unix seconds', 1_700_000_000, new Date(1_700_000_000_000)],
    ['epoch milliseconds', 1_700_000_000_123, new Date(1_700_000_000_123)],
    ['ISO 8601', '2024-06-01T10:00:00Z', new Date('2024-06-01T10:00:00Z')],
    ['a Microsoft JSON date (Xero)', '/Date(1573755038314+0000)/', new Date(1_573_755_038_314)],
    ['text that is no date', 'yesterday-ish', null],
  ])('reads the remote updated-at from %s', (_label, modified, want) => {
    expect(mapPage(entity, 'customers', [{ id: 1, modified }]).records[0]?.remoteUpdatedAt).toEqual(want);
  });

  it('rejects one record whose mapping throws, keeps the others', () => {
    const { records, rejected } = mapPage(entity, 'customers', [{ id: 1 }, { id: 2, bad: true }, { id: 3 }]);
    expect(records.map((r) => r.externalId)).toEqual(['1', '3']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ externalId: '2', error: { code: 'VALIDATION_FAILED' } });
  });

  it('rejects output that fails the unified schema', () => {
    const loose = defineEntity<Raw, 'Customer'>({ ...entity, map: (raw) => ({ id: String(raw.id), emial: 'typo' }) as never });
    const { rejected } = mapPage(loose, 'customers', [{ id: 9 }]);
    expect(rejected[0]?.error).toMatchObject({ code: 'VALIDATION_FAILED', context: { recordId: '9' } });
  });

  it('a record without an id stops the page', () => {
    expect(() => mapPage(entity, 'customers', [{ email: 'x' }])).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
  });
});
