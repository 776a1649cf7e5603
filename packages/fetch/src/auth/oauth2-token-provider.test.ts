import { isPortageError, type ErrorCode } from '@portage/core';
import { describe, expect, it, vi } from 'vitest';
import type { Transport, TransportRequest } from '../transport/transport.js';
import { createOAuth2TokenProvider, type OAuth2TokenProviderOptions } from './oauth2-token-provider.js';
import type { OAuthTokens } from './token-provider.js';

const CLIENT_SECRET = 'cs_top_secret_value_1';
const REFRESH_TOKEN = 'rt_original_refresh_1';
const TOKEN_URL = 'https://id.example.com/oauth/token';

type Answer = { status: number; body: string; headers?: Record<string, string> } | Error;

interface FakeEndpoint {
  transport: Transport;
  requests: TransportRequest[];
  /** Holds every answer back until `release()`, to line up concurrent callers. */
  hold(): void;
  release(): void;
}

/** A token endpoint that answers from a script, one answer per request, and records requests. */
function fakeEndpoint(...answers: Answer[]): FakeEndpoint {
  const requests: TransportRequest[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const transport: Transport = async (request) => {
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    await gate;
    if (answer instanceof Error) throw answer;
    return {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
      body: (async function* () {
        yield new TextEncoder().encode(answer.body);
      })(),
    };
  };
  return {
    transport,
    requests,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(body),
  ...(headers ? { headers } : {}),
});
const granted = (accessToken: string, extra: Record<string, unknown> = {}): Answer =>
  json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, ...extra });

