import type { SyncRun, SyncRunEntity } from '@portage/persist';
import { describe, expect, it } from 'vitest';
import { pickEntityProgress } from './pick-entity-progress.js';

const since = new Date('2026-11-23T12:00:00Z');
const row = (entity: string, pages: number, errors: SyncRunEntity['errors'] = []): SyncRunEntity => ({ entity, created: pages * 10, updated: 0, unchanged: 0, deleted: 0, pages, errors });
const run = (id: string, startedAt: string, status: SyncRun['status'], entities: SyncRunEntity[], finishedAt: string | null = null): SyncRun => ({
  id,
  connectionId: 'c1',
  kind: 'full',
  status,
  startedAt: new Date(startedAt),
  finishedAt: finishedAt ? new Date(finishedAt) : null,
  error: null,
  entities,
});
const counts = (pages: number) => ({ pages, created: pages * 10, updated: 0, unchanged: 0, deleted: 0 });

describe('pickEntityProgress', () => {
  it('takes each entity from the newest run of this sync that has it', () => {
    const runs = [
      run('new', '2026-11-23T12:00:05Z', 'running', [row('orders', 2)]),
      run('older-same-sync', '2026-11-23T12:00:01Z', 'succeeded', [row('orders', 9), row('tax', 1)], '2026-11-23T12:00:02Z'),
      run('before', '2026-11-23T11:00:00Z', 'succeeded', [row('refunds', 7)], '2026-11-23T11:05:00Z'),
    ];
    expect(pickEntityProgress(runs, ['orders', 'tax', 'refunds'], { since, done: new Set() })).toEqual([
      { entity: 'orders', state: 'running', runId: 'new', ...counts(2), errorCount: 0 },
      { entity: 'tax', state: 'succeeded', runId: 'older-same-sync', ...counts(1), errorCount: 0 },
      { entity: 'refunds', state: 'queued', ...counts(0), errorCount: 0 },
    ]);
  });

  it('counts a run resumed from before the sync began, running or finished since', () => {
    const runs = [
      run('resumed-running', '2026-11-23T10:00:00Z', 'running', [row('orders', 40)]),
      run('resumed-finished', '2026-11-23T10:00:00Z', 'failed', [row('tax', 3)], '2026-11-23T12:00:09Z'),
    ];
    const views = pickEntityProgress(runs, ['orders', 'tax'], { since, done: new Set() });
    expect(views.map((view) => [view.runId, view.state])).toEqual([
      ['resumed-running', 'running'],
      ['resumed-finished', 'failed'],
    ]);
  });

  it('a job that ended without a run is no-run; outcomes override a shared run\u2019s status; the entity\u2019s own error wins', () => {
    const own = { code: 'AUTH_INVALID', action: 'alert_customer', message: 'm', at: '2026-11-23T12:00:03Z' };
    const shared = { ...run('shared', '2026-11-23T12:00:01Z', 'failed', [row('orders', 2), row('tax', 0, [own])], '2026-11-23T12:00:04Z'), error: { ...own, code: 'UNKNOWN' } };
    const views = pickEntityProgress([shared], ['orders', 'tax', 'refunds'], {
      since,
      done: new Set(['orders', 'tax', 'refunds']),
      outcomes: new Map([['orders', 'succeeded'], ['tax', 'failed']]),
    });
    expect(views.map((view) => [view.entity, view.state, view.lastError?.code])).toEqual([
      ['orders', 'succeeded', 'UNKNOWN'],
      ['tax', 'failed', 'AUTH_INVALID'],
      ['refunds', 'no-run', undefined],
    ]);
  });
});
