import type { SurfaceConstraints, SurfaceType } from '../model.js';
import type { DriftSeverity } from './drift-change.js';

export type Direction = 'request' | 'response';
type Enum = (string | number | boolean | null)[];

/** What one value (parameter or field) allows: the facts both parameters and fields carry. */
export interface ValueFacts {
  type: SurfaceType | SurfaceType[];
  format?: string;
  enum?: Enum;
  nullable?: boolean;
  constraints?: SurfaceConstraints;
}

/** A classified difference in one value, before it is placed (operation, location). */
export interface ValueChange {
  kind: string;
  severity: DriftSeverity;
  reason: string;
}

const BREAKING: DriftSeverity = 'breaking';
const SAFE: DriftSeverity = 'non-breaking';
const show = (v: unknown) => (Array.isArray(v) ? v.map(String).join('|') : String(v));

/**
 * Compares what a value allows before and after. The rule throughout: on the request side a
 * change that accepts fewer values breaks clients (they may send what is now refused); on the
 * response side a change that may produce more values breaks them (they may receive what they
 * do not handle). `kind` is prefixed by the caller with the side (`request-field-`, ...).
 */
export function diffValue(direction: Direction, base: ValueFacts, revision: ValueFacts): ValueChange[] {
  const out: ValueChange[] = [];
  const narrowing = (kind: string, reason: string) => out.push({ kind, severity: direction === 'request' ? BREAKING : SAFE, reason });
  const widening = (kind: string, reason: string) => out.push({ kind, severity: direction === 'response' ? BREAKING : SAFE, reason });
  const both = (kind: string, reason: string) => out.push({ kind, severity: BREAKING, reason });

  const before = typeSet(base.type);
  const after = typeSet(revision.type);
  if (!sameSet(before, after)) {
    const widened = covers(after, before);
    const narrowed = covers(before, after);
    const reason = `type ${show(base.type)} -> ${show(revision.type)}`;
    if (widened && !narrowed) widening('type-widened', reason);
    else if (narrowed && !widened) narrowing('type-narrowed', reason);
    else both('type-changed', reason);
  }
  if (base.format !== undefined && revision.format !== undefined && base.format !== revision.format && !widenedFormat(base.format, revision.format, direction)) {
    both('format-changed', `format ${base.format} -> ${revision.format}`);
  }
  if (base.nullable === true && revision.nullable !== true) narrowing('became-not-nullable', 'null no longer allowed');
  if (base.nullable !== true && revision.nullable === true) widening('became-nullable', 'may now be null');
  // New enum values (or an enum dropped) on the response side are what clients are expected to
  // tolerate: enums are open in practice, and every platform adds statuses over time.
  const tolerated = (kind: string, reason: string) => out.push({ kind, severity: SAFE, reason });
  diffEnum(base.enum, revision.enum, 'enum', narrowing, tolerated);
  diffEnum(base.constraints?.extensibleEnum, revision.constraints?.extensibleEnum, 'extensible-enum', narrowing, tolerated);
  diffConstraints(base.constraints ?? {}, revision.constraints ?? {}, direction, out);
  return out;
}

type Emit = (kind: string, reason: string) => void;

function diffEnum(base: Enum | undefined, revision: Enum | undefined, name: string, narrowing: Emit, tolerated: Emit): void {
  if (revision === undefined) {
    if (base !== undefined) tolerated(`${name}-removed`, `no longer limited to ${base.length} values`);
    return;
  }
  if (base === undefined) {
    narrowing(`became-${name}`, `now limited to ${revision.length} values`);
    return;
  }
  const key = (v: unknown) => `${typeof v}:${String(v)}`;
  const after = new Set(revision.map(key));
  const before = new Set(base.map(key));
  const removed = base.filter((v) => !after.has(key(v)));
  const added = revision.filter((v) => !before.has(key(v)));
  if (removed.length > 0) narrowing(`${name}-value-removed`, `value(s) ${removed.map(String).join(', ')} removed`);
  if (added.length > 0) tolerated(`${name}-value-added`, `value(s) ${added.map(String).join(', ')} added`);
}

type Bound = { value: number; exclusive: boolean } | undefined;

