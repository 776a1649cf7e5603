import type { Surface, SurfaceField, SurfaceOperation, SurfaceParameter } from '../model.js';
import { compareText } from '../surface/compare-text.js';
import type { DiffOptions, DriftChange, DriftSide } from './drift-change.js';
import { diffFields, type RefPair } from './diff-fields.js';
import { diffLifecycle, removalRule } from './lifecycle-rules.js';
import { diffValue, type Direction, type ValueChange } from './value-rules.js';

/**
 * Classifies every structural difference between two surfaces of the same platform, as an API
 * reviewer would: what the client may send must not shrink, what it may receive must not grow,
 * nothing it calls may disappear unless deprecated past its sunset. A change inside a component
 * schema is reported once for every operation that reaches it, on the side it is reached from
 * (request bodies, responses), so one renamed field in `Charge` shows up under every charge call.
 * Sorted by operation, then location; deterministic.
 *
 * @example
 * const changes = diffSurfaces(JSON.parse(pinned), buildSurface('stripe', await loadSpec(source, { cwd })));
 * changes.filter((c) => c.severity === 'breaking') // [{ id: 'operation-removed', operation: 'GET /v1/charges', ... }]
 */
export function diffSurfaces(base: Surface, revision: Surface, options: DiffOptions = {}): DriftChange[] {
  const now = options.now ?? new Date();
  const differ = new SurfaceDiff(base, revision, now, options.contractParameters ?? {});
  const after = new Map(revision.operations.map((op) => [matchKey(op), op]));
  const seen = new Set<string>();
  for (const op of base.operations) {
    const key = matchKey(op);
    seen.add(key);
    const next = after.get(key);
    if (next === undefined) differ.operationRemoved(op);
    else differ.operation(op, next);
  }
  for (const op of revision.operations) {
    if (!seen.has(matchKey(op))) differ.push(op.key, 'operation', '', { kind: 'operation-added', severity: 'non-breaking', reason: 'new operation' });
  }
  return differ.result();
}

