import type { JsonObject, SpecRefs, SurfaceConstraints, SurfaceField, SurfaceLifecycle } from '../model.js';
import { compareText } from './compare-text.js';
import { componentRefName } from './component-ref.js';
import { lifecycleOf } from './lifecycle.js';
import { schemaConstraints } from './schema-constraints.js';
import { schemaShape, type SchemaShape } from './schema-shape.js';

/**
 * How deep inline objects are expanded. Fields below it are not listed; the field at the
 * limit keeps its type (`object`/`array`). Component refs are never expanded, so only
 * deeply nested inline schemas reach it.
 */
export const MAX_FIELD_DEPTH = 6;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const child = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}.${name}`);

/**
 * Flattens a schema into fields with dot paths, sorted by path:
 * - `properties` become `a`, `a.b`; array items add `[]` (`lines[].amount`); a map's values
 *   (`additionalProperties`) are `meta.*`;
 * - allOf members are merged; oneOf/anyOf members are merged too, their fields not required;
 * - a `$ref` to another component is recorded as the field's `ref` and not expanded, which keeps
 *   recursive schemas finite. At the root (a component or an inline body) refs inside
 *   allOf/oneOf/anyOf are merged, since the root *is* that composition;
 * - a root that is not an object (an enum, an array), or an object root that is nullable or
 *   has validation keywords or compositions, is described by a field with path "";
 * - a field's own validation keywords (`constraints`) and deprecation marks (`lifecycle`) are
 *   kept; a `$ref` field's are its component's, recorded there.
 *
 * @example flattenSchema(refs, { type: 'object', required: ['id'], properties: { id: { type: 'string' } } })
 * // [{ path: 'id', type: 'string', required: true, nullable: false }]
 */
export function flattenSchema(refs: SpecRefs, schema: unknown): SurfaceField[] {
  const flattener = new Flattener(refs);
  flattener.root(schema);
  return flattener.result();
}

class Flattener {
  private readonly fields = new Map<string, SurfaceField>();
  // Schemas being expanded right now: a composition or inline ref that comes back stops here.
  private readonly stack = new Set<unknown>();

  constructor(private readonly refs: SpecRefs) {}

  root(raw: unknown): void {
    const shape = schemaShape(this.refs, raw);
    if (componentRefName(raw) !== undefined) {
      // An alias of another component: say so, do not copy it.
      this.add('', shape, true);
      return;
    }
    const facts = ownFacts(this.refs, raw);
    if (shape.type !== 'object') this.add('', shape, true, facts);
    // An object root's composition members are merged below, so its "" field names no ref.
    else if (shape.nullable || facts.constraints !== undefined || facts.lifecycle !== undefined) this.add('', { ...shape, ref: undefined }, true, facts);
    this.within(raw, () => this.expand(this.refs.resolve(raw), '', 0, false, true));
  }

  result(): SurfaceField[] {
    return [...this.fields.values()].sort((a, b) => compareText(a.path, b.path));
  }

  /** Adds the fields below one (resolved) schema node at `prefix`. */
  private expand(node: unknown, prefix: string, depth: number, optional: boolean, mergeRefs: boolean): void {
    if (!isObject(node) || depth >= MAX_FIELD_DEPTH) return;
    if (isObject(node.properties)) {
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      for (const [name, property] of Object.entries(node.properties)) {
        this.field(property, child(prefix, name), !optional && required.has(name), depth + 1);
      }
    }
    if (isObject(node.additionalProperties)) this.field(node.additionalProperties, child(prefix, '*'), false, depth + 1);
    // Array elements are always present as elements, hence required.
    if (node.items !== undefined && !Array.isArray(node.items)) this.field(node.items, `${prefix}[]`, true, depth + 1);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      if (!Array.isArray(node[key])) continue;
      for (const member of node[key] as unknown[]) {
        if (!mergeRefs && componentRefName(member) !== undefined) continue; // recorded as the field's ref
        this.within(member, () => this.expand(this.refs.resolve(member), prefix, depth, optional || key !== 'allOf', mergeRefs));
      }
    }
  }

  private field(raw: unknown, path: string, required: boolean, depth: number): void {
    this.add(path, schemaShape(this.refs, raw), required, ownFacts(this.refs, raw));
    if (componentRefName(raw) !== undefined) return;
    this.within(raw, () => this.expand(this.refs.resolve(raw), path, depth, false, false));
  }

  /** Runs `expand` unless the schema is already being expanded further up. */
  private within(raw: unknown, expand: () => void): void {
    const node = this.refs.resolve<unknown>(raw);
    if (this.stack.has(node)) return;
    this.stack.add(node);
    expand();
    this.stack.delete(node);
  }

  private add(path: string, shape: SchemaShape, required: boolean, facts: OwnFacts = {}): void {
    const existing = this.fields.get(path);
    const merged = existing === undefined ? { ...shape, required, ...facts } : mergeFields(existing, { ...shape, required, ...facts });
    this.fields.set(path, {
      path,
      type: merged.type,
      ...(merged.format !== undefined ? { format: merged.format } : {}),
      required: merged.required,
      nullable: merged.nullable,
      ...(merged.enum !== undefined ? { enum: merged.enum } : {}),
      ...(merged.ref !== undefined ? { ref: merged.ref } : {}),
      ...(merged.constraints !== undefined ? { constraints: merged.constraints } : {}),
      ...(merged.lifecycle !== undefined ? { lifecycle: merged.lifecycle } : {}),
    });
  }
}

interface OwnFacts {
  constraints?: SurfaceConstraints;
  lifecycle?: SurfaceLifecycle;
}

/** A schema's own constraints and lifecycle; none for a `$ref` to a component (they live there). */
function ownFacts(refs: SpecRefs, raw: unknown): OwnFacts {
  if (componentRefName(raw) !== undefined) return {};
  const constraints = schemaConstraints(refs, raw);
  const lifecycle = lifecycleOf(refs.resolve<unknown>(raw));
  return { ...(constraints !== undefined ? { constraints } : {}), ...(lifecycle !== undefined ? { lifecycle } : {}) };
}

type FieldFacts = SchemaShape & OwnFacts & { required: boolean };

/** The same path reached twice (allOf members, oneOf alternatives): one field that allows both. */
function mergeFields(a: FieldFacts, b: FieldFacts): FieldFacts {
  const types = [...new Set([a.type, b.type].flat())].sort(compareText);
  const known = types.length > 1 ? types.filter((t) => t !== 'unknown') : types;
  const merged: FieldFacts = {
    type: known.length === 1 ? known[0]! : known,
    required: a.required || b.required,
    nullable: a.nullable || b.nullable,
  };
  if (a.format !== undefined && a.format === b.format) merged.format = a.format;
  if (a.enum !== undefined && b.enum !== undefined) {
    merged.enum = [...new Map([...a.enum, ...b.enum].map((v) => [`${typeof v}:${String(v)}`, v])).entries()]
      .sort(([x], [y]) => compareText(x, y))
      .map(([, v]) => v);
  }
  const refs = [...new Set([a.ref, b.ref].flatMap((r) => r?.split('|') ?? []))].sort(compareText);
  if (refs.length > 0) merged.ref = refs.join('|');
  // The first description of a path keeps its keywords; a later one only fills in what it lacks.
  if (a.constraints !== undefined || b.constraints !== undefined) merged.constraints = { ...b.constraints, ...a.constraints };
  if (a.lifecycle !== undefined || b.lifecycle !== undefined) merged.lifecycle = { ...b.lifecycle, ...a.lifecycle };
  return merged;
}