function lower(c: SurfaceConstraints): Bound {
  if (typeof c.exclusiveMinimum === 'number') return { value: c.exclusiveMinimum, exclusive: true };
  return c.minimum === undefined ? undefined : { value: c.minimum, exclusive: c.exclusiveMinimum === true };
}
function upper(c: SurfaceConstraints): Bound {
  if (typeof c.exclusiveMaximum === 'number') return { value: c.exclusiveMaximum, exclusive: true };
  return c.maximum === undefined ? undefined : { value: c.maximum, exclusive: c.exclusiveMaximum === true };
}
const plain = (n: number | undefined): Bound => (n === undefined ? undefined : { value: n, exclusive: false });

const LOWER: [string, (c: SurfaceConstraints) => Bound][] = [
  ['min', lower],
  ['min-length', (c) => plain(c.minLength)],
  ['min-items', (c) => plain(c.minItems)],
  ['min-contains', (c) => plain(c.minContains)],
  ['min-properties', (c) => plain(c.minProperties)],
];
const UPPER: [string, (c: SurfaceConstraints) => Bound][] = [
  ['max', upper],
  ['max-length', (c) => plain(c.maxLength)],
  ['max-items', (c) => plain(c.maxItems)],
  ['max-contains', (c) => plain(c.maxContains)],
  ['max-properties', (c) => plain(c.maxProperties)],
];

/** Keywords that say what positions mean: added or removed, they break both sides. */
const POSITION_KEYWORDS = new Set(['prefixItems']);
/** Keywords that say how a string is encoded: any change breaks both sides. */
const ENCODING_KEYWORDS = new Set(['contentMediaType', 'contentEncoding']);
/** A pattern that matches everything is no pattern. */
const noPattern = (pattern: string | undefined) => pattern === undefined || pattern === '' || pattern === '.*' || pattern === '^.*$';

function diffConstraints(base: SurfaceConstraints, revision: SurfaceConstraints, direction: Direction, out: ValueChange[]): void {
  const tighter = (a: NonNullable<Bound>, b: NonNullable<Bound>, isLower: boolean) =>
    isLower ? b.value > a.value || (b.value === a.value && b.exclusive && !a.exclusive) : b.value < a.value || (b.value === a.value && b.exclusive && !a.exclusive);
  // A bound declared where there was none usually documents a limit the platform always had,
  // and a bound dropped documents nothing new; only a declared bound that moves is a contract change.
  for (const [isLower, list] of [[true, LOWER], [false, UPPER]] as const) {
    for (const [name, read] of list) {
      const a = read(base);
      const b = read(revision);
      if (a === undefined || b === undefined || (a.value === b.value && a.exclusive === b.exclusive)) continue;
      const narrowed = tighter(a, b, isLower);
      const severity = narrowed === (direction === 'request') ? 'breaking' : 'non-breaking';
      const verb = isLower === narrowed ? 'increased' : 'decreased';
      out.push({ kind: `${name}-${verb}`, severity, reason: `${name} ${a.value} -> ${b.value}` });
    }
  }
  if (base.pattern !== revision.pattern && !(noPattern(base.pattern) && noPattern(revision.pattern))) {
    if (noPattern(base.pattern)) out.push({ kind: 'pattern-added', severity: direction === 'request' ? 'breaking' : 'non-breaking', reason: 'must now match a pattern' });
    else if (!noPattern(revision.pattern)) out.push({ kind: 'pattern-changed', severity: 'non-breaking', reason: 'pattern changed (review whether it is narrower)' });
    else out.push({ kind: 'pattern-removed', severity: 'non-breaking', reason: 'pattern no longer enforced' });
  }
  if (base.multipleOf !== undefined && revision.multipleOf !== undefined && revision.multipleOf !== base.multipleOf) {
    const narrowed = revision.multipleOf % base.multipleOf === 0;
    out.push({ kind: 'multiple-of-changed', severity: narrowed === (direction === 'request') ? 'breaking' : 'non-breaking', reason: `multipleOf ${base.multipleOf} -> ${revision.multipleOf}` });
  }
  if (direction === 'request' && base.default !== undefined && revision.default !== undefined && base.default !== revision.default) {
    out.push({ kind: 'default-changed', severity: 'breaking', reason: 'default changed: clients that omit it get a different behaviour' });
  }
  if (base.const !== revision.const) {
    const added = base.const === undefined;
    const removed = revision.const === undefined;
    const severity = added ? (direction === 'request' ? 'breaking' : 'non-breaking') : removed ? (direction === 'response' ? 'breaking' : 'non-breaking') : 'breaking';
    out.push({ kind: added ? 'const-added' : removed ? 'const-removed' : 'const-changed', severity, reason: 'fixed value changed' });
  }
  if (base.uniqueItems !== true && revision.uniqueItems === true && direction === 'request') {
    out.push({ kind: 'unique-items-added', severity: 'breaking', reason: 'items must now be unique' });
  }
  const keywords = new Set([...Object.keys(base.keywords ?? {}), ...Object.keys(revision.keywords ?? {})]);
  for (const keyword of [...keywords].sort()) {
    const a = base.keywords?.[keyword];
    const b = revision.keywords?.[keyword];
    if (a === b) continue;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    // A keyword adds a condition values must meet: added on the request side it refuses
    // values clients send; removed on the response side it lets through values they never saw.
    // Changed in place, it may be narrower or wider (like a changed pattern): left to review.
    const breaking =
      ENCODING_KEYWORDS.has(keyword) ||
      (POSITION_KEYWORDS.has(keyword) && change !== 'changed') ||
      (change === 'added' ? direction === 'request' : change === 'removed' && direction === 'response');
    out.push({ kind: `${kebab(keyword)}-${change}`, severity: breaking ? 'breaking' : 'non-breaking', reason: `${keyword} ${change}` });
  }
  diffDependentRequired(base.dependentRequired ?? {}, revision.dependentRequired ?? {}, direction, out);
  if (direction === 'request' && base.oneOf === undefined && revision.oneOf !== undefined) {
    // oneOf demands exactly one match: a value that fit the old schema may now match none or several.
    out.push({ kind: 'became-one-of', severity: 'breaking', reason: 'must now match exactly one of several alternatives' });
    return;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const before = new Set(base[key] ?? []);
    const after = new Set(revision[key] ?? []);
    const added = [...after].filter((m) => !before.has(m));
    const removed = [...before].filter((m) => !after.has(m));
    if (added.length === 0 && removed.length === 0) continue;
    // allOf members all apply: one more narrows. anyOf/oneOf members are alternatives: one fewer
    // narrows what may be sent, one more widens what may come back.
    const narrows = key === 'allOf' ? added.length > 0 : removed.length > 0;
    const widens = key === 'allOf' ? false : added.length > 0;
    const breaking = direction === 'request' ? narrows : widens;
    const kind = `${kebab(key)}-${added.length > 0 && removed.length > 0 ? 'changed' : added.length > 0 ? 'added' : 'removed'}`;
    out.push({ kind, severity: breaking ? 'breaking' : 'non-breaking', reason: `${key}: ${added.length} member(s) added, ${removed.length} removed` });
  }
}

