import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPortageError } from '@portage/core';
import { createFetchTransport, createUndiciTransport } from '@portage/fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecorder, loadFixtures, replayServer, type Fixture } from '../src/index.js';
import type { LoopbackServer } from './loopback-server.js';
import { makeSecrets, shopClient, startShop, syncShop, type ShopSecrets } from './shop-platform.js';

const RECORDED_AT = new Date('2025-03-01T10:00:00.000Z');

let dir: string;
let secrets: ShopSecrets;
let shop: LoopbackServer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-fixtures-'));
  secrets = makeSecrets();
  shop = await startShop(secrets);
});

afterEach(async () => {
  await shop.close();
  await rm(dir, { recursive: true, force: true });
});

async function record(transport = createUndiciTransport()): Promise<{ path: string; bodies: unknown[] }> {
  const recorder = createRecorder({ dir, connector: 'shop', secrets: () => [secrets.bearer], now: () => RECORDED_AT });
  const bodies = await syncShop(shopClient(shop.url, secrets, recorder.transport('items', transport)), secrets);
  await transport.close?.();
  const [path] = await recorder.save();
  return { path: path!, bodies };
}

describe('recording', () => {
  it('writes a fixture holding none of the secrets sent in headers, the query and the JSON body, or received back', async () => {
    const { path } = await record();
    expect(path).toBe(join(dir, 'shop', 'items.json'));
    const text = await readFile(path, 'utf8');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `${name} leaked`).toBe(false);
      expect(text.includes(encodeURIComponent(secret)), `${name} leaked url-encoded`).toBe(false);
    }
    // The secrets were really on the wire: the platform accepted them.
    expect(shop.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${secrets.bearer}`));

    const fixture = JSON.parse(text) as Fixture;
    const [page1, , session] = fixture.exchanges;
    expect(page1!.request.url).toBe(`${shop.url}/v1/items?api_key=<redacted:api_key>&limit=2`);
    expect(page1!.request.headers).toEqual({
      accept: 'application/json',
      authorization: '<redacted:authorization>',
      'x-client-fingerprint': '<redacted:high-entropy>',
    });
    expect(page1!.response.headers).toEqual({
      'content-type': 'application/json',
      'set-cookie': '<redacted:set-cookie>',
      'x-ratelimit-remaining': '99',
    });
    expect(session!.request.json).toEqual({
      client_secret: '<redacted:client_secret>',
      email: 'ada@example.com',
      nested: { refreshToken: '<redacted:refreshtoken>' },
      note: 'paid with <redacted:sk_test>',
    });
    expect(session!.response).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '99' },
      json: {
        access_token: '<redacted:access_token>',
        echo: '<redacted:sk_test>',
        email: 'ada@example.com',
        id: 'sess_1',
        // The bearer token is a known secret here: replaced by value before any pattern runs.
        meta: { issued: '<redacted:jwt>', note: 'created for Bearer <redacted:secret>' },
      },
    });
  });

  it('records the same traffic to the same bytes, through undici request and through global fetch alike', async () => {
    const first = await readFile((await record()).path);
    const second = await readFile((await record()).path);
    expect(second.equals(first)).toBe(true);
    const viaFetch = await readFile((await record(Object.assign(createFetchTransport(), { close: async () => {} }))).path);
    expect(viaFetch.toString('utf8')).toBe(first.toString('utf8'));
    expect(first.toString('utf8')).toContain('"recordedAt": "2025-03-01T10:00:00.000Z"');
  });

  it('orders exchanges by when the requests were made, even when answers arrive out of order', async () => {
    const recorder = createRecorder({ dir, connector: 'shop', now: () => RECORDED_AT });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transport = recorder.transport('race', async (req) => {
      if (req.url.endsWith('/slow')) await gate;
      const bytes = Buffer.from(req.url);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: (async function* () { yield bytes; })() };
    });
    const slow = transport({ method: 'GET', url: 'https://p.test/slow', headers: {}, timeoutMs: 1000 });
    await transport({ method: 'GET', url: 'https://p.test/fast', headers: {}, timeoutMs: 1000 });
    release();
    await slow;
    expect(recorder.fixtures()[0]!.exchanges.map((e) => e.request.url)).toEqual(['https://p.test/slow', 'https://p.test/fast']);
  });
});

describe('replay', () => {
  it('serves the recorded responses through the fetch client with no server running', async () => {
    const { bodies } = await record();
    const baseUrl = shop.url;
    await shop.close();
    const replay = replayServer(await loadFixtures(dir, 'shop'), { secrets: () => [secrets.bearer] });
    replay.listen();
    try {
      const replayed = await syncShop(shopClient(baseUrl, secrets, replay.transport), secrets);
      expect(replayed[0]).toEqual(bodies[0]);
      expect(replayed[1]).toEqual(bodies[1]);
      // The session answer held secrets: replay serves the redacted version.
      expect(replayed[2]).toMatchObject({ id: 'sess_1', access_token: '<redacted:access_token>', echo: '<redacted:sk_test>' });
      expect(replay.mismatches).toEqual([]);
      expect(replay.unused()).toEqual([]);
    } finally {
      replay.close();
    }
  });

  it('fails an unmatched request at once, naming the closest recorded request and how it differs', async () => {
    await record();
    const baseUrl = shop.url;
    await shop.close();
    const replay = replayServer(await loadFixtures(dir, 'shop'));
    replay.listen();
    try {
      const client = shopClient(baseUrl, secrets, replay.transport);
      const wrongPage = client.request({ path: '/v1/items', query: { limit: 5, api_key: secrets.apiKey } });
      const error: unknown = await wrongPage.catch((e: unknown) => e);
      expect(isPortageError(error) && error.code).toBe('CONFIG_INVALID');
      const message = (error as Error).message;
      expect(message).toContain(`GET ${baseUrl}/v1/items?api_key=<redacted:api_key>&limit=5 matches no recorded request`);
      expect(message).toContain(`Closest recorded: GET ${baseUrl}/v1/items?api_key=<redacted:api_key>&limit=2`);
      expect(message).toContain('query param limit differs: recorded 2, got 5');
      expect(message).toContain('PORTAGE_RECORD=1');
      expect(message).not.toContain(secrets.apiKey);

      const wrongBody = client.request({ method: 'POST', path: '/v1/sessions', body: { email: 'bob@example.com', note: 'x' } });
      const bodyMessage = ((await wrongBody.catch((e: unknown) => e)) as Error).message;
      expect(bodyMessage).toContain(`Closest recorded: POST ${baseUrl}/v1/sessions`);
      expect(bodyMessage).toContain('body field email differs: recorded "ada@example.com", got "bob@example.com"');
      expect(bodyMessage).toContain('body field client_secret missing (recorded "<redacted:client_secret>")');
      expect(bodyMessage).toContain('body field nested.refreshToken missing');
      expect(replay.mismatches).toHaveLength(2);
      expect(replay.unused()).toHaveLength(3);
    } finally {
      replay.close();
    }
  });
});
