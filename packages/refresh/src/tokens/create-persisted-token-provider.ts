import { isPortageError, PortageError, type AuthConfig, type Credentials } from '@portage/core';
import { abandonOnAbort, createOAuth2TokenProvider, type OAuthTokens, type TokenProvider, type Transport } from '@portage/fetch';
import type { ConnectionStore, PortageDatabase, PortageTables } from '@portage/persist';
import type { Kysely } from 'kysely';
import { withTokenLock } from './with-token-lock.js';

type OAuth2Config = Extract<AuthConfig, { type: 'oauth2' }>;
type OAuth2Credentials = Extract<Credentials, { type: 'oauth2' }>;

/**
 * Options of {@link createPersistedTokenProvider}.
 *
 * @example { database, connections, connectionId, config: connector.auth, transport: createFetchTransport() }
 */
export interface PersistedTokenProviderOptions {
  database: PortageDatabase;
  /** Where the connection's credentials live, encrypted; read and written through it only. */
  connections: ConnectionStore;
  connectionId: string;
  config: OAuth2Config;
  /** Carries the token requests. */
  transport: Transport;
  /** Epoch milliseconds; injected by tests. */
  now?: () => number;
  /** Refresh this long before the stored expiry (default 60 s). */
  refreshSkewMs?: number;
}

const DEFAULT_SKEW_MS = 60_000;

// Tokens the platform rejected. Each is replaced by a refresh right away, so a few suffice.
const REMEMBERED_REJECTIONS = 16;

interface CachedToken {
  accessToken: string;
  /** When to stop handing it out and look at the store again; absent: until invalidated. */
  refreshAt?: number;
}

type LockedOutcome = { token: string } | { refused: PortageError };

/**
 * The token provider of one OAuth2 connection whose tokens live in the connection store, shared
 * by every worker process on every machine.
 *
 * - A valid stored access token is used as is and cached in memory until its expiry minus the
 *   skew; then the store is read again, since another worker may have refreshed it meanwhile.
 * - A refresh happens once per connection across all processes: under a Postgres advisory lock
 *   the credentials are read again, and if another worker refreshed while this one waited, its
 *   token is taken without calling the token endpoint. Otherwise the new access token, expiry
 *   and (rotated) refresh token are stored before the lock is released. Concurrent calls in one
 *   process share one refresh.
 * - A refusal of the grant (`AUTH_INVALID`, e.g. `invalid_grant`) sets the connection's health
 *   to `needs_reauth`, which writes a `health` change event, and is rethrown. The same grant is
 *   not sent again by this provider until the stored credentials change (a reconnect).
 * - `invalidate(token)` after a 401 makes the next call refresh even if the stored expiry says
 *   the token is still good.
 *
 * Errors never carry token or secret values.
 *
 * @throws PortageError 'CONFIG_INVALID' (from `getToken`) when the stored credentials are not
 * oauth2 or lack what the grant needs; 'AUTH_INVALID' when the token endpoint refuses the grant;
 * the token endpoint's other errors as `@portage/fetch` reports them.
 *
 * @example
 * const tokenProvider = createPersistedTokenProvider({
 *   database, connections, connectionId: connection.id,
 *   config: { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://identity.xero.com/connect/token' },
 *   transport: createFetchTransport(),
 * });
 * const client = createFetchClient({ baseUrl, auth: connector.auth, tokenProvider });
 */