/** A new "if A then B required" narrows requests; one dropped widens responses. */
function diffDependentRequired(base: Record<string, string[]>, revision: Record<string, string[]>, direction: Direction, out: ValueChange[]): void {
  const pairs = (map: Record<string, string[]>) => new Set(Object.entries(map).flatMap(([key, names]) => names.map((n) => `${key} -> ${n}`)));
  const before = pairs(base);
  const after = pairs(revision);
  const added = [...after].filter((p) => !before.has(p));
  const removed = [...before].filter((p) => !after.has(p));
  if (added.length > 0) out.push({ kind: 'dependent-required-added', severity: direction === 'request' ? 'breaking' : 'non-breaking', reason: `now required together: ${added.join(', ')}` });
  if (removed.length > 0) out.push({ kind: 'dependent-required-removed', severity: direction === 'response' ? 'breaking' : 'non-breaking', reason: `no longer required together: ${removed.join(', ')}` });
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function typeSet(type: SurfaceType | SurfaceType[]): Set<SurfaceType> {
  return new Set((Array.isArray(type) ? type : [type]).filter((t) => t !== 'null'));
}
const sameSet = (a: Set<SurfaceType>, b: Set<SurfaceType>) => a.size === b.size && [...a].every((t) => b.has(t));

/** Whether every value of types `inner` is also a value of types `outer` (integer is a number; unknown is anything). */
function covers(outer: Set<SurfaceType>, inner: Set<SurfaceType>): boolean {
  if (outer.has('unknown') || outer.size === 0) return true;
  if (inner.has('unknown') || inner.size === 0) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

/** int32 -> int64 and float -> double accept more: fine on the request side. */
function widenedFormat(before: string, after: string, direction: Direction): boolean {
  const wider = (before === 'int32' && after === 'int64') || (before === 'float' && after === 'double');
  const narrower = (before === 'int64' && after === 'int32') || (before === 'double' && after === 'float');
  return direction === 'request' ? wider : narrower;
}
