import { describe, expect, it } from 'vitest';
import { createPlainProgress } from './create-plain-progress.js';
import type { EntityProgress } from './entity-progress.js';

const view = (entity: string, state: EntityProgress['state'], pages: number): EntityProgress => ({
  entity,
  state,
  pages,
  created: pages * 100,
  updated: 0,
  unchanged: 0,
  deleted: 0,
  errorCount: 0,
});

describe('createPlainProgress', () => {
  it('prints a line per change at most every interval while running, and the final line once', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = createPlainProgress({ write: (text) => lines.push(text), intervalMs: 5000, now: () => clock });

    progress.update([view('orders', 'queued', 0), view('tax', 'queued', 0)]);
    clock = 500;
    progress.update([view('orders', 'running', 1), view('tax', 'queued', 0)]);
    clock = 1000;
    progress.update([view('orders', 'running', 2), view('tax', 'queued', 0)]);
    clock = 6000;
    progress.update([view('orders', 'running', 9), view('tax', 'running', 1)]);
    clock = 6500;
    progress.update([view('orders', 'succeeded', 10), view('tax', 'running', 1)]);
    progress.finish([view('orders', 'succeeded', 10), view('tax', 'failed', 1)]);

    expect(lines).toEqual([
      'orders: 1 page, +100 ~0 =0 -0\n',
      'orders: 9 pages, +900 ~0 =0 -0\n',
      'tax:    1 page, +100 ~0 =0 -0\n',
      'orders: 10 pages, +1000 ~0 =0 -0 (succeeded)\n',
      'tax:    1 page, +100 ~0 =0 -0 (failed)\n',
    ]);
  });

  it('prints the final line of an entity that ended between two polls', () => {
    const lines: string[] = [];
    const progress = createPlainProgress({ write: (text) => lines.push(text) });
    progress.finish([view('orders', 'succeeded', 3)]);
    progress.finish([view('orders', 'succeeded', 3)]);
    expect(lines).toEqual(['orders: 3 pages, +300 ~0 =0 -0 (succeeded)\n']);
  });
});
