import { mustFind, type CompileContext } from './compile-context.js';
import { elementTypeToTs } from './emit-particles.js';
import { propertyKey } from './emit-properties.js';
import { namedTypeToTs } from './emit-type-ref.js';
import type { WsdlOperationModel, WsdlPart } from './read-operations.js';

/** An operation as compiled: where it lives, its SOAP action and the TypeScript types of its messages. */
export interface CompiledOperation {
  /** Its key in the `Operations` map: the operation name, or `PortType.name` when two port types share a name. */
  key: string;
  portType: string;
  name: string;
  soapAction?: string;
  /** TypeScript type of the request body, and the global elements it is made of. */
  input: { type: string; elements: string[] };
  output?: { type: string; elements: string[] };
  /** SOAP input headers: part name -> TypeScript type. */
  headers: { part: string; element: string; type: string }[];
}

/**
 * Gives each operation its key and the TypeScript types of its body and headers.
 *
 * @example compileOperations(readOperations(set.definitions), context)[0]
 * // { key: 'login', input: { type: 'login', elements: ['{urn:messages...}login'] }, headers: [...] }
 */
export function compileOperations(operations: readonly WsdlOperationModel[], context: CompileContext): CompiledOperation[] {
  const portTypesOfName = new Map<string, Set<string>>();
  for (const operation of operations) {
    portTypesOfName.set(operation.name, (portTypesOfName.get(operation.name) ?? new Set()).add(operation.portType));
  }
  const seen = new Set<string>();
  const compiled: CompiledOperation[] = [];
  for (const operation of operations) {
    const key = portTypesOfName.get(operation.name)!.size > 1 ? `${operation.portType}.${operation.name}` : operation.name;
    // An overloaded operation (same name twice in one port type) keeps its first form.
    if (seen.has(key)) continue;
    seen.add(key);
    compiled.push({
      key,
      portType: operation.portType,
      name: operation.name,
      ...(operation.soapAction === undefined ? {} : { soapAction: operation.soapAction }),
      input: bodyType(operation.input, context),
      ...(operation.output === undefined ? {} : { output: bodyType(operation.output, context) }),
      // A header bound twice (EWS GetUserAvailability binds RequestVersion twice) is one header.
      headers: [...new Map(operation.headers.map((part) => [part.name, part])).values()].map((part) => ({
        part: part.name,
        element: partElementKey(part),
        type: partType(part, context),
      })),
    });
  }
  return compiled;
}

/**
 * The `Operations` interface: per operation its `input`, `output` and optional `headers`
 * (a SOAP header is the caller's choice: NetSuite takes tokenPassport or a session).
 *
 * @example emitOperations(compiled) // 'export interface Operations {\n  login: { input: login; output: loginResponse; headers: {...} };\n}'
 */
export function emitOperations(name: string, operations: readonly CompiledOperation[]): string {
  const lines = [...operations]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((operation) => {
      const headers = operation.headers.map((header) => `${propertyKey(header.part)}?: ${header.type};`).join(' ');
      const output = operation.output === undefined ? 'undefined' : operation.output.type;
      return `  ${propertyKey(operation.key)}: { input: ${operation.input.type}; output: ${output}; headers: {${headers === '' ? '' : ` ${headers} `}} };`;
    });
  return lines.length === 0 ? `export interface ${name} {}` : `export interface ${name} {\n${lines.join('\n')}\n}`;
}

// One body part is the body's type itself; several become an object keyed by element name.
function bodyType(parts: readonly WsdlPart[], context: CompileContext): { type: string; elements: string[] } {
  const elements = parts.map(partElementKey);
  if (parts.length === 1) return { type: partType(parts[0]!, context), elements };
  if (parts.length === 0) return { type: '{ [key: string]: never }', elements };
  const members = parts.map((part) => `${propertyKey(part.element?.localName ?? part.name)}: ${partType(part, context)};`);
  return { type: `{ ${members.join(' ')} }`, elements };
}

function partType(part: WsdlPart, context: CompileContext): string {
  if (part.element !== undefined) return elementTypeToTs(mustFind(context.index.elements, part.element, 'element'), context);
  if (part.type !== undefined) return namedTypeToTs(part.type, context);
  return 'unknown';
}

function partElementKey(part: WsdlPart): string {
  const name = part.element ?? part.type;
  return name === undefined ? part.name : `{${name.namespace}}${name.localName}`;
}
