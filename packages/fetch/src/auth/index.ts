export type { OAuthTokens, TokenProvider } from './token-provider.js';
export {
  createOAuth2TokenProvider,
  type OAuth2Credentials,
  type OAuth2TokenProviderOptions,
} from './oauth2-token-provider.js';
export {
  requestOAuth2Token,
  type OAuth2AuthConfig,
  type OAuth2Grant,
  type OAuth2TokenRequest,
  type OAuth2TokenResponse,
} from './request-oauth2-token.js';
export { createAuthenticator, type Authenticator, type AuthenticatorOptions } from './authenticator.js';