export function createPersistedTokenProvider(options: PersistedTokenProviderOptions): TokenProvider {
  const { database, connections, connectionId, config, transport } = options;
  const now = options.now ?? Date.now;
  const skewMs = options.refreshSkewMs ?? DEFAULT_SKEW_MS;

  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;
  const rejected: string[] = [];
  // The credentials last read or written, for secrets().
  let known: OAuth2Credentials | undefined;
  // Tokens granted but not stored (the database failed). The platform may already have retired
  // the refresh token they replace, so they are stored before anything else is tried.
  let unsaved: { from: string | undefined; credentials: OAuth2Credentials } | undefined;
  // A refused grant stays refused until the customer reconnects, and sending it again and
  // again only looks like abuse to the platform.
  let refused: { grant: string; error: PortageError } | undefined;

  async function read(): Promise<OAuth2Credentials> {
    const credentials = await connections.credentials(connectionId);
    if (credentials.type !== 'oauth2') {
      throw new PortageError(
        'CONFIG_INVALID',
        `connection ${connectionId} holds ${String(credentials.type)} credentials but its connector uses oauth2: reconnect it with { type: 'oauth2', clientId, clientSecret, refreshToken }`,
        { context: { connectionId, authType: 'oauth2', credentialsType: credentials.type } },
      );
    }
    known = credentials;
    return credentials;
  }

  function isRejected(token: string | undefined): boolean {
    return token !== undefined && rejected.includes(token);
  }

  /** Good for longer than the skew (or for as long as the platform accepts it, if no expiry). */
  function isFresh(credentials: OAuth2Credentials): credentials is OAuth2Credentials & { accessToken: string } {
    const { accessToken, expiresAt } = credentials;
    return !!accessToken && !isRejected(accessToken) && (expiresAt === undefined || now() < expiresAt - skewMs);
  }

  /** Not expired yet, though maybe inside the skew. */
  function isAlive(credentials: OAuth2Credentials): credentials is OAuth2Credentials & { accessToken: string } {
    const { accessToken, expiresAt } = credentials;
    return !!accessToken && !isRejected(accessToken) && (expiresAt === undefined || now() < expiresAt);
  }

  function use(accessToken: string, expiresAt: number | undefined): string {
    if (expiresAt === undefined) {
      cached = { accessToken };
    } else {
      // Half the remaining time for tokens living less than twice the skew, or a short-lived
      // token would be refreshed on every call.
      const at = now();
      const remaining = expiresAt - at;
      cached = { accessToken, refreshAt: at + remaining - Math.min(skewMs, remaining / 2) };
    }
    return accessToken;
  }

  async function obtain(): Promise<string> {
    const stored = await read();
    if (!unsaved && isFresh(stored)) return use(stored.accessToken, stored.expiresAt);
    if (refused?.grant === grantKey(stored)) throw refused.error;

    const outcome = await withTokenLock(database, connectionId, async (trx): Promise<LockedOutcome> => {
      let current = await read();
      if (unsaved) {
        const pending = unsaved;
        unsaved = undefined;
        // Still the credentials our tokens replace: store ours. Anything else means someone
        // (a reconnect) wrote newer credentials, and ours are outdated.
        if (pending.from === current.refreshToken && pending.credentials.clientId === current.clientId) {
          await connections.updateCredentials(connectionId, pending.credentials);
          current = pending.credentials;
          known = current;
        }
      }
      // Another worker refreshed while this one waited for the lock: its token is brand new, so
      // it is taken even inside the skew, as long as it has not expired.
      if (isFresh(current) || (current.accessToken !== stored.accessToken && isAlive(current))) {
        return { token: use(current.accessToken, current.expiresAt) };
      }
      return refreshLocked(current, trx);
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.token;
  }

  /** Calls the token endpoint; runs under the token lock. */
  async function refreshLocked(current: OAuth2Credentials, trx: Kysely<PortageTables>): Promise<LockedOutcome> {
    const from = current.refreshToken;
    const granted: { tokens?: OAuthTokens } = {};
    // requestOAuth2Token is not exported by @portage/fetch, so a one-shot in-process provider
    // makes the request; its onTokens stores the tokens before the lock is released.
    const oneShot = createOAuth2TokenProvider({
      config,
      credentials: {
        type: 'oauth2',
        clientId: current.clientId,
        clientSecret: current.clientSecret,
        ...(from === undefined ? {} : { refreshToken: from }),
      },
      transport,
      now,
      refreshSkewMs: skewMs,
      onTokens: async (tokens) => {
        granted.tokens = tokens;
        const next = withTokens(current, tokens);
        unsaved = { from, credentials: next };
        await connections.updateCredentials(connectionId, next);
        unsaved = undefined;
        known = next;
      },
    });

    try {
      await oneShot.getToken();
    } catch (error) {
      // Granted but not stored: `unsaved` keeps the tokens for the next call to store.
      if (granted.tokens) throw error;
      if (isPortageError(error) && error.code === 'AUTH_INVALID') {
        refused = { grant: grantKey(current), error };
        // In the lock's transaction: the health flips before another worker gets the lock.
        await connections.setHealth(connectionId, 'needs_reauth', refusalReason(config, error), trx);
        return { refused: error };
      }
      // A passing failure while the token we hold has not expired: keep using it, the skew
      // exists for exactly this. The next call after its refresh time tries again.
      if (isPortageError(error) && error.action === 'retry' && isAlive(current)) {
        return { token: use(current.accessToken, current.expiresAt) };
      }
      throw error;
    }
    const { tokens } = granted;
    if (!tokens) throw new PortageError('UNKNOWN', 'the token request finished without tokens');
    refused = undefined;
    return { token: use(tokens.accessToken, tokens.expiresAt) };
  }

  return {
    async getToken(signal) {
      signal?.throwIfAborted();
      if (cached && !isRejected(cached.accessToken) && (cached.refreshAt === undefined || now() < cached.refreshAt)) {
        return cached.accessToken;
      }
      if (!inFlight) {
        const shared = obtain().finally(() => {
          inFlight = undefined;
        });
        // Callers that gave up (aborted) no longer await it; its failure is theirs, not unhandled.
        shared.catch(() => undefined);
        inFlight = shared;
      }
      return signal ? abandonOnAbort(inFlight, signal) : inFlight;
    },

    invalidate(token) {
      // Remembered even when not cached: the store may still hold it with a valid expiry.
      if (!rejected.includes(token)) {
        rejected.push(token);
        if (rejected.length > REMEMBERED_REJECTIONS) rejected.shift();
      }
      if (cached?.accessToken === token) cached = undefined;
    },

    secrets() {
      const values = [
        known?.clientSecret,
        known?.refreshToken,
        known?.accessToken,
        cached?.accessToken,
        unsaved?.credentials.refreshToken,
        unsaved?.credentials.accessToken,
      ];
      return [...new Set(values)].filter((value): value is string => typeof value === 'string' && value !== '');
    },
  };
}

/** The stored credentials with the new tokens; fields this code does not know are kept. */
function withTokens(current: OAuth2Credentials, tokens: OAuthTokens): OAuth2Credentials {
  const { expiresAt: _previousExpiry, ...rest } = current;
  return {
    ...rest,
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    ...(tokens.expiresAt === undefined ? {} : { expiresAt: tokens.expiresAt }),
  };
}

/** What identifies a grant: new credentials from a reconnect make it a different one. */
function grantKey(credentials: OAuth2Credentials): string {
  return JSON.stringify([credentials.clientId, credentials.clientSecret, credentials.refreshToken ?? null]);
}

/** For the health reason, shown to operators: the OAuth error code, never a value. */
function refusalReason(config: OAuth2Config, error: PortageError): string {
  const code = typeof error.context.platformCode === 'string' ? ` (${error.context.platformCode})` : '';
  return `the token endpoint refused the ${config.grant} grant${code}: the customer must reconnect`;
}
