import type { JsonObject, OpenApiDocument } from '@portage/codegen';

/**
 * One operation of a spec, as a recorded request matched it.
 *
 * @example { key: 'GET /v1/charges', operation: document.paths['/v1/charges'].get }
 */
export interface MatchedOperation {
  key: string;
  operation: JsonObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function templateRegex(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** The path of the spec's first server URL (variables at their defaults): what every path is relative to. */
function specBasePath(document: OpenApiDocument): string {
  const server = (document.servers as { url?: string; variables?: Record<string, { default?: string }> }[] | undefined)?.[0];
  if (!server?.url) return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  try {
    return new URL(url, 'http://base.invalid').pathname.replace(/\/$/, '');
  } catch {
    return '';
  }
}

/**
 * The operation of `document` a request went to: its URL path, less a base path (the
 * connector's base URL path, or the spec's server path), matches a path template. Literal
 * paths win over templated ones (`/v1/charges/search` over `/v1/charges/{charge}`).
 * Undefined when none matches.
 *
 * @example operationFor(document, 'GET', 'https://api.stripe.com/v1/charges?limit=2', ['']) // { key: 'GET /v1/charges', operation }
 */
export function operationFor(document: OpenApiDocument, method: string, url: string, basePaths: readonly string[] = []): MatchedOperation | undefined {
  const verb = method.toLowerCase();
  if (!METHODS.includes(verb)) return undefined;
  const pathname = new URL(url).pathname;
  const paths = (document.paths ?? {}) as Record<string, JsonObject>;
  const templates = Object.keys(paths)
    .filter((template) => paths[template]?.[verb] !== undefined)
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const bases = [...new Set([...basePaths.map((base) => base.replace(/\/$/, '')), specBasePath(document), ''])];
  for (const base of bases) {
    if (!pathname.startsWith(base)) continue;
    const relative = pathname.slice(base.length) || '/';
    const template = templates.find((candidate) => templateRegex(candidate).test(relative));
    if (template !== undefined) return { key: `${method.toUpperCase()} ${template}`, operation: paths[template]![verb] as JsonObject };
  }
  return undefined;
}
