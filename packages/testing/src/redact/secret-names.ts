// Names whose values are credentials on every platform we know of.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
// Header names are few and chosen by the platform: a plain substring test is safe there
// ("x-shopify-access-token", "x-goog-api-key", "x-session-id", "x-auth-email").
const SECRET_HEADER_PART = /token|secret|key|auth|session|password|passwd|credential|signature/i;

// Field and query names are far more varied, so they are split into words first: "author",
// "monkey" and "keyboard" are data, "api_key", "apiKey" and "auth" are not.
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'key',
  'auth',
  'session',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'credential',
  'credentials',
  'signature',
  'sig',
  'cookie',
  'authorization',
  'apikey',
  'jwt',
  'bearer',
]);
// Compound words written as one ("accesstoken", "clientsecret", "sessionid").
const SECRET_COMPOUND = /token|secret|password|passwd|apikey|authorization|accesskey|privatekey|sessionid/;

// Pagination tokens look like secrets by name but are opaque cursors: redacting them would
// make every page's request look the same and break the replayed pagination.
const CURSOR_NAME = /^(?:next|prev|previous|page|pagination|continuation|cursor|sync|start|after|before|resume)_?(?:page_?)?token$/;

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * Whether a header carries a credential: the usual auth headers, or any whose name contains
 * token, secret, key, auth, session or password.
 *
 * @example isSecretHeader('X-Shopify-Access-Token') // true
 * @example isSecretHeader('content-type') // false
 */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_HEADER_PART.test(lower);
}

/**
 * Whether a query parameter or JSON field name says its value is a credential. Pagination
 * cursors (`next_page_token`, `pageToken`) are not credentials.
 *
 * @example isSecretName('client_secret') // true
 * @example isSecretName('author') // false
 * @example isSecretName('nextPageToken') // false
 */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  const compact = parts.join('');
  const underscored = parts.join('_');
  if (CURSOR_NAME.test(underscored)) return false;
  return parts.some((w) => SECRET_WORDS.has(w)) || SECRET_COMPOUND.test(compact);
}
