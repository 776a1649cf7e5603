import { isPortageError } from '@portage/core';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedFixture, RecordedExchange } from '../fixture/fixture.js';
import { replayServer, type ReplayServer } from './replay-server.js';

const exchange = (url: string, status: number, json: unknown, method = 'GET'): RecordedExchange => ({
  request: { method, url, headers: {} },
  response: { status, headers: { 'content-type': 'application/json' }, json },
});
const fixture = (exchanges: RecordedExchange[]): LoadedFixture => ({ format: 1, connector: 'p', scenario: 's', recordedAt: '2025-01-01T00:00:00.000Z', exchanges, file: 'p/s.json' });

let replay: ReplayServer | undefined;
afterEach(() => replay?.close());

describe('replayServer', () => {
  it('answers identical requests with their recordings in order, the last one repeating, and starts over on reset', async () => {
    replay = replayServer([fixture([exchange('https://p.test/jobs/1', 202, { state: 'running' }), exchange('https://p.test/jobs/1', 200, { state: 'done' })])]);
    replay.listen();
    const states = async () => ((await (await fetch('https://p.test/jobs/1')).json()) as { state: string }).state;
    expect([await states(), await states(), await states()]).toEqual(['running', 'done', 'done']);
    replay.reset();
    expect(await states()).toBe('running');
  });

  it('matches a request whatever order its query was written in, and a 204 without a body', async () => {
    replay = replayServer([fixture([exchange('https://p.test/x?b=2&a=1', 200, [1]), { ...exchange('https://p.test/y', 204, {}), response: { status: 204, headers: {} } }])]);
    replay.listen();
    expect(await (await fetch('https://p.test/x?a=1&b=2')).json()).toEqual([1]);
    expect((await fetch('https://p.test/y')).status).toBe(204);
  });

  it('answers an unmatched plain fetch with a 501 explaining why, and lets tests add failures on top', async () => {
    replay = replayServer([fixture([exchange('https://p.test/x?a=1', 200, {})])]);
    replay.listen();
    const res = await fetch('https://p.test/x?a=2');
    expect(res.status).toBe(501);
    expect(await res.text()).toContain('Closest recorded: GET https://p.test/x?a=1 (p/s.json exchange 1): query param a differs: recorded 1, got 2');
    replay.server.use(http.get('https://p.test/x', () => HttpResponse.json({ error: 'down' }, { status: 503 })));
    expect((await fetch('https://p.test/x?a=1')).status).toBe(503);
  });

  it('says no fixtures are loaded when there are none, through the transport as a CONFIG_INVALID error', async () => {
    replay = replayServer([]);
    replay.listen();
    const error: unknown = await replay.transport({ method: 'GET', url: 'https://p.test/x', headers: {}, timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(isPortageError(error) && error.code).toBe('CONFIG_INVALID');
    expect((error as Error).message).toContain('GET https://p.test/x matches no recorded request: no fixtures are loaded');
  });
});