/** Operations match by method and path shape: a renamed path parameter is the same operation. */
const matchKey = (op: SurfaceOperation) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;
const paramKey = (p: SurfaceParameter, index: number) => (p.in === 'path' ? `path#${index}` : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`);
const isSuccess = (status: string) => /^2/.test(status);

class SurfaceDiff {
  private readonly changes = new Map<string, DriftChange>();
  // Component pair + side -> its changes, so a component used by 300 operations is diffed once.
  private readonly componentCache = new Map<string, { changes: ReturnType<typeof diffFields>['changes']; pairs: RefPair[] }>();

  constructor(
    private readonly base: Surface,
    private readonly revision: Surface,
    private readonly now: Date,
    private readonly contract: Record<string, string[]>,
  ) {}

  result(): DriftChange[] {
    return [...this.changes.values()].sort(
      (a, b) => compareText(a.operation, b.operation) || compareText(a.side, b.side) || compareText(a.schema ?? '', b.schema ?? '') || compareText(a.location, b.location) || compareText(a.id, b.id),
    );
  }

  push(operation: string, side: DriftSide, location: string, change: ValueChange, extra: { schema?: string; status?: string } = {}): void {
    const key = [operation, side, extra.schema ?? '', location, change.kind].join('\u0000');
    if (this.changes.has(key)) return; // e.g. the same component change under 200 and 201
    this.changes.set(key, { id: change.kind, severity: change.severity, side, operation, ...extra, location, reason: change.reason });
  }

  operationRemoved(op: SurfaceOperation): void {
    const rule = removalRule(op.lifecycle, this.now);
    if (rule !== undefined) this.push(op.key, 'operation', '', { ...rule, kind: `operation-${rule.kind}` });
    else if (op.lifecycle?.deprecated === true) this.push(op.key, 'operation', '', { kind: 'deprecated-operation-removed', severity: 'non-breaking', reason: 'deprecated, and past its sunset date (if any)' });
    else this.push(op.key, 'operation', '', { kind: 'operation-removed', severity: 'breaking', reason: 'calls to it will fail' });
  }

  operation(before: SurfaceOperation, after: SurfaceOperation): void {
    const key = after.key;
    for (const change of diffLifecycle(before.lifecycle, after.lifecycle)) this.push(key, 'operation', '', { ...change, kind: `operation-${change.kind}` });
    this.parameters(key, before, after);
    this.requestBody(key, before, after);
    this.responses(key, before, after);
    const a = (before.security ?? []).join(',');
    const b = (after.security ?? []).join(',');
    if (a !== b) {
      // Connectors always send the credentials the platform's auth config names; a different
      // scheme list is for a human to check against that config, not a contract break.
      this.push(key, 'operation', '', { kind: 'security-changed', severity: 'non-breaking', reason: `security schemes [${a}] -> [${b}]` });
    }
  }

  private parameters(key: string, before: SurfaceOperation, after: SurfaceOperation): void {
    const keyed = (op: SurfaceOperation) => {
      const pathOrder = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      return new Map(op.parameters.map((p) => [paramKey(p, pathOrder.indexOf(p.name)), p]));
    };
    const a = keyed(before);
    const b = keyed(after);
    const watched = new Set(this.contract[before.key] ?? this.contract[after.key] ?? []);
    for (const [id, old] of a) {
      const location = `${old.in}:${old.name}`;
      const now = b.get(id);
      if (now === undefined) {
        const rule = removalRule(old.lifecycle, this.now);
        if (watched.has(old.name)) this.push(key, 'parameter', location, { kind: 'pagination-parameter-changed', severity: 'breaking', reason: 'removed, and the connector pages or filters with it' });
        else if (rule !== undefined) this.push(key, 'parameter', location, { ...rule, kind: `parameter-${rule.kind}` });
        else this.push(key, 'parameter', location, { kind: 'parameter-removed', severity: 'non-breaking', reason: 'no longer read; values sent are ignored' });
        continue;
      }
      const changes = [...diffValue('request', old, now), ...diffLifecycle(old.lifecycle, now.lifecycle)];
      if (!old.required && now.required) changes.push({ kind: 'became-required', severity: 'breaking', reason: 'clients that omit it are now refused' });
      for (const change of changes) {
        if (watched.has(old.name) && change.severity === 'breaking') this.push(key, 'parameter', location, { ...change, kind: 'pagination-parameter-changed' });
        else this.push(key, 'parameter', location, { ...change, kind: `parameter-${change.kind}` });
      }
    }
    for (const [id, now] of b) {
      if (a.has(id)) continue;
      const required = now.required && now.constraints?.default === undefined;
      this.push(key, 'parameter', `${now.in}:${now.name}`, {
        kind: required ? 'parameter-added-required' : 'parameter-added',
        severity: required ? 'breaking' : 'non-breaking',
        reason: required ? 'new required parameter clients do not send' : 'new optional parameter',
      });
    }
  }

  private requestBody(key: string, before: SurfaceOperation, after: SurfaceOperation): void {
    const a = before.requestBody;
    const b = after.requestBody;
    if (a === undefined && b === undefined) return;
    if (b === undefined) return this.push(key, 'request', '', { kind: 'request-body-removed', severity: 'breaking', reason: 'the operation no longer takes the body clients send' });
    if (a === undefined) {
      const severity = b.required ? 'breaking' : 'non-breaking';
      return this.push(key, 'request', '', { kind: b.required ? 'request-body-added-required' : 'request-body-added', severity, reason: b.required ? 'a body is now required' : 'a body is now accepted' });
    }
    if (!a.required && b.required) this.push(key, 'request', '', { kind: 'request-body-became-required', severity: 'breaking', reason: 'a body is now required' });
    const typesA = a.contentTypes ?? [a.contentType];
    const typesB = new Set(b.contentTypes ?? [b.contentType]);
    const gone = typesA.filter((t) => !typesB.has(t));
    if (gone.length > 0) this.push(key, 'request', '', { kind: 'request-media-type-removed', severity: 'breaking', reason: `no longer accepts ${gone.join(', ')}` });
    // Schemas of different media types (XML before, JSON now) describe different encodings.
    if (a.contentType === b.contentType) this.schemas(key, 'request', a.schema, b.schema);
  }

  private responses(key: string, before: SurfaceOperation, after: SurfaceOperation): void {
    for (const [status, a] of Object.entries(before.responses)) {
      const b = after.responses[status];
      if (b === undefined) {
        if (isSuccess(status)) this.push(key, 'response', '', { kind: 'response-success-status-removed', severity: 'breaking', reason: `status ${status} no longer returned` }, { status });
        continue;
      }
      const typesA = a.contentTypes ?? (a.contentType === undefined ? [] : [a.contentType]);
      const typesB = new Set(b.contentTypes ?? (b.contentType === undefined ? [] : [b.contentType]));
      const gone = typesA.filter((t) => !typesB.has(t));
      if (gone.length > 0 && isSuccess(status)) this.push(key, 'response', '', { kind: 'response-media-type-removed', severity: 'breaking', reason: `no longer returns ${gone.join(', ')}` }, { status });
      for (const [name, header] of Object.entries(a.headers ?? {})) {
        const next = b.headers?.[name];
        if (next === undefined) this.push(key, 'response', `header:${name}`, { kind: header.required ? 'response-header-removed' : 'response-optional-header-removed', severity: header.required ? 'breaking' : 'non-breaking', reason: 'header no longer sent' }, { status });
        else if (header.required && !next.required) this.push(key, 'response', `header:${name}`, { kind: 'response-header-became-optional', severity: 'breaking', reason: 'header may now be missing' }, { status });
      }
      if (a.schema !== undefined && b.schema === undefined && b.contentType === undefined && isSuccess(status) && a.contentType !== undefined) {
        this.push(key, 'response', '', { kind: 'response-body-removed', severity: 'breaking', reason: 'the response no longer has a body' }, { status });
      } else if (a.schema !== undefined && b.schema !== undefined) this.schemas(key, 'response', a.schema, b.schema, status);
    }
  }

  /** Diffs two body schemas and every component pair reached from them, attributing all to `key`. */
  private schemas(key: string, direction: Direction, a: string | SurfaceField[], b: string | SurfaceField[], status?: string): void {
    const extra = (schema?: string) => ({ ...(schema !== undefined ? { schema } : {}), ...(status !== undefined ? { status } : {}) });
    const queue: RefPair[] = [];
    if (typeof a === 'string' && typeof b === 'string') queue.push({ base: a, revision: b });
    else {
      const inlineA = typeof a === 'string' ? [{ path: '', type: 'object' as const, required: true, nullable: false, ref: a }] : a;
      const inlineB = typeof b === 'string' ? [{ path: '', type: 'object' as const, required: true, nullable: false, ref: b }] : b;
      const { changes, pairs } = diffFields(direction, inlineA, inlineB);
      for (const change of changes) this.push(key, direction, change.path, change, extra());
      queue.push(...pairs);
    }
    const visited = new Set<string>();
    while (queue.length > 0) {
      const pair = queue.shift()!;
      const id = `${pair.base}\u0000${pair.revision}`;
      if (visited.has(id)) continue;
      visited.add(id);
      const { changes, pairs } = this.component(direction, pair);
      const schema = pair.base === pair.revision ? pair.base : `${pair.base} -> ${pair.revision}`;
      for (const change of changes) this.push(key, direction, change.path, change, extra(schema));
      queue.push(...pairs);
    }
  }

  private component(direction: Direction, pair: RefPair) {
    const cacheKey = `${direction}\u0000${pair.base}\u0000${pair.revision}`;
    let cached = this.componentCache.get(cacheKey);
    if (cached === undefined) {
      const a = Object.hasOwn(this.base.schemas, pair.base) ? this.base.schemas[pair.base] : undefined;
      const b = Object.hasOwn(this.revision.schemas, pair.revision) ? this.revision.schemas[pair.revision] : undefined;
      cached = a === undefined || b === undefined ? { changes: [], pairs: [] } : diffFields(direction, a, b);
      this.componentCache.set(cacheKey, cached);
    }
    return cached;
  }
}
