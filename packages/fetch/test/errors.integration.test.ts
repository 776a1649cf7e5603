import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorMapping } from '@portage/core';
import { createFetchClient, createLogger, type FetchClient } from '../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

// The server answers /status/<code> with that status and a platform-style body.
let server: LoopbackServer;
let client: FetchClient;

const mapping: ErrorMapping = {
  messagePath: 'error.message',
  codePath: 'error.type',
  rules: [
    { status: 402, bodyPath: 'error.type', pattern: '^card_error$', code: 'VALIDATION_FAILED' },
    { status: 400, bodyPath: 'error.type', pattern: 'insufficient_scope', code: 'PERMISSION_DENIED' },
    { status: [500, 503], bodyPath: 'error.type', pattern: '^record_gone$', code: 'NOT_FOUND' },
  ],
};

beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    const [, , code, type] = request.url.split('/');
    if (code === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [1, 2');
      return;
    }
    if (code === 'huge') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: 'x'.repeat(20_000) }));
      return;
    }
    sendJson(res, Number(code), { error: { type: type ?? 'generic', message: `platform says ${code}` } }, { 'x-request-id': `req-${request.index}` });
  });
  client = createFetchClient({
    baseUrl: server.url,
    errors: mapping,
    logger: createLogger({ level: 'silent' }),
    retry: { maxAttempts: 2, baseDelayMs: 5, minDelayMs: 5, maxDelayMs: 10 },
    maxResponseBytes: 10_000,
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

async function failureOf(path: string) {
  return client.request({ path }).then(
    () => expect.unreachable(`${path} should fail`),
    (error: unknown) => error as { code: string; action: string; context: Record<string, unknown> },
  );
}

describe('error normalisation through a real server', () => {
  it.each([
    ['/status/400', 'VALIDATION_FAILED', 'fix_config'],
    ['/status/401', 'AUTH_INVALID', 'alert_customer'],
    ['/status/403', 'PERMISSION_DENIED', 'alert_customer'],
    ['/status/404', 'NOT_FOUND', 'ignore_record'],
    ['/status/409', 'CONFLICT', 'alert_customer'],
    ['/status/422', 'VALIDATION_FAILED', 'fix_config'],
    ['/status/500', 'UPSTREAM_UNAVAILABLE', 'retry'],
    ['/status/503', 'UPSTREAM_UNAVAILABLE', 'retry'],
    ['/status/418', 'UNKNOWN', 'alert_customer'],
    // connector rules win over the default table
    ['/status/402/card_error', 'VALIDATION_FAILED', 'fix_config'],
    ['/status/400/insufficient_scope', 'PERMISSION_DENIED', 'alert_customer'],
    ['/status/503/record_gone', 'NOT_FOUND', 'ignore_record'],
    // a rule's pattern that does not match falls through to the table
    ['/status/402/api_error', 'UNKNOWN', 'alert_customer'],
  ])('%s -> %s (%s)', async (path, code, action) => {
    const error = await failureOf(path);
    expect(error.code).toBe(code);
    expect(error.action).toBe(action);
  });

  it("keeps the platform's message, code, status, tracking id and a redacted URL", async () => {
    const error = await failureOf('/status/404/resource_missing');
    expect(error.context).toMatchObject({
      status: 404,
      method: 'GET',
      platformMessage: 'platform says 404',
      platformCode: 'resource_missing',
      trackingId: expect.stringMatching(/^req-\d+$/),
      url: expect.stringContaining('/status/404/resource_missing'),
    });
  });

  it('a body that is not JSON is MALFORMED_RESPONSE', async () => {
    expect((await failureOf('/status/malformed')).code).toBe('MALFORMED_RESPONSE');
  });

  it('a body past the size limit is RESPONSE_TOO_LARGE', async () => {
    const error = await failureOf('/status/huge');
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', action: 'fix_config' });
  });

  it('records missing from a page are MALFORMED_RESPONSE, never an empty page', async () => {
    const pages = client.paginate({ request: { path: '/status/200' }, recordsPath: 'data', pagination: { type: 'none' } });
    await expect(pages.next()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', context: { fieldPath: 'data' } });
  });

  it('a connection refused is NETWORK_ERROR after retries', async () => {
    const closed = await startLoopbackServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const dead = createFetchClient({ baseUrl: url, logger: createLogger({ level: 'silent' }), retry: { maxAttempts: 2, baseDelayMs: 5, minDelayMs: 5 } });
    await expect(dead.request({ path: '/x' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', action: 'retry', context: { attempts: 2 } });
  });
});
