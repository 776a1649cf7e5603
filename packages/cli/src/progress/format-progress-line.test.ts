import { describe, expect, it } from 'vitest';
import type { EntityProgress } from './entity-progress.js';
import { formatProgressLine } from './format-progress-line.js';

const base: EntityProgress = { entity: 'orders', state: 'running', pages: 12, created: 5000, updated: 0, unchanged: 0, deleted: 0, errorCount: 0 };
const authError = { code: 'AUTH_INVALID', action: 'alert_customer', message: 'AUTH_INVALID: GET /orders answered 401', at: '2026-11-23T12:00:00Z' };

describe('formatProgressLine', () => {
  it.each<[string, EntityProgress, string]>([
    ['running', base, 'orders: 12 pages, +5000 ~0 =0 -0'],
    ['one page', { ...base, pages: 1, created: 3, updated: 2, unchanged: 1, deleted: 4 }, 'orders: 1 page, +3 ~2 =1 -4'],
    ['queued', { ...base, state: 'queued' }, 'orders: queued'],
    ['succeeded', { ...base, state: 'succeeded' }, 'orders: 12 pages, +5000 ~0 =0 -0 (succeeded)'],
    ['succeeded with rejected records', { ...base, state: 'succeeded', errorCount: 2 }, 'orders: 12 pages, +5000 ~0 =0 -0 (succeeded, 2 errors)'],
    ['running after an error', { ...base, errorCount: 1, lastError: authError }, 'orders: 12 pages, +5000 ~0 =0 -0, 1 error (last: AUTH_INVALID)'],
    ['failed', { ...base, state: 'failed', errorCount: 1, lastError: authError }, 'orders: 12 pages, +5000 ~0 =0 -0 (failed: AUTH_INVALID (alert_customer): GET /orders answered 401)'],
    ['no run', { ...base, state: 'no-run' }, "orders: ended without recording a run (see the worker's log)"],
  ])('%s', (_name, given, want) => {
    expect(formatProgressLine(given)).toBe(want);
  });

  it('pads the entity name to line up with longer ones', () => {
    expect(formatProgressLine({ ...base, entity: 'tax' }, { width: 9 })).toBe('tax:       12 pages, +5000 ~0 =0 -0');
  });
});
