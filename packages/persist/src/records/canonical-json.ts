import { PortageError } from '@portage/core';

/**
 * `JSON.stringify` with object keys sorted at every depth, so two values that differ only in
 * key order give the same text. Otherwise the same rules as `JSON.stringify`: `toJSON` is
 * honoured (dates become ISO strings), `undefined` properties are dropped, `undefined` array
 * items and non-finite numbers become `null`.
 *
 * Every stored record goes through here, so the common case is fast: objects whose keys need
 * reordering are copied with sorted keys and the native `JSON.stringify` writes the text
 * (measured ~2x faster than a hand-written writer). What that cannot express exactly falls
 * back to the exact writer below: array-index keys out of order (JavaScript always enumerates
 * them first, ascending), nesting deeper than {@link FAST_DEPTH} (where a cycle could hide), a
 * non-Date `toJSON`, and whatever the native call rejects (a bigint, a cycle).
 *
 * @throws PortageError VALIDATION_FAILED for what JSON cannot hold: a top-level `undefined`,
 * a function or symbol, a bigint, or a cycle.
 * @example canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }); // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    const ordered = withSortedKeys(value, 0);
    text = ordered === EXACT ? undefined : JSON.stringify(ordered);
  } catch {
    text = undefined;
  }
  text ??= write(value, '', new Set());
  if (text === undefined) {
    throw new PortageError('VALIDATION_FAILED', `a ${typeof value} is not a JSON value: pass an object, array, string, number, boolean or null`);
  }
  return text;
}

/** Deeper than this, the fast path hands over to the exact writer, which detects cycles. */
const FAST_DEPTH = 64;
/** What the fast path returns when only the exact writer can be trusted with the value. */
const EXACT = Symbol('exact');
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** `value` itself when its keys are already in order at every depth, else a sorted copy. */
function withSortedKeys(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > FAST_DEPTH) return EXACT;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const next = withSortedKeys(item, depth + 1);
      if (next === EXACT) return EXACT;
      if (next !== item) (copy ??= value.slice())[index] = next;
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value instanceof Date ? value : EXACT;
  const keys = Object.keys(value);
  let inOrder = true;
  for (let index = 1; index < keys.length && inOrder; index++) inOrder = keys[index - 1]! < keys[index]!;
  if (!inOrder) {
    if (keys.some((key) => ARRAY_INDEX.test(key))) return EXACT;
    keys.sort();
  }
  let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = (value as Record<string, unknown>)[key];
    const next = withSortedKeys(item, depth + 1);
    if (next === EXACT) return EXACT;
    if (copy === undefined && next !== item) {
      copy = {};
      for (let before = 0; before < index; before++) copy[keys[before]!] = (value as Record<string, unknown>)[keys[before]!];
    }
    if (copy !== undefined) copy[key] = next;
  }
  return copy ?? value;
}

/** The exact writer: every rule of `JSON.stringify`, with keys sorted and cycles reported. */
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
