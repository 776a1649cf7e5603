import type { AuthConfig } from '@portage/core';
import type { JsonObject, OpenApiDocument, SpecRefs } from '../model.js';

export interface DetectedAuth {
  auth: AuthConfig;
  /** The security scheme it came from, for the connector's comment; absent when the spec declares none. */
  scheme?: string;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Which kind of scheme to prefer when a spec offers several: delegated tokens first, passwords last. */
const RANK: Record<AuthConfig['type'], number> = { oauth2: 0, bearer: 1, api_key: 2, basic: 3, none: 4 };

/** Requirement objects (`[{ api_auth: ['scope'] }]`) as scheme name -> scopes. */
function requirements(security: unknown): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const requirement of Array.isArray(security) ? security : []) {
    if (!isObject(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      const list = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
      found.set(name, [...(found.get(name) ?? []), ...list]);
    }
  }
  return found;
}

const absolute = (url: string, baseUrl: string | undefined) => {
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return undefined;
  }
};

/** One security scheme as the core auth union, or undefined when core has no equivalent (cookies, mutual TLS). */
function toAuth(scheme: JsonObject, scopes: string[], baseUrl: string | undefined): AuthConfig | undefined {
  const type = typeof scheme.type === 'string' ? scheme.type.toLowerCase() : '';
  if (type === 'http') {
    const kind = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (kind === 'bearer') return { type: 'bearer' };
    if (kind === 'basic') return { type: 'basic' };
    return undefined;
  }
  if (type === 'apikey' && typeof scheme.name === 'string' && scheme.name !== '' && (scheme.in === 'header' || scheme.in === 'query')) {
    return { type: 'api_key', in: scheme.in, name: scheme.name };
  }
  // An OpenID Connect access token is sent as a bearer token.
  if (type === 'openidconnect') return { type: 'bearer' };
  if (type === 'oauth2' && isObject(scheme.flows)) {
    const flows = scheme.flows;
    const scoped = scopes.length > 0 ? { scopes: [...new Set(scopes)].sort() } : {};
    // A server-side connector cannot run a browser flow; it holds the refresh token the
    // authorization code flow handed out, or uses its own client credentials.
    for (const [flow, grant] of [
      ['clientCredentials', 'client_credentials'],
      ['authorizationCode', 'refresh_token'],
    ] as const) {
      const details = flows[flow];
      const tokenUrl = isObject(details) && typeof details.tokenUrl === 'string' ? absolute(details.tokenUrl, baseUrl) : undefined;
      if (tokenUrl !== undefined) return { type: 'oauth2', grant, tokenUrl, ...scoped };
    }
    return undefined;
  }
  return undefined;
}

/**
 * The connector's auth from the spec's security schemes. The schemes the chosen operations
 * require are considered first (then the spec-wide `security`, then every declared scheme);
 * among them OAuth 2 wins over bearer tokens, API keys and basic auth. OAuth 2 scopes are the
 * ones the chosen operations ask for. `{ type: 'none' }` when the spec declares nothing usable.
 *
 * @example detectAuth(document, refs, [document.paths['/v1/charges'].get], 'https://api.stripe.com').auth // { type: 'bearer' }
 */
export function detectAuth(document: OpenApiDocument, refs: SpecRefs, operations: readonly JsonObject[], baseUrl: string | undefined): DetectedAuth {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const used = new Map<string, string[]>();
  for (const operation of operations) {
    for (const [name, scopes] of requirements(operation.security)) used.set(name, [...(used.get(name) ?? []), ...scopes]);
  }
  const global = requirements(document.security);
  const pool = used.size > 0 ? used : global.size > 0 ? global : new Map(Object.keys(schemes).map((name) => [name, []]));

  const candidates: { name: string; auth: AuthConfig }[] = [];
  for (const [name, scopes] of pool) {
    const scheme = refs.resolve<unknown>(schemes[name]);
    const auth = isObject(scheme) ? toAuth(scheme, scopes, baseUrl) : undefined;
    if (auth !== undefined) candidates.push({ name, auth });
  }
  candidates.sort((a, b) => RANK[a.auth.type] - RANK[b.auth.type] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const best = candidates[0];
  return best === undefined ? { auth: { type: 'none' } } : { auth: best.auth, scheme: best.name };
}

/**
 * The absolute base URL of the spec's first server, with server variables set to their
 * defaults and no trailing slash; undefined when the spec names no absolute server URL.
 *
 * @example baseUrlOf({ servers: [{ url: 'https://api.ebay.com{basePath}', variables: { basePath: { default: '/sell/fulfillment/v1' } } }] })
 * // 'https://api.ebay.com/sell/fulfillment/v1'
 */
export function baseUrlOf(document: OpenApiDocument): string | undefined {
  const server: unknown = document.servers?.[0];
  if (!isObject(server) || typeof server.url !== 'string') return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  if (!/^https?:\/\/[^/{}]+/i.test(url) || url.includes('{')) return undefined;
  return url.replace(/\/+$/, '');
}
