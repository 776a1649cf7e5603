/** A JSON value as parsed from a platform response. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Reads a dot path ("data.items", "meta.0.next"); "" is the value itself. A key that itself
 * contains dots (OData's "@odata.nextLink") is matched whole before the path is split.
 *
 * @example getPath({ data: { items: [1] } }, 'data.items') // [1]
 */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, path)) return record[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  return getPath(record[path.slice(0, dot)], path.slice(dot + 1));
}

/**
 * Returns a copy of `target` with `value` at a dot path; `target` is never mutated.
 *
 * @example setPath({ query: { limit: 5 } }, 'cursor', 'abc') // { query: { limit: 5 }, cursor: 'abc' }
 */
export function setPath<T>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return value as T;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' ? { ...(target as Record<string, unknown>) } : {};
  base[head] = rest.length === 0 ? value : setPath(base[head], rest.join('.'), value);
  return base as T;
}
