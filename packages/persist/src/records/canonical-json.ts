import { PortageError } from '@portage/core';

/**
 * `JSON.stringify` with object keys sorted at every depth, so two values that differ only in
 * key order give the same text. Otherwise the same rules as `JSON.stringify`: `toJSON` is
 * honoured (dates become ISO strings), `undefined` properties are dropped, `undefined` array
 * items and non-finite numbers become `null`.
 *
 * @throws PortageError VALIDATION_FAILED for what JSON cannot hold: a top-level `undefined`,
 * a function or symbol, a bigint, or a cycle.
 * @example canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }); // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '', new Set());
  if (text === undefined) {
    throw new PortageError('VALIDATION_FAILED', `a ${typeof value} is not a JSON value: pass an object, array, string, number, boolean or null`);
  }
  return text;
}

function write(value: unknown, key: string, ancestors: Set<object>): string | undefined {
  let current = value;
  if (typeof current === 'object' && current !== null && typeof (current as { toJSON?: unknown }).toJSON === 'function') {
    current = (current as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (current instanceof Number || current instanceof String || current instanceof Boolean) current = current.valueOf();

  switch (typeof current) {
    case 'string':
      return JSON.stringify(current);
    case 'number':
      return Number.isFinite(current) ? JSON.stringify(current) : 'null';
    case 'boolean':
      return current ? 'true' : 'false';
    case 'bigint':
      throw new PortageError('VALIDATION_FAILED', 'a bigint is not a JSON value: convert it to a string or number first', {
        context: { fieldPath: key },
      });
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (current === null) return 'null';

  const object = current as object;
  if (ancestors.has(object)) {
    throw new PortageError('VALIDATION_FAILED', 'the value contains a cycle and cannot be stored as JSON: break the cycle before writing it', {
      context: { fieldPath: key },
    });
  }
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item, index) => write(item, String(index), ancestors) ?? 'null').join(',')}]`;
  } else {
    const entries: string[] = [];
    for (const name of Object.keys(object).sort()) {
      const item = write((object as Record<string, unknown>)[name], name, ancestors);
      if (item !== undefined) entries.push(`${JSON.stringify(name)}:${item}`);
    }
    text = `{${entries.join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}
