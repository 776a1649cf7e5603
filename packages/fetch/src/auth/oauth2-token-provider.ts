import { PortageError, type Credentials } from '@portage/core';
import { abandonOnAbort } from './abandon-on-abort.js';
import type { Transport } from '../transport/transport.js';
import { requestOAuth2Token, type OAuth2AuthConfig, type OAuth2Grant } from './request-oauth2-token.js';
import type { OAuthTokens, TokenProvider } from './token-provider.js';

/**
 * The oauth2 variant of {@link Credentials}.
 *
 * @example { type: 'oauth2', clientId: 'app', clientSecret, refreshToken }
 */
export type OAuth2Credentials = Extract<Credentials, { type: 'oauth2' }>;

/**
 * Options of {@link createOAuth2TokenProvider}.
 *
 * @example { config, credentials, transport, refreshSkewMs: 120_000, onTokens: (t) => store.save(t) }
 */
export interface OAuth2TokenProviderOptions {
  config: OAuth2AuthConfig;
  /** Client id and secret, plus the stored tokens when the connection has some. */
  credentials: OAuth2Credentials;
  transport: Transport;
  /** Epoch milliseconds; injected by tests. */
  now?: () => number;
  /** Refresh this long before `expires_in` runs out (default 60 s, at most half the lifetime). */
  refreshSkewMs?: number;
  /** Per token request (default 30 s). */
  timeoutMs?: number;
  /**
   * Called with every new token set, awaited before the token is handed out, so a store can
   * persist a rotated refresh token before anything uses it. If it throws, that call of
   * `getToken` fails with its error, but the new token stays cached for the next one.
   */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
}

const DEFAULT_SKEW_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;

interface CachedToken {
  accessToken: string;
  expiresAt?: number;
  /** When to stop handing it out and fetch the next one. */
  refreshAt?: number;
}

/**
 * An in-process token provider for the client-credentials and refresh-token grants. Caches the
 * access token until shortly before it expires; concurrent callers share one token request;
 * keeps the refresh token the platform rotates. Persistence is the `onTokens` callback's job.
 *
 * @throws PortageError 'CONFIG_INVALID' when the credentials lack the client id or secret, or a
 * refresh-token grant has no refresh token.
 *
 * @example
 * const provider = createOAuth2TokenProvider({
 *   config: { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://identity.xero.com/connect/token' },
 *   credentials: { type: 'oauth2', clientId, clientSecret, refreshToken },
 *   transport,
 *   onTokens: (tokens) => store.save(connectionId, tokens),
 * });
 * const token = await provider.getToken();
 */
export function createOAuth2TokenProvider(options: OAuth2TokenProviderOptions): TokenProvider {
  const { config, credentials, transport } = options;
  const now = options.now ?? Date.now;
  const skewMs = options.refreshSkewMs ?? DEFAULT_SKEW_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  validate(config, credentials);

  let refreshToken = credentials.refreshToken;
  let current: CachedToken | undefined = credentials.accessToken
    ? {
        accessToken: credentials.accessToken,
        ...(credentials.expiresAt === undefined
          ? {}
          : { expiresAt: credentials.expiresAt, refreshAt: credentials.expiresAt - skewMs }),
      }
    : undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const grant: OAuth2Grant =
      config.grant === 'refresh_token'
        ? { type: 'refresh_token', refreshToken: refreshToken ?? '' }
        : { type: 'client_credentials' };
    let granted;
    try {
      granted = await requestOAuth2Token({
        config,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        grant,
        transport,
        timeoutMs,
      });
    } catch (error) {
      // A refresh that fails for a passing reason must not break requests while the token
      // we still have is valid: the skew exists for exactly this.
      const stillValid = current?.expiresAt !== undefined && now() < current.expiresAt;
      if (stillValid && current && error instanceof PortageError && error.action === 'retry') return current.accessToken;
      throw error;
    }
    const issuedAt = now();
    if (granted.refreshToken) refreshToken = granted.refreshToken;
    const lifetime = granted.expiresInMs;
    // A token that lives less than twice the skew would be refreshed on every call.
    current =
      lifetime === undefined
        ? { accessToken: granted.accessToken }
        : {
            accessToken: granted.accessToken,
            expiresAt: issuedAt + lifetime,
            refreshAt: issuedAt + lifetime - Math.min(skewMs, lifetime / 2),
          };
    const tokens: OAuthTokens = {
      accessToken: granted.accessToken,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(current.expiresAt === undefined ? {} : { expiresAt: current.expiresAt }),
    };
    await options.onTokens?.(tokens);
    return granted.accessToken;
  }

  return {
    async getToken(signal) {
      signal?.throwIfAborted();
      if (current && (current.refreshAt === undefined || now() < current.refreshAt)) return current.accessToken;
      if (!inFlight) {
        const shared = fetchToken().finally(() => {
          inFlight = undefined;
        });
        // Callers that gave up (aborted) no longer await it; its failure is theirs, not unhandled.
        shared.catch(() => undefined);
        inFlight = shared;
      }
      return signal ? abandonOnAbort(inFlight, signal) : inFlight;
    },
    invalidate(token) {
      if (current?.accessToken === token) current = undefined;
    },
    secrets() {
      return [credentials.clientSecret, refreshToken, current?.accessToken].filter(
        (value): value is string => typeof value === 'string' && value !== '',
      );
    },
  };
}

function validate(config: OAuth2AuthConfig, credentials: OAuth2Credentials): void {
  const missing: string[] = (['clientId', 'clientSecret'] as const).filter(
    (field) => typeof credentials[field] !== 'string' || credentials[field] === '',
  );
  if (config.grant === 'refresh_token' && (typeof credentials.refreshToken !== 'string' || credentials.refreshToken === '')) {
    missing.push('refreshToken');
  }
  if (missing.length > 0) {
    throw new PortageError(
      'CONFIG_INVALID',
      `oauth2 ${config.grant} credentials need ${missing.join(', ')} ({ type: 'oauth2', clientId, clientSecret${config.grant === 'refresh_token' ? ', refreshToken' : ''} })`,
      { context: { authType: 'oauth2', grant: config.grant, missing } },
    );
  }
}
