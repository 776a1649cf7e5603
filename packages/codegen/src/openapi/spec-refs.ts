import type { JsonObject, SpecRefs } from '../model.js';
import { SpecError } from './spec-error.js';

const SCHEMA_PREFIX = '#/components/schemas/';

const decodeToken = (token: string) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');

/** The node a local JSON pointer (`#/components/schemas/Charge`) names, or undefined. */
function atPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointer.slice(2).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as JsonObject)[decodeToken(token)];
  }
  return node;
}

const refOf = (node: unknown) =>
  node !== null && typeof node === 'object' && typeof (node as JsonObject).$ref === 'string' ? ((node as JsonObject).$ref as string) : undefined;

/**
 * Local `$ref` resolution over one document. Only same-document refs (`#/...`) are followed:
 * the loader bundles external ones first. Recursive schemas are fine (resolution is lazy, one
 * node at a time); a chain of refs that comes back to itself is an error.
 */
export function createSpecRefs(document: unknown): SpecRefs {
  const names = new WeakMap<object, string>();
  return {
    resolve<T>(node: unknown): T {
      const seen: string[] = [];
      let current = node;
      for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
        if (!ref.startsWith('#/')) {
          throw new SpecError(`the $ref "${ref}" points outside the document; bundle external references into the spec first`, seen.at(-1) ?? ref);
        }
        if (seen.includes(ref)) throw new SpecError(`the $ref chain ${[...seen, ref].join(' -> ')} loops; point one of them at a real schema`, ref);
        seen.push(ref);
        const target = atPointer(document, ref);
        if (target === undefined) throw new SpecError(`the $ref "${ref}" points at nothing; fix the reference or add the missing component`, ref);
        if (ref.startsWith(SCHEMA_PREFIX) && target !== null && typeof target === 'object' && !names.has(target)) {
          names.set(target, decodeToken(ref.slice(SCHEMA_PREFIX.length)));
        }
        current = target;
      }
      return current as T;
    },
    schemaNameOf(node: unknown): string | undefined {
      const ref = refOf(node);
      if (ref?.startsWith(SCHEMA_PREFIX)) return decodeToken(ref.slice(SCHEMA_PREFIX.length));
      return node !== null && typeof node === 'object' ? names.get(node) : undefined;
    },
  };
}
