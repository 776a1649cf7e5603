import { absoluteUrl } from './absolute-url.js';
import type { RequestSpec } from './request-spec.js';

/** Resolves a spec against the base URL and serialises its query and JSON body. */
export function serializeRequest(
  spec: RequestSpec,
  baseUrl: string,
): { url: string; headers: Record<string, string>; body?: string } {
  const url = new URL(absoluteUrl(spec.url, baseUrl));
  for (const [name, value] of Object.entries(spec.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.body === undefined) return { url: url.toString(), headers };
  if (typeof spec.body === 'string') return { url: url.toString(), headers, body: spec.body };
  if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  return { url: url.toString(), headers, body: JSON.stringify(spec.body) };
}

export function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}
