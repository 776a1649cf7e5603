import type { SurfaceField } from '../model.js';
import { diffLifecycle } from './lifecycle-rules.js';
import { diffValue, type Direction, type ValueChange } from './value-rules.js';

/** A field change, placed within its field list. */
export interface FieldChange extends ValueChange {
  path: string;
}

/** Two components (or inline schemas) found at the same place on both sides: diffed in turn. */
export interface RefPair {
  base: string;
  revision: string;
}

const OBJECT_ROOT: SurfaceField = { path: '', type: 'object', required: true, nullable: false };
const isBelow = (path: string, parent: string) => parent === '' || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);

/**
 * Diffs two flattened field lists as seen from one side of the exchange. Added and removed
 * fields are reported at the topmost path only (a removed object is one change, not one per
 * child). Returns the component pairs referenced at the same path, for the caller to follow.
 */
export function diffFields(direction: Direction, base: SurfaceField[], revision: SurfaceField[]): { changes: FieldChange[]; pairs: RefPair[] } {
  const changes: FieldChange[] = [];
  const pairs: RefPair[] = [];
  // What a side never sees does not count: read-only fields are not sent, write-only not received.
  const visible = (f: SurfaceField) => (direction === 'request' ? f.constraints?.readOnly !== true : f.constraints?.writeOnly !== true);
  const before = new Map(base.filter(visible).map((f) => [f.path, f]));
  const after = new Map(revision.filter(visible).map((f) => [f.path, f]));
  // A plain object root has no "" field; when the other side has one, compare with that object.
  if (before.has('') !== after.has('')) (before.has('') ? after : before).set('', OBJECT_ROOT);
  const removedRoots: string[] = [];
  for (const [path, old] of before) {
    const now = after.get(path);
    if (now === undefined) {
      if (removedRoots.some((root) => isBelow(path, root))) continue;
      removedRoots.push(path);
      changes.push({ path, ...removal(direction, old) });
      continue;
    }
    for (const change of diffValue(direction, old, now)) changes.push({ ...change, path, kind: `${direction}-field-${change.kind}` });
    for (const change of diffLifecycle(old.lifecycle, now.lifecycle)) changes.push({ ...change, path, kind: `${direction}-field-${change.kind}` });
    if (old.required !== now.required && path !== '') {
      if (now.required && direction === 'request') changes.push({ path, kind: 'request-field-became-required', severity: 'breaking', reason: 'clients that omit it are now refused' });
      if (!now.required && direction === 'response') changes.push({ path, kind: 'response-field-became-optional', severity: 'breaking', reason: 'may now be missing from responses' });
      if (now.required && direction === 'response') changes.push({ path, kind: 'response-field-became-required', severity: 'non-breaking', reason: 'now always present' });
      if (!now.required && direction === 'request') changes.push({ path, kind: 'request-field-became-optional', severity: 'non-breaking', reason: 'may now be omitted' });
    }
    pairs.push(...refPairs(old.ref, now.ref));
  }
  const addedRoots: string[] = [];
  for (const [path, now] of after) {
    if (before.has(path) || addedRoots.some((root) => isBelow(path, root))) continue;
    addedRoots.push(path);
    const required = now.required && direction === 'request' && now.constraints?.default === undefined && !parentAdded(path, addedRoots);
    changes.push({
      path,
      kind: `${direction}-field-added${required ? '-required' : ''}`,
      severity: required ? 'breaking' : 'non-breaking',
      reason: required ? 'new required field clients do not send' : direction === 'request' ? 'new optional field' : 'new field in responses',
    });
  }
  return { changes, pairs };
}

const parentAdded = (path: string, roots: string[]) => roots.some((root) => root !== path && isBelow(path, root));

function removal(direction: Direction, old: SurfaceField): ValueChange {
  if (direction === 'response') {
    return old.required
      ? { kind: 'response-field-removed', severity: 'breaking', reason: 'a field responses always had is gone' }
      : { kind: 'response-optional-field-removed', severity: 'non-breaking', reason: 'an optional field is gone (clients already handle its absence)' };
  }
  return { kind: 'request-field-removed', severity: 'non-breaking', reason: 'no longer read by the platform; values sent are ignored' };
}

/** Component refs at the same place: the same name, or a single ref renamed. */
export function refPairs(before: string | undefined, after: string | undefined): RefPair[] {
  if (before === undefined || after === undefined) return [];
  const a = before.split('|');
  const b = after.split('|');
  if (a.length === 1 && b.length === 1) return [{ base: a[0]!, revision: b[0]! }];
  return a.filter((name) => b.includes(name)).map((name) => ({ base: name, revision: name }));
}
