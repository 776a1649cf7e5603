import { parseRefreshConfig } from '@portage/refresh';
import { describe, expect, it } from 'vitest';
import { planSync } from './plan-sync.js';

const connector = { name: 'shop', entities: ['customers', 'orders', 'products'] };
const refresh = parseRefreshConfig({ entities: [{ entity: 'orders', window: '3 months' }, { entity: 'products', window: 'all' }] });
const connectionId = 'c1';

describe('planSync', () => {
  it('given nothing and no refresh config, syncs every entity in full', () => {
    expect(planSync({ connectionId, connector, refresh: undefined, request: { entities: [] } })).toEqual({
      mode: 'jobs',
      jobs: ['customers', 'orders', 'products'].map((entity) => ({ connectionId, entity, kind: 'full' })),
    });
  });

  it('given nothing and a refresh config, lets the planner decide', () => {
    expect(planSync({ connectionId, connector, refresh, request: { entities: [] } })).toEqual({ mode: 'refresh', refresh });
  });

  it('given a kind and a refresh config, takes the config\u2019s entities in order', () => {
    expect(planSync({ connectionId, connector, refresh, request: { entities: [], kind: 'incremental', since: '2026-11-01T00:00:00.000Z' } })).toEqual({
      mode: 'jobs',
      jobs: ['orders', 'products'].map((entity) => ({ connectionId, entity, kind: 'incremental', since: '2026-11-01T00:00:00.000Z' })),
    });
  });

  it('given entities, syncs those once each', () => {
    expect(planSync({ connectionId, connector, refresh, request: { entities: ['products', 'customers', 'products'] } })).toEqual({
      mode: 'jobs',
      jobs: ['products', 'customers'].map((entity) => ({ connectionId, entity, kind: 'full' })),
    });
  });

  it('given an unknown entity, names it and the known ones', () => {
    expect(() => planSync({ connectionId, connector, refresh: undefined, request: { entities: ['ordres'] } })).toThrow(
      'connector "shop" has no entity "ordres": it has customers, orders, products',
    );
  });
});
