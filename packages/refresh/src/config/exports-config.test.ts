import { describe, expect, it } from 'vitest';
import { parseRefreshConfig } from './refresh-config.js';

describe('refresh config exports', () => {
  it('reads exports.concurrency', () => {
    const config = parseRefreshConfig('entities:\n  - entity: customers\n    window: all\nexports:\n  concurrency: 2\n');
    expect(config.exports).toEqual({ concurrency: 2 });
  });

  it('leaves exports out when not configured', () => {
    expect(parseRefreshConfig({ entities: [{ entity: 'customers', window: 'all' }] })).not.toHaveProperty('exports');
  });

  it.each([
    ['a zero concurrency', { concurrency: 0 }, 'exports.concurrency'],
    ['an unknown key', { concurency: 2 }, 'exports'],
  ])('rejects %s, naming the field', (_label, exports, field) => {
    expect(() => parseRefreshConfig({ entities: [{ entity: 'customers', window: 'all' }], exports })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ fieldPath: expect.stringContaining(field) }) }),
    );
  });
});
