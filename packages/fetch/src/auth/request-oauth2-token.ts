import { PortageError, type AuthConfig, type ErrorCode, type ErrorContext } from '@portage/core';
import { classifyTransportError } from '../errors/classify-transport-error.js';
import { createRedactor } from '../log/redact.js';
import type { Transport, TransportResponse } from '../transport/transport.js';

/**
 * The oauth2 variant of {@link AuthConfig}.
 *
 * @example { type: 'oauth2', grant: 'client_credentials', tokenUrl: 'https://id.example.com/token', scopes: ['read'] }
 */
export type OAuth2AuthConfig = Extract<AuthConfig, { type: 'oauth2' }>;

/**
 * Which grant to ask the token endpoint for (RFC 6749 4.4 and 6).
 *
 * @example { type: 'refresh_token', refreshToken }
 */
export type OAuth2Grant = { type: 'client_credentials' } | { type: 'refresh_token'; refreshToken: string };

/**
 * What a token endpoint granted.
 *
 * @example { accessToken: 'at_1', refreshToken: 'rt_2', expiresInMs: 3_600_000 }
 */
export interface OAuth2TokenResponse {
  accessToken: string;
  /** Present when the platform issued (or rotated) a refresh token. */
  refreshToken?: string;
  /** Lifetime from `expires_in`, in milliseconds; absent when the platform did not say. */
  expiresInMs?: number;
}

/**
 * Inputs of {@link requestOAuth2Token}.
 *
 * @example { config, clientId, clientSecret, grant: { type: 'client_credentials' }, transport, timeoutMs: 30_000 }
 */
export interface OAuth2TokenRequest {
  config: OAuth2AuthConfig;
  clientId: string;
  clientSecret: string;
  grant: OAuth2Grant;
  transport: Transport;
  timeoutMs: number;
}

// A token answer is a few kilobytes at most; anything larger is not a token answer.
const MAX_TOKEN_RESPONSE_BYTES = 256 * 1024;
const MAX_PLATFORM_MESSAGE = 300;

// RFC 6749 5.2 error codes. The first three mean the grant or the client is dead: only the
// customer reconnecting fixes them, so retrying would only hammer the endpoint.
const OAUTH_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  invalid_grant: 'AUTH_INVALID',
  invalid_client: 'AUTH_INVALID',
  unauthorized_client: 'AUTH_INVALID',
  invalid_scope: 'PERMISSION_DENIED',
  invalid_request: 'CONFIG_INVALID',
  unsupported_grant_type: 'CONFIG_INVALID',
  server_error: 'UPSTREAM_UNAVAILABLE',
  temporarily_unavailable: 'UPSTREAM_UNAVAILABLE',
};

/**
 * One POST to the token endpoint through Portage's transport: form-encoded, or JSON where the
 * platform asks for it.
 *
 * Hand-written rather than taken from an OAuth library on purpose: the request must go through
 * the injected transport (the one with retries, redaction and loopback test servers), and the
 * whole protocol here is one form POST and one JSON answer.
 *
 * Errors are PortageErrors whose message and context carry the status, the OAuth `error` code
 * and a scrubbed `error_description`, never the body, the client secret or any token.
 *
 * @example
 * const granted = await requestOAuth2Token({
 *   config: { type: 'oauth2', grant: 'client_credentials', tokenUrl: 'https://id.example.com/token' },
 *   clientId: 'id', clientSecret: 'secret', grant: { type: 'client_credentials' },
 *   transport, timeoutMs: 30_000,
 * });
 * // { accessToken: '...', expiresInMs: 3_600_000 }
 */
