import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig, Credentials } from '@portage/core';
import { createFetchClient, createLogger, createOAuth2TokenProvider, createUndiciTransport } from '../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const SECRETS = {
  apiKey: 'key_4f9a8b7c6d5e4f3a2b1c',
  bearer: 'tok_live_9c8b7a6f5e4d3c2b1a00',
  password: 'hunter2-correct-horse',
  clientSecret: 'cs_7d6c5b4a3f2e1d0c9b8a',
  refreshToken: 'rt_1a2b3c4d5e6f7a8b9c0d',
  accessToken: 'at_0f9e8d7c6b5a4f3e2d1c',
  bodySecret: 'body_secret_5a4b3c2d1e0f',
};

let server: LoopbackServer;
let lines: string[] = [];
const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });

beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    if (request.url.startsWith('/oauth/token')) {
      sendJson(res, 200, { access_token: SECRETS.accessToken, refresh_token: SECRETS.refreshToken, expires_in: 3600, token_type: 'bearer' });
      return;
    }
    // An unfriendly platform that echoes what it got, secrets included, in its error bodies.
    const echo = { error: { message: `bad request ${request.url} ${request.headers.authorization ?? ''} ${request.body}` } };
    if (request.url.includes('fail')) sendJson(res, 400, echo, { 'x-request-id': 'trk-1' });
    else if (request.url.includes('flaky') && request.index % 2 === 0) sendJson(res, 503, echo);
    else sendJson(res, 200, { ok: true }, { 'set-cookie': `session=${SECRETS.bearer}` });
  });
});

afterAll(async () => server.close());

const cases: Array<[string, AuthConfig, () => Credentials | undefined]> = [
  ['api key in a header', { type: 'api_key', in: 'header', name: 'X-Api-Key' }, () => ({ type: 'api_key', apiKey: SECRETS.apiKey })],
  ['api key in the query', { type: 'api_key', in: 'query', name: 'api_key' }, () => ({ type: 'api_key', apiKey: SECRETS.apiKey })],
  ['bearer token', { type: 'bearer' }, () => ({ type: 'bearer', token: SECRETS.bearer })],
  ['basic auth', { type: 'basic' }, () => ({ type: 'basic', username: 'me', password: SECRETS.password })],
  ['oauth2 refresh token', { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'http://placeholder/oauth/token' }, () => undefined],
];

describe('no secret reaches a log line', () => {
  it.each(cases)('%s', async (_name, auth, credentials) => {
    lines = [];
    const oauth = auth.type === 'oauth2' ? { ...auth, tokenUrl: `${server.url}/oauth/token` } : auth;
    const tokenProvider =
      oauth.type === 'oauth2'
        ? createOAuth2TokenProvider({
            config: oauth,
            credentials: { type: 'oauth2', clientId: 'client-1', clientSecret: SECRETS.clientSecret, refreshToken: SECRETS.refreshToken },
            transport: createUndiciTransport(),
          })
        : undefined;
    const creds = credentials();
    const client = createFetchClient({
      baseUrl: server.url,
      auth: oauth,
      ...(creds ? { credentials: creds } : {}),
      ...(tokenProvider ? { tokenProvider } : {}),
      logger,
      retry: { maxAttempts: 2, baseDelayMs: 5, minDelayMs: 5 },
    });
    // A connection's own key is scrubbed by value wherever it shows up, even in a path.
    const path = auth.type === 'api_key' ? `/ok/${SECRETS.apiKey}` : '/ok/items';
    await client.request({ path, query: { token: SECRETS.bearer, page: 2 } });
    await client.request({ method: 'POST', path: '/flaky', body: { password: SECRETS.password, nested: { client_secret: SECRETS.bodySecret } } }, { retrySafe: true });
    await client
      .request({ method: 'POST', path: '/fail', query: { access_token: SECRETS.accessToken }, body: `secret=${SECRETS.bodySecret}` })
      .catch((error: unknown) => logger.error({ err: error }, 'caller logs the failure'));
    await client.close();

    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(all.includes(secret), `${name} appeared in a log line`).toBe(false);
    }
    // The logs still say what happened.
    expect(all).toContain('"status":400');
    expect(all).toContain('trk-1');
    expect(all).toMatch(/"requestId":"[0-9a-f-]{36}"/);
  });
});
