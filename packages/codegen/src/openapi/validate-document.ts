import type { JsonObject, OpenApiDocument } from '../model.js';
import { HTTP_METHODS } from './http-methods.js';
import { nodeAtPointer, toPointer } from './json-pointer.js';
import { SpecError } from './spec-error.js';

// Objects whose keys are names chosen by the spec author (a property called "example" or
// "$ref" is a name there, not a keyword).
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'paths', 'webhooks', 'schemas',
  'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks',
  'pathItems', 'content', 'encoding', 'variables',
]);
// Keywords whose values are data, not spec structure: a "$ref" key inside an example is not a reference.
const DATA_KEYWORDS = new Set(['example', 'default', 'enum', 'const', 'value']);

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks the structure every later stage relies on, failing on the first problem with its
 * JSON pointer: `paths` is an object of path items, each operation an object, `parameters`
 * lists, and every `$ref` (walking the whole document once) local and resolvable, without a
 * chain of refs that loops. Recursive schemas are fine: refs are checked, never expanded.
 *
 * @example validateDocument(document) // throws SpecError '... points at nothing (at #/paths/~1a/get/...)'
 */
export function validateDocument(document: OpenApiDocument): void {
  validateStructure(document);
  new RefWalker(document).walk(document);
}

function validateStructure(document: OpenApiDocument): void {
  if (!isObject(document.paths)) throw new SpecError('"paths" must be an object of path items', '#/paths');
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith('x-')) continue;
    const at = ['paths', path];
    if (!isObject(item)) throw new SpecError(`the path item for "${path}" must be an object`, toPointer(at));
    checkList(item.parameters, [...at, 'parameters']);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (!isObject(operation)) throw new SpecError(`the operation ${method.toUpperCase()} ${path} must be an object`, toPointer([...at, method]));
      checkList(operation.parameters, [...at, method, 'parameters']);
      if (operation.responses !== undefined && !isObject(operation.responses)) {
        throw new SpecError(`the responses of ${method.toUpperCase()} ${path} must be an object keyed by status code`, toPointer([...at, method, 'responses']));
      }
    }
  }
  const components = document.components;
  if (components !== undefined && !isObject(components)) throw new SpecError('"components" must be an object', '#/components');
  if (components?.schemas !== undefined && !isObject(components.schemas)) {
    throw new SpecError('"components.schemas" must be an object of named schemas', '#/components/schemas');
  }
}

function checkList(value: unknown, at: string[]): void {
  if (value !== undefined && !Array.isArray(value)) throw new SpecError('"parameters" must be a list', toPointer(at));
}

/** One pass over the document, checking each `$ref` where it is used; each target is checked once. */
class RefWalker {
  private readonly checked = new Set<string>();
  private readonly at: string[] = [];

  constructor(private readonly document: OpenApiDocument) {}

  walk(node: unknown, keysAreNames = false): void {
    if (Array.isArray(node)) {
      node.forEach((item, index) => this.visit(String(index), item, false));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const object = node as JsonObject;
    if (!keysAreNames && '$ref' in object) this.checkRef(object.$ref);
    for (const [key, child] of Object.entries(object)) {
      if (keysAreNames) {
        this.visit(key, child, false);
      } else if (key !== '$ref' && !key.startsWith('x-') && !DATA_KEYWORDS.has(key) && !(key === 'examples' && Array.isArray(child))) {
        this.visit(key, child, NAME_MAPS.has(key));
      }
    }
  }

  private visit(key: string, child: unknown, keysAreNames: boolean): void {
    if (child === null || typeof child !== 'object') return;
    this.at.push(key);
    this.walk(child, keysAreNames);
    this.at.pop();
  }

  private checkRef(ref: unknown): void {
    const usedAt = toPointer(this.at);
    if (typeof ref !== 'string') throw new SpecError('"$ref" must be a string', usedAt);
    if (this.checked.has(ref)) return;
    const chain: string[] = [];
    for (let current: unknown = ref; typeof current === 'string'; ) {
      if (!current.startsWith('#')) {
        throw new SpecError(`the $ref "${current}" points outside the document; bundle external files into one spec first`, usedAt);
      }
      if (!current.startsWith('#/')) {
        throw new SpecError(`the $ref "${current}" is not a JSON pointer (#/...); only local JSON-pointer references are supported`, usedAt);
      }
      if (chain.includes(current)) {
        throw new SpecError(`the $ref chain ${[...chain, current].join(' -> ')} loops without reaching a definition; point one of them at a real schema`, usedAt);
      }
      chain.push(current);
      const target = nodeAtPointer(this.document, current);
      if (target === undefined) {
        const via = chain.length > 1 ? ` (reached through ${chain.slice(0, -1).join(' -> ')})` : '';
        throw new SpecError(`the $ref "${current}"${via} points at nothing; fix the reference or add the missing definition`, usedAt);
      }
      if (!isObject(target) || !('$ref' in target)) break;
      current = target.$ref;
      if (typeof current !== 'string') throw new SpecError('"$ref" must be a string', chain.at(-1));
    }
    this.checked.add(ref);
  }
}
