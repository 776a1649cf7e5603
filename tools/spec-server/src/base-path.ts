import { PortageError } from '@portage/core';
import type { OpenApiDocument } from '@portage/codegen';

/**
 * The path prefix operations live under: the given one, else the path of the spec's first
 * server URL with its variables at their defaults (`https://api.xero.com/api.xro/2.0` ->
 * `/api.xro/2.0`; `https://api.stripe.com/` -> ``). Never ends with `/`.
 *
 * @example
 * basePathOf({ servers: [{ url: 'https://{region}.example.com/v2/' }] } as OpenApiDocument) // '/v2'
 */
export function basePathOf(document: OpenApiDocument, given?: string): string {
  if (given !== undefined) {
    if (given !== '' && !given.startsWith('/')) {
      throw new PortageError('CONFIG_INVALID', `spec-server basePath "${given}" must start with "/" (or be "" for none)`);
    }
    return given.replace(/\/+$/, '');
  }
  const server = document.servers?.[0] as { url?: unknown; variables?: Record<string, { default?: unknown }> } | undefined;
  if (typeof server?.url !== 'string') return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(server.variables?.[name]?.default ?? name));
  try {
    return new URL(url, 'http://placeholder.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
