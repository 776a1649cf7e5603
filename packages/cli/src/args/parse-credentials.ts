import { PortageError, type AuthConfig, type Credentials } from '@portage/core';

// The fields each auth type needs, as Credentials defines them.
const REQUIRED: Record<Credentials['type'], readonly string[]> = {
  none: [],
  api_key: ['apiKey'],
  bearer: ['token'],
  basic: ['username', 'password'],
  oauth2: ['clientId', 'clientSecret'],
};

const EXAMPLE: Record<Credentials['type'], string> = {
  none: '{}',
  api_key: '{"apiKey":"..."}',
  bearer: '{"token":"..."}',
  basic: '{"username":"...","password":"..."}',
  oauth2: '{"clientId":"...","clientSecret":"...","refreshToken":"..."}',
};

function invalid(reason: string, auth: AuthConfig['type']): PortageError {
  // Never echo the input: it is a secret, and JSON.parse's own message quotes it.
  return new PortageError('CONFIG_INVALID', `--credentials ${reason}: this connector authenticates with ${auth}, write e.g. '${EXAMPLE[auth]}' or @path/to/credentials.json`, {
    context: { fieldPath: 'credentials' },
  });
}

/**
 * Pure: credentials from their JSON text, checked against the connector's auth. `type` may be
 * left out (it is the connector's); the fields that auth type needs must be non-empty strings.
 *
 * @throws PortageError CONFIG_INVALID that names the missing fields and never the values.
 * @example parseCredentials('{"apiKey":"k_123"}', { type: 'api_key', in: 'header', name: 'X-Api-Key' }); // { type: 'api_key', apiKey: 'k_123' }
 */
export function parseCredentials(text: string, auth: AuthConfig): Credentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('is not valid JSON', auth.type);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('must be a JSON object', auth.type);
  const record = value as Record<string, unknown>;
  if (record.type !== undefined && record.type !== auth.type) {
    throw invalid(`has type "${String(record.type)}"`, auth.type);
  }
  if (auth.type === 'oauth2' && auth.grant === 'refresh_token' && record.refreshToken === undefined) {
    throw invalid('lacks refreshToken, which the refresh_token grant needs', auth.type);
  }
  const missing = REQUIRED[auth.type].filter((field) => typeof record[field] !== 'string' || record[field] === '');
  if (missing.length > 0) throw invalid(`lacks ${missing.join(', ')}`, auth.type);
  return { ...record, type: auth.type } as Credentials;
}
