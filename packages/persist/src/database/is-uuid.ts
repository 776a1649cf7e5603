const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a textual UUID. Checked before querying so that a bad id is reported as
 * a Portage error instead of a Postgres syntax error.
 *
 * @example isUuid('0b8f6c1e-2d3a-4c4b-9a8e-1f2e3d4c5b6a'); // true
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