function provider(
  transport: Transport,
  overrides: Partial<Omit<OAuth2TokenProviderOptions, 'transport'>> = {},
): ReturnType<typeof createOAuth2TokenProvider> {
  return createOAuth2TokenProvider({
    config: { type: 'oauth2', grant: 'refresh_token', tokenUrl: TOKEN_URL },
    credentials: { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
    transport,
    ...overrides,
  });
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('token request', () => {
  it.each<[string, Partial<OAuth2TokenProviderOptions>, Record<string, string>, string | undefined]>([
    [
      'refresh_token grant, Basic client auth by default',
      {},
      { grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN },
      `Basic ${Buffer.from(`client-1:${CLIENT_SECRET}`).toString('base64')}`,
    ],
    [
      'client_credentials grant with scopes, client auth in the body',
      {
        config: { type: 'oauth2', grant: 'client_credentials', tokenUrl: TOKEN_URL, scopes: ['read', 'write'], clientAuth: 'body' },
        credentials: { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET },
      },
      { grant_type: 'client_credentials', scope: 'read write', client_id: 'client-1', client_secret: CLIENT_SECRET },
      undefined,
    ],
    [
      'Basic form-encodes the client id and secret first (RFC 6749 2.3.1)',
      { credentials: { type: 'oauth2', clientId: 'a b:c', clientSecret: 's/+%', refreshToken: REFRESH_TOKEN } },
      { grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN },
      `Basic ${Buffer.from('a+b%3Ac:s%2F%2B%25').toString('base64')}`,
    ],
  ])('%s', async (_name, overrides, wantForm, wantAuthorization) => {
    const endpoint = fakeEndpoint(granted('at_1'));
    expect(await provider(endpoint.transport, overrides).getToken()).toBe('at_1');
    const request = endpoint.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', url: TOKEN_URL });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['authorization']).toBe(wantAuthorization);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual(wantForm);
    expect(request.signal).toBeInstanceOf(AbortSignal);
  });

  it('accepts a form-encoded answer and a numeric-string expires_in', async () => {
    const endpoint = fakeEndpoint({
      status: 200,
      body: 'access_token=at_form&expires_in=120&token_type=bearer',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    let now = 0;
    const p = provider(endpoint.transport, { now: () => now });
    expect(await p.getToken()).toBe('at_form');
    now = 59_000; // lifetime 120 s: refreshed at half-life since it is shorter than 2 x skew
    await p.getToken();
    expect(endpoint.requests).toHaveLength(1);
    now = 61_000;
    await p.getToken();
    expect(endpoint.requests).toHaveLength(2);
  });
});

describe('errors', () => {
  it.each<[string, Answer, ErrorCode, string | undefined]>([
    ['invalid_grant: the customer must reconnect', json(400, { error: 'invalid_grant', error_description: 'refresh token expired' }), 'AUTH_INVALID', 'invalid_grant'],
    ['invalid_client', json(401, { error: 'invalid_client' }), 'AUTH_INVALID', 'invalid_client'],
    ['unauthorized_client', json(400, { error: 'unauthorized_client' }), 'AUTH_INVALID', 'unauthorized_client'],
    ['invalid_scope', json(400, { error: 'invalid_scope' }), 'PERMISSION_DENIED', 'invalid_scope'],
    ['unsupported_grant_type', json(400, { error: 'unsupported_grant_type' }), 'CONFIG_INVALID', 'unsupported_grant_type'],
    ['an error field in a 200 (GitHub style)', json(200, { error: 'invalid_grant' }), 'AUTH_INVALID', 'invalid_grant'],
    ['a 503', { status: 503, body: '<html>down</html>', headers: { 'content-type': 'text/html' } }, 'UPSTREAM_UNAVAILABLE', undefined],
    ['a 500 with an OAuth body', json(500, { error: 'server_error' }), 'UPSTREAM_UNAVAILABLE', 'server_error'],
    ['a 429', json(429, {}), 'RATE_LIMITED', undefined],
    ['a bare 401', { status: 401, body: '' }, 'AUTH_INVALID', undefined],
    ['a 200 that is not JSON', { status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } }, 'MALFORMED_RESPONSE', undefined],
    ['a 200 without access_token', json(200, { token_type: 'Bearer' }), 'MALFORMED_RESPONSE', undefined],
    ['a 200 with a JSON array', json(200, ['at_1']), 'MALFORMED_RESPONSE', undefined],
    ['a network failure', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'NETWORK_ERROR', undefined],
  ])('%s -> %s', async (_name, answer, wantCode, wantPlatformCode) => {
    const error = await errorOf(provider(fakeEndpoint(answer).transport).getToken());
    expect(isPortageError(error) && error.code).toBe(wantCode);
    if (!isPortageError(error)) return;
    expect(error.context['platformCode']).toBe(wantPlatformCode);
  });

  it('a timeout of the token request is TIMEOUT', async () => {
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => request.signal!.addEventListener('abort', () => reject(request.signal!.reason as Error)));
    const error = await errorOf(provider(transport, { timeoutMs: 20 }).getToken());
    expect(isPortageError(error) && error.code).toBe('TIMEOUT');
  });

  it('never puts secrets or the token body in the error', async () => {
    const echo = json(400, {
      error: 'invalid_grant',
      error_description: `refresh token ${REFRESH_TOKEN} for client secret ${CLIENT_SECRET} is invalid`,
      access_token: 'at_leaked_in_body_1',
    });
    const error = await errorOf(provider(fakeEndpoint(echo).transport).getToken());
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of [REFRESH_TOKEN, CLIENT_SECRET, 'at_leaked_in_body_1']) expect(shown).not.toContain(secret);
    expect(isPortageError(error) && error.context['platformMessage']).toContain('[REDACTED]');
  });

  it('a malformed 200 does not echo its body', async () => {
    const error = await errorOf(provider(fakeEndpoint(json(200, { acess_token: 'at_typo_secret_1' })).transport).getToken());
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('at_typo_secret_1');
  });

  it.each<[string, Partial<OAuth2TokenProviderOptions>]>([
    ['no client secret', { credentials: { type: 'oauth2', clientId: 'c', clientSecret: '', refreshToken: 'r' } }],
    ['no refresh token for the refresh_token grant', { credentials: { type: 'oauth2', clientId: 'c', clientSecret: 's' } }],
  ])('%s -> CONFIG_INVALID naming fields, not values', (_name, overrides) => {
    let error: unknown;
    try {
      provider(fakeEndpoint(granted('x')).transport, overrides);
    } catch (caught) {
      error = caught;
    }
    expect(isPortageError(error) && error.code).toBe('CONFIG_INVALID');
  });

  it('after a failure the next call tries again', async () => {
    const endpoint = fakeEndpoint(json(503, {}), granted('at_2'));
    const p = provider(endpoint.transport);
    await errorOf(p.getToken());
    expect(await p.getToken()).toBe('at_2');
  });
});

describe('caching', () => {
  it.each<[string, number, number]>([
    ['reused well before expiry', 3_000_000, 1],
    ['reused until expires_in minus the skew', 3_539_000, 1],
    ['refreshed inside the skew', 3_541_000, 2],
    ['refreshed after expiry', 4_000_000, 2],
  ])('%s', async (_name, later, wantRequests) => {
    const endpoint = fakeEndpoint(granted('at_1'), granted('at_2'));
    let now = 0;
    const p = provider(endpoint.transport, { now: () => now });
    await p.getToken();
    now = later;
    await p.getToken();
    expect(endpoint.requests).toHaveLength(wantRequests);
  });

  it('uses stored credentials until they near expiry', async () => {
    const endpoint = fakeEndpoint(granted('at_new'));
    let now = 1_000;
    const p = provider(endpoint.transport, {
      now: () => now,
      credentials: { type: 'oauth2', clientId: 'c', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, accessToken: 'at_stored', expiresAt: 200_000 },
    });
    expect(await p.getToken()).toBe('at_stored');
    now = 150_000;
    expect(await p.getToken()).toBe('at_new');
  });

  it('keeps a token without expires_in until it is invalidated', async () => {
    const endpoint = fakeEndpoint(json(200, { access_token: 'at_1' }), granted('at_2'));
    let now = 0;
    const p = provider(endpoint.transport, { now: () => now });
    await p.getToken();
    now = 10 * 86_400_000;
    expect(await p.getToken()).toBe('at_1');
    p.invalidate('at_1');
    expect(await p.getToken()).toBe('at_2');
  });

  it('falls back to the still-valid token when a refresh inside the skew fails transiently', async () => {
    const endpoint = fakeEndpoint(granted('at_1'), json(503, {}));
    let now = 0;
    const p = provider(endpoint.transport, { now: () => now });
    await p.getToken();
    now = 3_570_000; // inside the skew, not expired
    expect(await p.getToken()).toBe('at_1');
    now = 3_700_000; // expired: the failure surfaces
    const error = await errorOf(p.getToken());
    expect(isPortageError(error) && error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('single flight and invalidation', () => {
  it('concurrent callers share one token request', async () => {
    const endpoint = fakeEndpoint(granted('at_1'));
    endpoint.hold();
    const p = provider(endpoint.transport);
    const all = Promise.all([p.getToken(), p.getToken(), p.getToken()]);
    await Promise.resolve();
    endpoint.release();
    expect(await all).toEqual(['at_1', 'at_1', 'at_1']);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('a caller that aborts stops waiting, the others still get the token', async () => {
    const endpoint = fakeEndpoint(granted('at_1'));
    endpoint.hold();
    const p = provider(endpoint.transport);
    const controller = new AbortController();
    const impatient = p.getToken(controller.signal);
    const patient = p.getToken();
    controller.abort(new Error('caller gave up'));
    await expect(impatient).rejects.toThrow('caller gave up');
    endpoint.release();
    expect(await patient).toBe('at_1');
  });

  it.each<[string, string, number]>([
    ['invalidating the current token forces a new request', 'at_1', 2],
    ['a stale token does not throw away the current one', 'at_0_stale', 1],
  ])('%s', async (_name, rejected, wantRequests) => {
    const endpoint = fakeEndpoint(granted('at_1'), granted('at_2'));
    const p = provider(endpoint.transport);
    await p.getToken();
    p.invalidate(rejected);
    await p.getToken();
    expect(endpoint.requests).toHaveLength(wantRequests);
  });
});

describe('refresh token rotation', () => {
  it('keeps a rotated refresh token, reports it to onTokens and uses it next time', async () => {
    const endpoint = fakeEndpoint(granted('at_1', { refresh_token: 'rt_rotated_2' }), granted('at_2'));
    const saved: OAuthTokens[] = [];
    const p = provider(endpoint.transport, { now: () => 1_000, onTokens: (tokens) => void saved.push(tokens) });
    await p.getToken();
    p.invalidate('at_1');
    await p.getToken();
    expect(new URLSearchParams(endpoint.requests[1]!.body).get('refresh_token')).toBe('rt_rotated_2');
    expect(saved).toEqual([
      { accessToken: 'at_1', refreshToken: 'rt_rotated_2', expiresAt: 3_601_000 },
      // No new refresh token in the answer: the current one is kept.
      { accessToken: 'at_2', refreshToken: 'rt_rotated_2', expiresAt: 3_601_000 },
    ]);
    expect(p.secrets?.()).toEqual(expect.arrayContaining([CLIENT_SECRET, 'rt_rotated_2', 'at_2']));
  });

  it('awaits onTokens before handing out the token, and surfaces its failure', async () => {
    const order: string[] = [];
    const endpoint = fakeEndpoint(granted('at_1'));
    const onTokens = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('saved');
      throw new Error('store down');
    });
    const p = provider(endpoint.transport, { onTokens });
    await expect(p.getToken()).rejects.toThrow('store down');
    expect(order).toEqual(['saved']);
    // The token itself was fine and stays cached.
    expect(await p.getToken()).toBe('at_1');
    expect(endpoint.requests).toHaveLength(1);
  });
});
