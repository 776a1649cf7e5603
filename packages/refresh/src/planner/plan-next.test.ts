import { describe, expect, it } from 'vitest';
import { parseRefreshConfig, type RefreshConfig } from '../config/refresh-config.js';
import { planNext, type EntityRefreshState, type PlannedJob, type PlannerState } from './plan-next.js';

// Friday 1 May 2026, 10:20 UTC.
const NOW = new Date('2026-05-01T10:20:00.000Z');

/** orders, transactions, products: the documented example, with a concurrency to choose. */
function config(concurrency = 1, patch: Record<string, object> = {}): RefreshConfig {
  return parseRefreshConfig({
    entities: [
      { entity: 'orders', window: '3 months', incremental: { every: '0 * * * *', overlap: '10 minutes' }, fullResync: { every: '0 3 * * *' }, ...patch.orders },
      { entity: 'transactions', window: '1 year', ...patch.transactions },
      { entity: 'products', window: 'all', pageSize: 250, ...patch.products },
    ],
    defaults: { concurrency, incremental: { every: '*/15 * * * *', overlap: '5 minutes' }, fullResync: { every: '0 2 * * *' } },
  });
}

/** First pass done early today, resync not due until tomorrow, incremental not due until the next cron tick. */
const SYNCED: EntityRefreshState = {
  fullPass: { startedAt: '2026-05-01T03:00:00.000Z', complete: true },
  lastFullCompletedAt: '2026-05-01T03:40:00.000Z',
  lastIncrementalAt: '2026-05-01T10:15:00.000Z',
};

const BACKFILL_ORDERS: PlannedJob = { entity: 'orders', kind: 'full', since: '2026-02-01T10:20:00.000Z', reason: 'backfill orders (window 3 months)' };
const BACKFILL_TRANSACTIONS: PlannedJob = {
  entity: 'transactions',
  kind: 'full',
  since: '2025-05-01T10:20:00.000Z',
  reason: 'backfill transactions (window 1 year)',
};
// Products set a page size of their own: it travels with each of their jobs.
const BACKFILL_PRODUCTS: PlannedJob = { entity: 'products', kind: 'full', pageSize: 250, reason: 'backfill products (window all)' };

function state(entities: Record<string, EntityRefreshState>): PlannerState {
  return { entities };
}

