import { describe, expect, it } from 'vitest';
import type { PortageDatabase } from '../../database/create-database.js';
import { createOutboxDispatcher, type OutboxDispatcherOptions } from './create-outbox-dispatcher.js';

// Option checks run before any query: an object without a single method stands in for Kysely.
const database = { db: {} } as unknown as Pick<PortageDatabase, 'db'>;
const secret = 'whsec_do_not_leak';
const valid: OutboxDispatcherOptions = { database, endpoint: { url: 'https://hooks.example.test/x', secret } };

function errorOf(run: () => unknown): { code?: string; text: string } {
  try {
    run();
  } catch (error) {
    return { code: (error as { code?: string }).code, text: `${String(error)} ${JSON.stringify(error)}` };
  }
  return { text: 'did not throw' };
}

describe('createOutboxDispatcher options', () => {
  it.each<[string, Partial<OutboxDispatcherOptions>]>([
    ['an empty secret', { endpoint: { url: 'https://hooks.example.test/x', secret: '' } }],
    ['a relative url', { endpoint: { url: '/hooks', secret } }],
    ['a non-http url', { endpoint: { url: `ftp://user:${secret}@hooks.example.test/x`, secret } }],
    ['batchSize 0', { batchSize: 0 }],
    ['a fractional concurrency', { concurrency: 1.5 }],
    ['maxAttempts 0', { maxAttempts: 0 }],
    ['a negative timeout', { timeoutMs: -1 }],
    ['a retry cap below the base', { retry: { baseMs: 10, maxMs: 1 } }],
    ['a connectionId that is not a uuid', { connectionId: 'acme' }],
  ])('refuses %s with CONFIG_INVALID, without echoing the secret', (_name, override) => {
    const error = errorOf(() => createOutboxDispatcher({ ...valid, ...override }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.text).not.toContain(secret);
  });

  it('accepts valid options without querying', () => {
    const dispatcher = createOutboxDispatcher({ ...valid, connectionId: '0b8f6c1e-2d3a-4c4b-9a8e-1f2e3d4c5b6a', batchSize: 5 });
    expect(typeof dispatcher.dispatchOnce).toBe('function');
  });

  it('refuses a bad polling interval and listDead limit', async () => {
    const dispatcher = createOutboxDispatcher(valid);
    expect(errorOf(() => dispatcher.start(-5)).code).toBe('CONFIG_INVALID');
    await expect(dispatcher.listDead(0)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(dispatcher.replayDead(['1; drop table x'])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await dispatcher.replayDead([])).toBe(0);
  });
});
