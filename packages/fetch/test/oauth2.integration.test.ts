import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, createOAuth2TokenProvider, createUndiciTransport, type OAuthTokens } from '../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Platform {
  server: LoopbackServer;
  tokenRequests: () => number;
}

/** A platform whose token endpoint issues tok-1, tok-2, ... and whose API accepts only `valid`. */
async function platform(options: { valid: (token: string) => boolean; grantError?: string }): Promise<Platform> {
  let issued = 0;
  server = await startLoopbackServer((request, res) => {
    if (request.url === '/oauth/token') {
      if (options.grantError) return sendJson(res, 400, { error: options.grantError, error_description: 'refresh token revoked' });
      issued++;
      return sendJson(res, 200, { access_token: `tok-${issued}`, refresh_token: `rt-${issued}`, expires_in: 3600, token_type: 'Bearer' });
    }
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (options.valid(token)) sendJson(res, 200, { ok: token });
    else sendJson(res, 401, { error: 'invalid_token' });
  });
  return { server, tokenRequests: () => server!.requests.filter((r) => r.url === '/oauth/token').length };
}

function clientFor(p: Platform, saved: OAuthTokens[] = [], stale?: string) {
  const config = { type: 'oauth2', grant: 'refresh_token', tokenUrl: `${p.server.url}/oauth/token` } as const;
  const tokenProvider = createOAuth2TokenProvider({
    config,
    credentials: { type: 'oauth2', clientId: 'id', clientSecret: 'secret', refreshToken: 'rt-0', ...(stale ? { accessToken: stale, expiresAt: Date.now() + 3_600_000 } : {}) },
    transport: createUndiciTransport(),
    onTokens: (tokens) => void saved.push(tokens),
  });
  return createFetchClient({ baseUrl: p.server.url, auth: config, tokenProvider, logger: createLogger({ level: 'silent' }) });
}

describe('OAuth2 against a loopback token endpoint', () => {
  it('a rejected access token is refreshed once, the request retried, and the new tokens handed over', async () => {
    const p = await platform({ valid: (t) => t === 'tok-1' });
    const saved: OAuthTokens[] = [];
    const response = await clientFor(p, saved, 'stale-token').request<{ ok: string }>({ path: '/me' });
    expect(response.body.ok).toBe('tok-1');
    expect(p.tokenRequests()).toBe(1);
    expect(saved.at(-1)).toMatchObject({ accessToken: 'tok-1', refreshToken: 'rt-1' });
  });

  it('concurrent requests share one token request', async () => {
    const p = await platform({ valid: (t) => t.startsWith('tok-') });
    const client = clientFor(p);
    await Promise.all(Array.from({ length: 8 }, () => client.request({ path: '/me' })));
    expect(p.tokenRequests()).toBe(1);
  });

  it('a platform that takes JSON and answers expires_at (Square) gets a JSON request, and the lifetime is read', async () => {
    const expiresAt = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
    server = await startLoopbackServer((request, res) => {
      if (request.url === '/oauth2/token') {
        const body = JSON.parse(request.body || '{}') as Record<string, string>;
        const valid = request.headers['content-type'] === 'application/json' && body.grant_type === 'refresh_token' && body.client_id === 'id';
        return valid ? sendJson(res, 200, { access_token: 'sq-1', refresh_token: 'sq-rt', expires_at: expiresAt }) : sendJson(res, 400, { error: 'invalid_request' });
      }
      sendJson(res, (request.headers.authorization ?? '') === 'Bearer sq-1' ? 200 : 401, {});
    });
    const config = { type: 'oauth2', grant: 'refresh_token', tokenUrl: `${server.url}/oauth2/token`, clientAuth: 'body', tokenRequestFormat: 'json' } as const;
    const saved: OAuthTokens[] = [];
    const tokenProvider = createOAuth2TokenProvider({
      config,
      credentials: { type: 'oauth2', clientId: 'id', clientSecret: 'secret', refreshToken: 'rt-0' },
      transport: createUndiciTransport(),
      onTokens: (tokens) => void saved.push(tokens),
    });
    const client = createFetchClient({ baseUrl: server.url, auth: config, tokenProvider, logger: createLogger({ level: 'silent' }) });
    expect((await client.request({ path: '/me' })).status).toBe(200);
    expect(saved.at(-1)).toMatchObject({ accessToken: 'sq-1', refreshToken: 'sq-rt' });
    expect(Math.abs((saved.at(-1)?.expiresAt ?? 0) - Date.parse(expiresAt))).toBeLessThan(60_000);
  });

  it('invalid_grant means the customer must reconnect: AUTH_INVALID', async () => {
    const p = await platform({ valid: () => false, grantError: 'invalid_grant' });
    await expect(clientFor(p).request({ path: '/me' })).rejects.toMatchObject({ code: 'AUTH_INVALID', action: 'alert_customer' });
  });

  it('a token rejected even after a refresh is AUTH_INVALID, after exactly one refresh', async () => {
    const p = await platform({ valid: () => false });
    await expect(clientFor(p).request({ path: '/me' })).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(p.tokenRequests()).toBe(2);
  });
});
