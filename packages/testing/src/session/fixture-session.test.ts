import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetchClient, createLogger } from '@portage/fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixtureSession } from './fixture-session.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openFixtureSession', () => {
  it('records against the live platform, then replays the same scenario offline', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orders: [{ id: 1 }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const options = { dir, connector: 'demo', scenario: 'orders', now: () => new Date('2025-02-02T00:00:00.000Z') };
    const run = async (record: boolean) => {
      const session = await openFixtureSession({ ...options, record });
      try {
        const client = createFetchClient({ baseUrl, transport: session.transport, retry: { maxAttempts: 1 }, logger: createLogger({ level: 'silent' }) });
        return { mode: session.mode, body: (await client.request({ path: '/orders', query: { page: 1 } })).body };
      } finally {
        await session.close();
      }
    };

    expect(await run(true)).toEqual({ mode: 'record', body: { orders: [{ id: 1 }] } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await readFile(join(dir, 'demo', 'orders.json'), 'utf8')).toContain('"recordedAt": "2025-02-02T00:00:00.000Z"');
    expect(await run(false)).toEqual({ mode: 'replay', body: { orders: [{ id: 1 }] } });
    expect(hits).toBe(1);
  });

  it('tells how to record a scenario that has no fixture yet', async () => {
    await expect(openFixtureSession({ dir, connector: 'demo', scenario: 'missing', record: false })).rejects.toThrow(
      /no fixture at .*demo\/missing\.json: record it with PORTAGE_RECORD=1/,
    );
  });
});
