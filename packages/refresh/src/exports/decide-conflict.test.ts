import { describe, expect, it } from 'vitest';
import { contentHashWithoutUpdatedAt, decideConflict } from './export-conflict.js';

const at = (iso: string) => new Date(iso);
const content = { id: 'rec_1', email: 'a@example.test', updatedAt: '2026-02-02T00:00:00Z' };

describe('decideConflict', () => {
  it('refuses when the platform record is newer than the last sync', () => {
    expect(decideConflict({ platform: { updatedAt: at('2026-02-02T00:00:00Z'), content }, synced: { remoteUpdatedAt: at('2026-02-01T00:00:00Z'), data: content } })).toEqual({
      conflict: true,
      reason: 'changed_since_sync',
      platformUpdatedAt: at('2026-02-02T00:00:00Z'),
      knownUpdatedAt: at('2026-02-01T00:00:00Z'),
    });
  });

  it('accepts a platform record as new as the last sync, or as the last export (which is newer)', () => {
    expect(decideConflict({ platform: { updatedAt: at('2026-02-01T00:00:00Z'), content }, synced: { remoteUpdatedAt: at('2026-02-01T00:00:00Z'), data: content } }).conflict).toBe(false);
    expect(
      decideConflict({
        platform: { updatedAt: at('2026-02-03T00:00:00Z'), content },
        synced: { remoteUpdatedAt: at('2026-02-01T00:00:00Z'), data: content },
        exported: { remoteUpdatedAt: at('2026-02-03T00:00:00Z') },
      }).conflict,
    ).toBe(false);
  });

  it('without times, compares content (updatedAt left out)', () => {
    const synced = { data: { ...content, updatedAt: 'earlier' } };
    expect(decideConflict({ platform: { content }, synced }).conflict).toBe(false);
    expect(decideConflict({ platform: { content: { ...content, email: 'b@example.test' } }, synced }).conflict).toBe(true);
    expect(decideConflict({ platform: { content }, exported: { remoteHash: contentHashWithoutUpdatedAt(content) } }).conflict).toBe(false);
  });

  it('refuses a record it never saw: nothing to compare with', () => {
    expect(decideConflict({ platform: { updatedAt: at('2026-02-02T00:00:00Z'), content } })).toMatchObject({ conflict: true, reason: 'never_synced' });
  });
});
