import type { LoadedFixture } from '../fixture/fixture.js';

/**
 * A difference between the response shapes of two recordings of one scenario: a field the
 * fresh recording has and the old one lacks (`new`), the other way round (`missing`), or one
 * whose JSON type changed (`retyped`; a field that also came back null is not retyped).
 */
export interface ShapeChange {
  scenario: string;
  /** Dot path in the response body; `[]` stands for the items of an array. */
  path: string;
  change: 'new' | 'missing' | 'retyped';
  was?: string[];
  now?: string[];
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function walk(value: unknown, path: string, shape: Map<string, Set<string>>): void {
  if (path !== '') {
    const types = shape.get(path) ?? new Set<string>();
    types.add(typeOf(value));
    shape.set(path, types);
  }
  if (Array.isArray(value)) for (const item of value) walk(item, `${path}[]`, shape);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, shape);
  }
}

/**
 * The shape of every JSON response body of a recording: each field path with the JSON types
 * seen there.
 *
 * @example fixtureShape(charges).get('data[].amount') // Set { 'number' }
 */
export function fixtureShape(fixture: LoadedFixture): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  for (const { response } of fixture.exchanges) if (response.json !== undefined) walk(response.json, '', shape);
  return shape;
}

const nonNull = (types: Set<string>) => [...types].filter((type) => type !== 'null').sort();

/**
 * Live drift: the response shapes of fresh recordings (made against the real platform)
 * compared with the committed fixtures, scenario by scenario. Scenarios recorded only once are
 * skipped. Sorted by scenario, then path.
 *
 * @example compareFixtureShapes(committed, fresh) // [{ scenario: 'charges', path: 'data[].fee', change: 'missing' }]
 */
export function compareFixtureShapes(recorded: readonly LoadedFixture[], fresh: readonly LoadedFixture[]): ShapeChange[] {
  const changes: ShapeChange[] = [];
  for (const old of recorded) {
    const now = fresh.find((fixture) => fixture.scenario === old.scenario);
    if (now === undefined) continue;
    const before = fixtureShape(old);
    const after = fixtureShape(now);
    for (const [path, types] of after) if (!before.has(path)) changes.push({ scenario: old.scenario, path, change: 'new', now: [...types].sort() });
    for (const [path, types] of before) {
      const current = after.get(path);
      if (current === undefined) changes.push({ scenario: old.scenario, path, change: 'missing', was: [...types].sort() });
      else {
        const [was, is] = [nonNull(types), nonNull(current)];
        if (was.length > 0 && is.length > 0 && was.join() !== is.join()) changes.push({ scenario: old.scenario, path, change: 'retyped', was, now: is });
      }
    }
  }
  const order = (a: ShapeChange, b: ShapeChange) => (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return changes.sort(order);
}
