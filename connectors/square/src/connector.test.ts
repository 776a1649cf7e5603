import { describe, expect, it } from 'vitest';
import { square } from './connector.js';

describe('square connector', () => {
  it('searches orders sorted by updated_at (so the incremental filter is accepted), at the connection\'s locations', () => {
    const { orders } = square.entities;
    expect(orders.request.body).toEqual({ limit: 100, query: { sort: { sort_field: 'UPDATED_AT', sort_order: 'ASC' } } });
    expect(orders.tenant).toEqual({ in: 'body', name: 'location_ids', list: true });
    expect(orders.incremental).toMatchObject({ in: 'body', name: 'query.filter.date_time_filter.updated_at.start_at' });
  });

  it('asks the catalog for ITEM objects and stitches their variations', () => {
    const { catalog } = square.entities;
    expect(catalog.request.query).toEqual({ types: 'ITEM' });
    expect(catalog.children?.map(({ entity, path, primaryKey }) => ({ entity, path, primaryKey }))).toEqual([
      { entity: 'variations', path: 'item_data.variations', primaryKey: 'id' },
    ]);
  });

  it('reads Square\'s empty `{}` answers as empty pages', () => {
    expect(Object.values(square.entities).map((entity) => entity.omitsEmptyRecords)).toEqual([true, true, true]);
  });
});
