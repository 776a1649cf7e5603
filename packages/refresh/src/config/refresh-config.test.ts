import { describe, expect, it } from 'vitest';
import { parseRefreshConfig, REFRESH_FALLBACKS, type EntityRefresh, type ParseRefreshConfigOptions } from './refresh-config.js';

const MINUTE = 60_000;

const EXAMPLE_YAML = `
entities:
  - entity: orders
    window: 3 months          # or an ISO 8601 duration "P3M", or "all"
    incremental: { every: "0 * * * *", overlap: 10 minutes }
    fullResync: { every: "0 3 * * *" }
  - entity: transactions
    window: 1 year
  - entity: products
    window: all
    pageSize: 250
defaults:
  pageSize: 500
  concurrency: 1
  incremental: { every: "*/15 * * * *", overlap: 5 minutes }
  fullResync: { every: "0 2 * * *" }
`;

const EXAMPLE_RESOLVED: EntityRefresh[] = [
  {
    entity: 'orders',
    priority: 0,
    window: { kind: 'last', duration: { months: 3, ms: 0 }, text: '3 months' },
    pageSize: 500,
    concurrency: 1,
    incremental: { every: '0 * * * *', overlapMs: 10 * MINUTE },
    fullResync: { every: '0 3 * * *' },
  },
  {
    entity: 'transactions',
    priority: 1,
    window: { kind: 'last', duration: { months: 12, ms: 0 }, text: '1 year' },
    pageSize: 500,
    concurrency: 1,
    incremental: { every: '*/15 * * * *', overlapMs: 5 * MINUTE },
    fullResync: { every: '0 2 * * *' },
  },
  {
    entity: 'products',
    priority: 2,
    window: { kind: 'all' },
    pageSize: 250,
    concurrency: 1,
    incremental: { every: '*/15 * * * *', overlapMs: 5 * MINUTE },
    fullResync: { every: '0 2 * * *' },
  },
];