export async function requestOAuth2Token(request: OAuth2TokenRequest): Promise<OAuth2TokenResponse> {
  const { config, clientId, clientSecret, grant } = request;
  const secretValues = [clientSecret, ...(grant.type === 'refresh_token' ? [grant.refreshToken] : [])];
  const redact = createRedactor(() => secretValues);
  const context: ErrorContext = { method: 'POST', url: redact.url(config.tokenUrl), grant: grant.type };

  const form = new URLSearchParams({ grant_type: grant.type });
  if (grant.type === 'refresh_token') form.set('refresh_token', grant.refreshToken);
  // Sent on refresh too: RFC 6749 6 allows the originally granted scopes, and some platforms
  // (Microsoft identity) require them there.
  if (config.scopes?.length) form.set('scope', config.scopes.join(' '));
  const json = config.tokenRequestFormat === 'json';
  const headers: Record<string, string> = {
    'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  // RFC 6749 2.3.1: servers must support HTTP Basic, and body credentials are the fallback.
  if ((config.clientAuth ?? 'basic') === 'basic') {
    headers['authorization'] = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`;
  } else {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  }

  const signal = AbortSignal.timeout(request.timeoutMs);
  let response: TransportResponse;
  let bodyText: string;
  try {
    // A rare call: one overall deadline (the signal) on top of the transport's own timeouts.
    const body = json ? JSON.stringify(Object.fromEntries(form)) : form.toString();
    response = await request.transport({ method: 'POST', url: config.tokenUrl, headers, body, signal, timeoutMs: request.timeoutMs });
    bodyText = await readText(response.body, { ...context, status: response.status });
  } catch (error) {
    if (error instanceof PortageError) throw error;
    const failure = signal.aborted ? ({ type: 'timeout' } as const) : classifyTransportError(error);
    if (failure.type === 'timeout') {
      throw new PortageError('TIMEOUT', `the token endpoint did not answer within ${request.timeoutMs} ms`, {
        cause: error,
        context,
      });
    }
    throw new PortageError('NETWORK_ERROR', `the token request failed (${failure.code})`, {
      cause: error,
      context: { ...context, networkCode: failure.code },
    });
  }

  const statusContext: ErrorContext = { ...context, status: response.status };
  const answer = parseAnswer(bodyText, response.headers['content-type']);
  const ok = response.status >= 200 && response.status < 300;
  const accessToken = answer?.['access_token'];
  if (ok && typeof accessToken === 'string' && accessToken !== '') {
    const refreshToken = answer?.['refresh_token'];
    const expiresInMs = expiresIn(answer?.['expires_in']) ?? expiresAt(answer?.['expires_at']);
    return {
      accessToken,
      ...(typeof refreshToken === 'string' && refreshToken !== '' ? { refreshToken } : {}),
      ...(expiresInMs === undefined ? {} : { expiresInMs }),
    };
  }

  // Some platforms (GitHub) answer 200 with an `error` field: treat it like an error status.
  const oauthError = typeof answer?.['error'] === 'string' ? answer['error'].slice(0, 64) : undefined;
  const rawDescription = answer?.['error_description'];
  const description =
    typeof rawDescription === 'string' ? redact.text(rawDescription).slice(0, MAX_PLATFORM_MESSAGE) : undefined;
  const errorContext: ErrorContext = {
    ...statusContext,
    ...(oauthError === undefined ? {} : { platformCode: oauthError }),
    ...(description === undefined ? {} : { platformMessage: description }),
  };
  if (ok && oauthError === undefined) {
    throw new PortageError(
      'MALFORMED_RESPONSE',
      answer === undefined
        ? `the token endpoint answered ${response.status} with a body that is not a JSON object (${bodyText.length} characters)`
        : `the token endpoint answered ${response.status} without an access_token`,
      { context: errorContext },
    );
  }
  const code = (oauthError === undefined ? undefined : OAUTH_ERROR_CODES[oauthError]) ?? codeForStatus(response.status);
  throw new PortageError(
    code,
    `the token endpoint refused the ${grant.type} grant with ${response.status}${oauthError ? ` ${oauthError}` : ''}`,
    { context: errorContext },
  );
}

function codeForStatus(status: number): ErrorCode {
  if (status >= 500) return 'UPSTREAM_UNAVAILABLE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 408) return 'TIMEOUT';
  if (status === 401 || status === 403) return 'AUTH_INVALID';
  return 'UNKNOWN';
}

/** JSON by default; form-encoded when the platform says so (older GitHub and Facebook APIs). */
function parseAnswer(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `expires_in` in seconds, as a number or (for a few platforms) a numeric string. */
function expiresIn(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** `expires_at` as an ISO 8601 instant (Square), as a lifetime from now. */
function expiresAt(value: unknown): number | undefined {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(at) && at > Date.now() ? at - Date.now() : undefined;
}

async function readText(body: AsyncIterable<Uint8Array>, context: ErrorContext): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > MAX_TOKEN_RESPONSE_BYTES) {
      throw new PortageError('MALFORMED_RESPONSE', `the token endpoint answer passed ${MAX_TOKEN_RESPONSE_BYTES} bytes`, { context });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

// RFC 6749 2.3.1 form-encodes the client id and secret before they are joined for Basic.
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
