export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/**
 * A request before it is serialised: paginators and auth return new specs, never mutate one.
 * `url` is either a path relative to the client's base URL ("/v1/charges") or an absolute URL
 * (a next-page URL read from a response).
 */
export interface RequestSpec {
  readonly method: HttpMethod;
  readonly url: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value, serialised by the client. */
  readonly body?: unknown;
}

/** Response headers with lower-case names; repeated headers are joined with ", ". */
export type ResponseHeaders = Readonly<Record<string, string>>;

/** Builds a spec from loose input (numbers and booleans in the query become strings). */
export function toRequestSpec(input: {
  method?: HttpMethod;
  url?: string;
  path?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
}): RequestSpec {
  const url = input.url ?? input.path;
  if (!url) throw new TypeError('a request needs a url or a path');
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.query ?? {})) query[key] = String(value);
  return {
    method: input.method ?? 'GET',
    url,
    query,
    headers: { ...input.headers },
    ...(input.body === undefined ? {} : { body: input.body }),
  };
}
