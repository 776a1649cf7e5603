import { PortageError } from '@portage/core';

/**
 * Encodes a JSON value as an `application/x-www-form-urlencoded` body with nested keys, the
 * way Stripe (and Rails-style APIs) read them: `metadata[key]=v`, `items[0][price]=p`. `null`
 * becomes an empty value (Stripe's "unset"), `undefined` is left out, booleans and numbers are
 * written as text. Keys keep their insertion order.
 *
 * @example
 * encodeForm({ email: 'a@example.test', metadata: { plan: 'pro' }, items: [{ price: 'p1' }] });
 * // 'email=a%40example.test&metadata%5Bplan%5D=pro&items%5B0%5D%5Bprice%5D=p1'
 */
export function encodeForm(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PortageError('CONFIG_INVALID', `a form body must be an object of fields, got ${Array.isArray(value) ? 'an array' : typeof value}: fix the export mapping`);
  }
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(value)) append(params, key, field);
  return params.toString();
}

function append(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    params.append(key, '');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => append(params, `${key}[${index}]`, item));
    return;
  }
  if (value instanceof Date) {
    params.append(key, value.toISOString());
    return;
  }
  if (typeof value === 'object') {
    for (const [name, field] of Object.entries(value)) append(params, `${key}[${name}]`, field);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    params.append(key, String(value));
    return;
  }
  throw new PortageError('CONFIG_INVALID', `form field "${key}" holds a ${typeof value}, which a form body cannot carry: fix the export mapping`, { context: { fieldPath: key } });
}
