import { randomBytes } from 'node:crypto';
import type { AuthConfig, Credentials } from '@portage/core';

/**
 * Credentials of the right kind for replaying fixtures: made up at run time (replay compares
 * requests after redaction, so their values never matter), with an OAuth2 access token that
 * does not expire during the run, so no token request is made.
 *
 * @example replayCredentials({ type: 'bearer' }) // { type: 'bearer', token: '…' }
 */
export function replayCredentials(auth: AuthConfig): Credentials {
  const made = () => randomBytes(18).toString('base64url');
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'api_key':
      return { type: 'api_key', apiKey: made() };
    case 'bearer':
      return { type: 'bearer', token: made() };
    case 'basic':
      return { type: 'basic', username: 'replay', password: made() };
    case 'oauth2':
      return { type: 'oauth2', clientId: 'replay', clientSecret: made(), refreshToken: made(), accessToken: made(), expiresAt: Date.now() + 24 * 3600_000 };
  }
}