describe('parseRefreshConfig', () => {
  it('resolves the documented example (YAML)', () => {
    expect(parseRefreshConfig(EXAMPLE_YAML).entities).toEqual(EXAMPLE_RESOLVED);
  });

  it('reads the same config from JSON text and from an object', () => {
    const object = {
      entities: [
        { entity: 'orders', window: 'P3M', incremental: { every: '0 * * * *', overlap: 'PT10M' }, fullResync: { every: '0 3 * * *' } },
        { entity: 'transactions', window: 'P1Y' },
        { entity: 'products', window: 'all', pageSize: 250 },
      ],
      defaults: { pageSize: 500, concurrency: 1, incremental: { every: '*/15 * * * *', overlap: 'PT5M' }, fullResync: { every: '0 2 * * *' } },
    };
    const fromJson = parseRefreshConfig(JSON.stringify(object));
    const fromObject = parseRefreshConfig(object);
    expect(fromObject).toEqual(fromJson);
    expect(fromObject.entities.map((e) => [e.entity, e.priority, e.window.kind === 'last' ? e.window.duration : 'all'])).toEqual([
      ['orders', 0, { months: 3, ms: 0 }],
      ['transactions', 1, { months: 12, ms: 0 }],
      ['products', 2, 'all'],
    ]);
  });

  it.each<[string, unknown, Partial<EntityRefresh>]>([
    ['built-in fallbacks', { entities: [{ entity: 'a', window: 'all' }] }, { concurrency: REFRESH_FALLBACKS.concurrency, pageSize: undefined }],
    ['entity page size over defaults', { entities: [{ entity: 'a', window: 'all', pageSize: 50 }], defaults: { pageSize: 500 } }, { pageSize: 50 }],
    ['no incremental or resync unless configured', { entities: [{ entity: 'a', window: 'all' }] }, { incremental: undefined, fullResync: undefined }],
    ['defaults.window', { entities: [{ entity: 'a' }], defaults: { window: '90 days' } }, { window: { kind: 'last', duration: { months: 0, ms: 90 * 24 * 60 * MINUTE }, text: '90 days' } }],
    ['entity window over defaults', { entities: [{ entity: 'a', window: 'all' }], defaults: { window: '90 days' } }, { window: { kind: 'all' } }],
    ['"ALL" in any case', { entities: [{ entity: 'a', window: 'ALL' }] }, { window: { kind: 'all' } }],
    ['entity concurrency over defaults', { entities: [{ entity: 'a', window: 'all', concurrency: 3 }], defaults: { concurrency: 1 } }, { concurrency: 3 }],
    [
      'incremental merged field by field',
      { entities: [{ entity: 'a', window: 'all', incremental: { overlap: '1 minute' } }], defaults: { incremental: { every: '*/5 * * * *' } } },
      { incremental: { every: '*/5 * * * *', overlapMs: MINUTE } },
    ],
    ['overlap defaults to 0', { entities: [{ entity: 'a', window: 'all', incremental: { every: '0 * * * *' } }] }, { incremental: { every: '0 * * * *', overlapMs: 0 } }],
    ['incremental: false opts out of defaults', { entities: [{ entity: 'a', window: 'all', incremental: false }], defaults: { incremental: { every: '0 * * * *' } } }, { incremental: undefined }],
    ['fullResync: false opts out of defaults', { entities: [{ entity: 'a', window: 'all', fullResync: false }], defaults: { fullResync: { every: '0 2 * * *' } } }, { fullResync: undefined }],
    ['cron kept as written, trimmed', { entities: [{ entity: 'a', window: 'all', fullResync: { every: ' 0 2 * * sun ' } }] }, { fullResync: { every: '0 2 * * sun' } }],
    ['entity name trimmed', { entities: [{ entity: ' orders ', window: 'all' }] }, { entity: 'orders' }],
  ])('%s', (_label, input, want) => {
    const [entity] = parseRefreshConfig(input).entities;
    const entries = Object.entries(want);
    expect(entity).toMatchObject(Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
    // Absent, not present-and-undefined: the resolved object is what callers serialise.
    for (const [key] of entries.filter(([, value]) => value === undefined)) expect(entity).not.toHaveProperty(key);
  });

  it('accepts known entities', () => {
    expect(parseRefreshConfig(EXAMPLE_YAML, { knownEntities: ['orders', 'transactions', 'products', 'customers'] }).entities).toHaveLength(3);
  });

  it.each<[string, unknown, string, ParseRefreshConfigOptions?]>([
    ['a typo in an entity key', { entities: [{ entity: 'a', windw: '3 months' }] }, 'entities.0.windw'],
    ['a typo in a top-level key', { entities: [{ entity: 'a', window: 'all' }], default: {} }, 'default'],
    ['a typo in defaults', { entities: [{ entity: 'a', window: 'all' }], defaults: { pagesize: 10 } }, 'defaults.pagesize'],
    ['a typo in incremental', { entities: [{ entity: 'a', window: 'all', incremental: { every: '0 * * * *', ovrlap: '1 minute' } }] }, 'entities.0.incremental.ovrlap'],
    ['a bad window', { entities: [{ entity: 'a', window: 'all' }, { entity: 'b', window: 'three months' }] }, 'entities.1.window'],
    ['a numeric window', { entities: [{ entity: 'a', window: 90 }] }, 'entities.0.window'],
    ['a zero window', { entities: [{ entity: 'a', window: '0 days' }] }, 'entities.0.window'],
    ['a missing window', { entities: [{ entity: 'a' }] }, 'entities.0.window'],
    ['a bad default window', { entities: [{ entity: 'a' }], defaults: { window: 'always' } }, 'defaults.window'],
    ['a bad cron', { entities: [{ entity: 'a', window: 'all', fullResync: { every: '0 25 * * *' } }] }, 'entities.0.fullResync.every'],
    ['a cron that is not text', { entities: [{ entity: 'a', window: 'all', incremental: { every: 15 } }] }, 'entities.0.incremental.every'],
    ['incremental without a cron anywhere', { entities: [{ entity: 'a', window: 'all', incremental: { overlap: '1 minute' } }] }, 'entities.0.incremental.every'],
    ['incremental: true', { entities: [{ entity: 'a', window: 'all', incremental: true }] }, 'entities.0.incremental'],
    ['fullResync without every', { entities: [{ entity: 'a', window: 'all', fullResync: {} }] }, 'entities.0.fullResync.every'],
    ['an overlap in months', { entities: [{ entity: 'a', window: 'all', incremental: { every: '0 * * * *', overlap: '1 month' } }] }, 'entities.0.incremental.overlap'],
    ['page size 0', { entities: [{ entity: 'a', window: 'all', pageSize: 0 }] }, 'entities.0.pageSize'],
    ['a fractional page size', { entities: [{ entity: 'a', window: 'all', pageSize: 2.5 }] }, 'entities.0.pageSize'],
    ['page size as text', { entities: [{ entity: 'a', window: 'all' }], defaults: { pageSize: '500' } }, 'defaults.pageSize'],
    ['concurrency 0', { entities: [{ entity: 'a', window: 'all', concurrency: 0 }] }, 'entities.0.concurrency'],
    ['no entities', { entities: [] }, 'entities'],
    ['entities as a map', { entities: { orders: { window: 'all' } } }, 'entities'],
    ['an entity as a bare name', { entities: ['orders'] }, 'entities.0'],
    ['an entity without a name', { entities: [{ window: 'all' }] }, 'entities.0.entity'],
    ['an empty name', { entities: [{ entity: ' ', window: 'all' }] }, 'entities.0.entity'],
    ['a duplicate entity', { entities: [{ entity: 'a', window: 'all' }, { entity: 'b', window: 'all' }, { entity: 'a', window: 'all' }] }, 'entities.2.entity'],
    ['an unknown entity', { entities: [{ entity: 'orders', window: 'all' }, { entity: 'ordrs', window: 'all' }] }, 'entities.1.entity', { knownEntities: ['orders', 'products'] }],
    ['a list at the top', [{ entity: 'a' }], '(root)'],
    ['a scalar at the top', 'just text', '(root)'],
    ['an empty document', '', '(root)'],
    ['null', null, '(root)'],
  ])('rejects %s', (_label, input, fieldPath, options) => {
    expect(() => parseRefreshConfig(input, options)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ fieldPath }) }),
    );
  });

  function caught(run: () => unknown): { message: string; context: Record<string, unknown> } {
    try {
      run();
    } catch (error) {
      return error as { message: string; context: Record<string, unknown> };
    }
    throw new Error('expected an error');
  }

  it('suggests the key a typo meant and lists the allowed ones', () => {
    const error = caught(() => parseRefreshConfig({ entities: [{ entity: 'a', windw: '3 months' }] }));
    expect(error.message).toContain('"window"');
    expect(error.message).toContain('pageSize');
  });

  it('lists the known entities for an unknown one', () => {
    const error = caught(() => parseRefreshConfig({ entities: [{ entity: 'widgets', window: 'all' }] }, { knownEntities: ['orders', 'products'] }));
    expect(error.context.fieldPath).toBe('entities.0.entity');
    expect(error.message).toContain('orders, products');
  });

  it('reports every problem at once, in file order, with lines, source and entity names', () => {
    const yaml = [
      'entities:', //                              1
      '  - entity: orders', //                     2
      '    window: 3 monts', //                    3
      '  - entity: ordrs', //                      4
      '    window: all', //                        5
      '    incremental: { evry: "0 * * * *" }', // 6
    ].join('\n');
    const error = caught(() => parseRefreshConfig(yaml, { source: 'acme.yaml', knownEntities: ['orders', 'products'] }));
    expect(error.context).toMatchObject({ fieldPath: 'entities.0.window', source: 'acme.yaml', line: 3, column: 5 });
    expect(error.context.problems).toEqual([
      expect.objectContaining({ path: 'entities.0.window', line: 3 }),
      expect.objectContaining({ path: 'entities.1.entity', line: 4 }),
      expect.objectContaining({ path: 'entities.1.incremental.evry', line: 6 }),
    ]);
    expect(error.message).toContain('acme.yaml');
    expect(error.message).toContain('entities.1.entity [ordrs]');
  });

  it.each<[string, string, number, number]>([
    ['an unclosed flow list', 'entities: [orders\n', 2, 1],
    ['a duplicate key', 'entities:\n  - entity: a\n    window: all\n    window: 1 year\n', 4, 5],
    ['an unquoted cron starting with *', 'entities:\n  - entity: a\n    window: all\n    incremental: { every: */15 * * * * }\n', 4, 27],
    ['a misindented key', 'entities:\n  - entity: a\n   window: all\n', 3, 1],
  ])('rejects bad YAML (%s) with the parser position and the source', (_label, yaml, line, column) => {
    expect(() => parseRefreshConfig(yaml, { source: 'acme.yaml' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ source: 'acme.yaml', line, column }) }),
    );
  });
});
