const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * The component schema a node is a `$ref` to (`#/components/schemas/Charge` -> `Charge`), or
 * undefined for inline schemas and refs to anything else (a property of another schema, say).
 */
export function componentRefName(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string') return undefined;
  const token = COMPONENT_REF.exec(ref)?.[1];
  if (token === undefined) return undefined;
  try {
    return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}
