/**
 * A deep copy with object keys in code-unit order (arrays keep theirs), so the same data
 * always serialises to the same bytes.
 *
 * @example JSON.stringify(sortKeys({ b: 1, a: { d: 2, c: 3 } })) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}