describe('planNext', () => {
  describe('initial backfill in priority order', () => {
    it.each<[string, RefreshConfig, PlannerState, PlannedJob[]]>([
      ['concurrency 1, nothing synced: only the first entity', config(1), state({}), [BACKFILL_ORDERS]],
      ['concurrency 1, first entity backfilling: nothing else starts', config(1), state({ orders: { running: true } }), []],
      [
        'concurrency 1, first entity done: the second starts',
        config(1),
        state({ orders: SYNCED }),
        [BACKFILL_TRANSACTIONS],
      ],
      [
        'concurrency 1, second entity interrupted: it resumes before the third starts',
        config(1),
        state({ orders: SYNCED, transactions: { fullPass: { startedAt: '2026-04-20T00:00:00.000Z', complete: false, checkpoint: { page: 7 } } } }),
        [{ entity: 'transactions', kind: 'full', since: '2025-04-20T00:00:00.000Z', resumeFrom: { page: 7 }, reason: 'resume transactions from checkpoint' }],
      ],
      [
        'concurrency 1, two entities done: the third, with no window, reads all history',
        config(1),
        state({ orders: SYNCED, transactions: SYNCED }),
        [BACKFILL_PRODUCTS],
      ],
      [
        'a first pass marked complete counts as done without lastFullCompletedAt',
        config(1),
        state({ orders: { fullPass: { startedAt: '2026-05-01T10:10:00.000Z', complete: true } } }),
        [BACKFILL_TRANSACTIONS],
      ],
      ['concurrency 2 starts two entities', config(2), state({}), [BACKFILL_ORDERS, BACKFILL_TRANSACTIONS]],
      ['concurrency 3 starts three', config(3), state({}), [BACKFILL_ORDERS, BACKFILL_TRANSACTIONS, BACKFILL_PRODUCTS]],
      ['concurrency 2 with one running starts one more, the next in order', config(2), state({ orders: { running: true } }), [BACKFILL_TRANSACTIONS]],
      ['concurrency 2 with two running starts none', config(2), state({ orders: { running: true }, transactions: { running: true } }), []],
      [
        'concurrency 2, first done: the next two start',
        config(2),
        state({ orders: SYNCED }),
        [BACKFILL_TRANSACTIONS, BACKFILL_PRODUCTS],
      ],
      [
        'an entity with concurrency 1 runs alone, and later entities do not overtake it',
        config(2, { transactions: { concurrency: 1 } }),
        state({}),
        [BACKFILL_ORDERS],
      ],
      [
        'an entity with concurrency 1 starts once the others are idle',
        config(2, { transactions: { concurrency: 1 } }),
        state({ orders: SYNCED }),
        [BACKFILL_TRANSACTIONS],
      ],
      [
        'a running entity with concurrency 1 keeps everything else waiting',
        config(3, { orders: { concurrency: 1 } }),
        state({ orders: { running: true } }),
        [],
      ],
      [
        'a running entity no longer in the config still takes a slot',
        config(2),
        state({ customers: { running: true } }),
        [BACKFILL_ORDERS],
      ],
      [
        'a higher-priority incremental takes the only slot first',
        config(1),
        state({ orders: { ...SYNCED, lastIncrementalAt: '2026-05-01T09:00:00.000Z' } }),
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T08:50:00.000Z', reason: 'incremental orders since 2026-05-01T08:50:00.000Z' }],
      ],
    ])('%s', (_label, given, current, want) => {
      expect(planNext(given, current, NOW)).toEqual(want);
    });

    it('follows priority, not the order of the list it is given', () => {
      const given = config(1);
      expect(planNext({ entities: [...given.entities].reverse() }, state({}), NOW)).toEqual([BACKFILL_ORDERS]);
    });
  });

  describe('interrupted full passes', () => {
    const started = '2026-04-20T00:00:00.000Z';
    it.each<[string, RefreshConfig, EntityRefreshState, PlannedJob]>([
      [
        'resume keeps the since of the original start, not now - window',
        config(1),
        { fullPass: { startedAt: started, complete: false, checkpoint: 'cursor-abc' } },
        { entity: 'orders', kind: 'full', since: '2026-01-20T00:00:00.000Z', resumeFrom: 'cursor-abc', reason: 'resume orders from checkpoint' },
      ],
      [
        'a recorded since is reused verbatim',
        config(1),
        { fullPass: { startedAt: started, complete: false, checkpoint: { page: 3 }, since: '2026-01-19T23:59:30.000Z' } },
        { entity: 'orders', kind: 'full', since: '2026-01-19T23:59:30.000Z', resumeFrom: { page: 3 }, reason: 'resume orders from checkpoint' },
      ],
      [
        'no checkpoint saved: restart the pass, still with its original since',
        config(1),
        { fullPass: { startedAt: started, complete: false } },
        { entity: 'orders', kind: 'full', since: '2026-01-20T00:00:00.000Z', reason: `restart orders full pass started ${started} (no checkpoint saved)` },
      ],
      [
        'an interrupted resync resumes too, before any incremental',
        config(1),
        { ...SYNCED, lastIncrementalAt: '2026-05-01T08:00:00.000Z', fullPass: { startedAt: started, complete: false, checkpoint: 9 } },
        { entity: 'orders', kind: 'full', since: '2026-01-20T00:00:00.000Z', resumeFrom: 9, reason: 'resume orders from checkpoint' },
      ],
      [
        'a window of all resumes without a since',
        config(1, { orders: { window: 'all' } }),
        { fullPass: { startedAt: started, complete: false, checkpoint: 'c' } },
        { entity: 'orders', kind: 'full', resumeFrom: 'c', reason: 'resume orders from checkpoint' },
      ],
    ])('%s', (_label, given, orders, want) => {
      expect(planNext(given, state({ orders }), NOW)).toEqual([want]);
    });
  });

  describe('incremental and full resync once the first pass is done', () => {
    it.each<[string, RefreshConfig, EntityRefreshState, PlannedJob[]]>([
      ['nothing due', config(1), SYNCED, []],
      [
        'incremental due: since the mark minus the overlap',
        config(1),
        { ...SYNCED, lastIncrementalAt: '2026-05-01T09:30:00.000Z' },
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T09:20:00.000Z', reason: 'incremental orders since 2026-05-01T09:20:00.000Z' }],
      ],
      [
        'incremental due exactly now',
        config(1),
        { ...SYNCED, lastIncrementalAt: '2026-05-01T09:00:00.000Z' },
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T08:50:00.000Z', reason: 'incremental orders since 2026-05-01T08:50:00.000Z' }],
      ],
      [
        'incremental not yet due (next tick 11:00)',
        config(1),
        { ...SYNCED, lastIncrementalAt: '2026-05-01T10:00:00.000Z' },
        [],
      ],
      [
        'no mark recorded: the completed pass start is the mark',
        config(1),
        { fullPass: SYNCED.fullPass, lastFullCompletedAt: SYNCED.lastFullCompletedAt },
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T02:50:00.000Z', reason: 'incremental orders since 2026-05-01T02:50:00.000Z' }],
      ],
      [
        'the overlap comes from defaults when the entity sets none',
        config(1, { orders: { incremental: { every: '0 * * * *' } } }),
        { ...SYNCED, lastIncrementalAt: '2026-05-01T09:30:00.000Z' },
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T09:25:00.000Z', reason: 'incremental orders since 2026-05-01T09:25:00.000Z' }],
      ],
      ['no incremental configured: nothing', config(1, { orders: { incremental: false } }), { ...SYNCED, lastIncrementalAt: '2026-04-01T00:00:00.000Z' }, []],
      [
        'full resync due (last completed before today 03:00)',
        config(1),
        { ...SYNCED, lastFullCompletedAt: '2026-04-30T03:30:00.000Z' },
        [{ entity: 'orders', kind: 'full', since: '2026-02-01T10:20:00.000Z', reason: 'full resync orders (daily at 03:00 UTC; last completed 2026-04-30T03:30:00.000Z)' }],
      ],
      ['full resync not due (completed after today 03:00)', config(1), { ...SYNCED, lastFullCompletedAt: '2026-05-01T03:30:00.000Z' }, []],
      [
        'a due resync wins over a due incremental',
        config(1),
        { ...SYNCED, lastFullCompletedAt: '2026-04-29T03:30:00.000Z', lastIncrementalAt: '2026-05-01T09:00:00.000Z' },
        [{ entity: 'orders', kind: 'full', since: '2026-02-01T10:20:00.000Z', reason: 'full resync orders (daily at 03:00 UTC; last completed 2026-04-29T03:30:00.000Z)' }],
      ],
      [
        'no full resync configured: only incrementals',
        config(1, { orders: { fullResync: false } }),
        { ...SYNCED, lastFullCompletedAt: '2025-01-01T00:00:00.000Z', lastIncrementalAt: '2026-05-01T09:00:00.000Z' },
        [{ entity: 'orders', kind: 'incremental', since: '2026-05-01T08:50:00.000Z', reason: 'incremental orders since 2026-05-01T08:50:00.000Z' }],
      ],
      [
        'a resync over all history has no since',
        config(1, { orders: { window: 'all' } }),
        { ...SYNCED, lastFullCompletedAt: '2026-04-30T03:30:00.000Z' },
        [{ entity: 'orders', kind: 'full', reason: 'full resync orders (daily at 03:00 UTC; last completed 2026-04-30T03:30:00.000Z)' }],
      ],
    ])('%s', (_label, given, orders, want) => {
      // Only orders is in play: the others are synced and idle.
      const idle = { ...SYNCED, lastIncrementalAt: '2026-05-01T10:15:00.000Z', lastFullCompletedAt: '2026-05-01T02:30:00.000Z' };
      expect(planNext(given, state({ orders, transactions: idle, products: idle }), NOW)).toEqual(want);
    });
  });

  describe('running entities', () => {
    const due: EntityRefreshState = { ...SYNCED, lastFullCompletedAt: '2026-04-01T00:00:00.000Z', lastIncrementalAt: '2026-04-01T00:00:00.000Z' };
    it.each<[string, RefreshConfig, PlannerState, string[]]>([
      ['a running entity is never planned, whatever is due', config(3), state({ orders: { ...due, running: true }, transactions: due, products: due }), ['transactions', 'products']],
      ['a running interrupted pass is not resumed', config(3), state({ orders: { running: true, fullPass: { startedAt: '2026-04-20T00:00:00.000Z', complete: false, checkpoint: 1 } } }), ['transactions', 'products']],
      ['all running: nothing', config(3), state({ orders: { running: true }, transactions: { running: true }, products: { running: true } }), []],
      ['running: false is not running', config(1), state({ orders: { running: false } }), ['orders']],
    ])('%s', (_label, given, current, want) => {
      expect(planNext(given, current, NOW).map((job) => job.entity)).toEqual(want);
    });
  });

  it.each<[string, EntityRefreshState, string]>([
    ['a bad fullPass.startedAt', { fullPass: { startedAt: 'yesterday', complete: false } }, 'state.entities.orders.fullPass.startedAt'],
    ['a bad lastFullCompletedAt', { lastFullCompletedAt: 'not a date' }, 'state.entities.orders.lastFullCompletedAt'],
    ['a bad lastIncrementalAt', { ...SYNCED, lastIncrementalAt: '' }, 'state.entities.orders.lastIncrementalAt'],
  ])('rejects %s in the state, naming it', (_label, orders, fieldPath) => {
    expect(() => planNext(config(1), state({ orders }), NOW)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ fieldPath }) }),
    );
  });

  it('is pure: same inputs, same plan, inputs untouched', () => {
    const given = config(2);
    const current = state({ orders: { ...SYNCED, lastIncrementalAt: '2026-05-01T09:00:00.000Z' }, transactions: { running: true } });
    const before = JSON.stringify([given, current, NOW]);
    const first = planNext(given, current, NOW);
    expect(planNext(given, current, NOW)).toEqual(first);
    expect(JSON.stringify([given, current, NOW])).toBe(before);
  });
});
