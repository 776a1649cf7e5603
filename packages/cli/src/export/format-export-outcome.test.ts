import { PortageError } from '@portage/core';
import { exportConflict } from '@portage/refresh';
import { describe, expect, it } from 'vitest';
import { formatExportOutcome, summarizeExports, type ExportOutcome } from './format-export-outcome.js';

const conflict = exportConflict({
  entity: 'customers',
  localKey: 'crm-2',
  externalId: 'rec_5',
  verdict: { conflict: true, reason: 'changed_since_sync', platformUpdatedAt: new Date('2026-02-02T00:00:00Z'), knownUpdatedAt: new Date('2026-02-01T00:00:00Z') },
});
const outcomes: ExportOutcome[] = [
  { localKey: 'crm-1', ok: true, result: { status: 'created', externalId: 'rec_9' } },
  { localKey: 'crm-3', ok: true, result: { status: 'unchanged', externalId: 'rec_4' } },
  { localKey: 'crm-2', ok: false, error: conflict },
  { localKey: 'crm-4', ok: false, error: new PortageError('VALIDATION_FAILED', 'POST /customers answered 422') },
];

describe('formatExportOutcome', () => {
  it('says what happened to each record, with both times for a conflict', () => {
    expect(outcomes.map(formatExportOutcome)).toEqual([
      'created crm-1 -> rec_9',
      'unchanged crm-3 (rec_4)',
      'conflict crm-2 (rec_5): changed on the platform at 2026-02-02T00:00:00.000Z, last synced version 2026-02-01T00:00:00.000Z; sync it and re-apply, or export again with --force (or --resync-first)',
      expect.stringMatching(/^failed crm-4: VALIDATION_FAILED \(fix_config\): VALIDATION_FAILED: POST \/customers answered 422/),
    ]);
  });

  it('sums them up', () => {
    expect(summarizeExports(outcomes)).toBe('exported 4 records: 1 created, 1 unchanged, 1 conflict, 1 failed');
  });
});
