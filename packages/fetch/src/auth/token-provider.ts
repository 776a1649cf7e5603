/**
 * Tokens of one OAuth2 connection, as a token store persists them.
 *
 * @example { accessToken: 'at_1', refreshToken: 'rt_2', expiresAt: Date.parse('2030-01-01T00:00:00Z') }
 */
export interface OAuthTokens {
  accessToken: string;
  /** The refresh token to use next time; platforms that rotate them send a new one each refresh. */
  refreshToken?: string;
  /** Epoch milliseconds; absent when the platform did not say (the token is used until a 401). */
  expiresAt?: number;
}

/**
 * Hands out access tokens for one connection. The fetch client asks before every request
 * and reports a token the platform rejected, so the provider alone decides when to refresh.
 *
 * @example
 * const token = await provider.getToken(signal);
 * // after a 401 answered to a request sent with `token`:
 * provider.invalidate(token);
 */
export interface TokenProvider {
  /** A token valid for at least a little while; fetches one when none is cached. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forget `token` if it is still the current one (a late 401 must not drop a newer token). */
  invalidate(token: string): void;
  /**
   * Secret values the provider holds now (client secret, refresh and access tokens), so logs can
   * be scrubbed of them by value. Optional: a provider without it only loses that scrubbing.
   */
  secrets?(): string[];
}
