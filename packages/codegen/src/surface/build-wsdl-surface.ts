import type { LoadedWsdl, Surface, SurfaceField, SurfaceOperation, SurfaceResponse } from '../model.js';
import { elementNameKey, typeNameKey, type CompileContext } from '../wsdl/compile-context.js';
import { wsdlContext } from '../wsdl-spec/wsdl-context.js';
import { compileOperations } from '../wsdl/emit-operations.js';
import type { ComplexType, SchemaType } from '../wsdl/schema-model.js';
import { complexTypeFields } from '../wsdl-spec/type-fields.js';
import { typeKind } from '../wsdl-spec/type-kind.js';
import { WSDL_FORMAT } from '../wsdl-spec/load-wsdl-spec.js';
import { compareText } from './compare-text.js';
import { MAX_FIELD_DEPTH } from './flatten-schema.js';

/** The SOAP messages' media type, for `contentType`. */
const SOAP_CONTENT_TYPE = 'text/xml';

const child = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}.${name}`);

/**
 * The fields of one complex type in surface form, sorted by path: an element or attribute is
 * a field (`@name` for attributes, `#text` for simple content), `required` from minOccurs (or
 * `use="required"`), `nullable` from nillable, a repeated element is `type: 'array'` with its
 * items at `name[]`; a named type is a `ref` (not expanded), an anonymous one is expanded with
 * dot paths; `xs:any` adds a `*` field. An extension lists its base's fields too and records
 * the base as `constraints.allOf` on a root field `""`.
 */
function complexFields(type: ComplexType, context: CompileContext): SurfaceField[] {
  const out: SurfaceField[] = [];
  const derivation = type.derivation;
  if (derivation?.method === 'extension' && derivation.base.kind === 'named') {
    const base = typeKind(derivation.base, context);
    if (base.ref !== undefined && base.type === 'object') out.push({ path: '', type: 'object', required: true, nullable: false, constraints: { allOf: [base.ref] } });
  }
  addFields(type, '', context, out, new Set([type]), 0);
  return out.sort((a, b) => compareText(a.path, b.path));
}

function addFields(type: ComplexType, prefix: string, context: CompileContext, out: SurfaceField[], expanding: Set<ComplexType>, depth: number): void {
  const { fields, open } = complexTypeFields(type, context);
  for (const field of fields) {
    const path = child(prefix, field.name);
    const kind = typeKind(field.type, context);
    const item: SurfaceField = {
      path: field.array ? `${path}[]` : path,
      type: kind.type,
      ...(kind.format !== undefined ? { format: kind.format } : {}),
      required: field.array ? true : !field.optional,
      nullable: field.nillable,
      ...(kind.enum !== undefined ? { enum: kind.enum } : {}),
      ...(kind.ref !== undefined ? { ref: kind.ref } : {}),
    };
    if (field.array) out.push({ path, type: 'array', required: !field.optional, nullable: false });
    out.push(item);
    // Anonymous complex types have no schema entry of their own: list their fields here.
    if (kind.ref === undefined && kind.complex !== undefined && depth + 1 < MAX_FIELD_DEPTH && !expanding.has(kind.complex)) {
      addFields(kind.complex, item.path, context, out, new Set([...expanding, kind.complex]), depth + 1);
    }
  }
  if (open) out.push({ path: child(prefix, '*'), type: 'unknown', required: false, nullable: false });
}

function schemaFields(type: SchemaType, context: CompileContext): SurfaceField[] {
  if (type.kind === 'complex') return complexFields(type, context);
  const kind = typeKind({ kind: 'inline', type }, context);
  return [
    {
      path: '',
      type: kind.type,
      ...(kind.format !== undefined ? { format: kind.format } : {}),
      required: true,
      nullable: false,
      ...(kind.enum !== undefined ? { enum: kind.enum } : {}),
    },
  ];
}

/** A message body in surface form: the name of its schema when it is one declared type, else one field per part. */
function bodySchema(type: string, elements: readonly string[], schemas: Readonly<Record<string, SurfaceField[]>>): string | SurfaceField[] {
  if (schemas[type] !== undefined) return type;
  return elements.map((element) => ({ path: element.replace(/^\{[^}]*\}/, ''), type: 'object' as const, required: true, nullable: false }));
}

/**
 * The normalized surface of a WSDL set, in the same shape as an OpenAPI surface so drift
 * detection and contract tests read both. The mapping:
 * - each portType operation is an operation with `method: 'SOAP'`, `path` its name (or
 *   `PortType.name` when two port types share it), `key` `SOAP <path>`;
 * - its SOAP input headers are parameters `{ in: 'header', name: <part> }`, never required (the
 *   caller picks one: NetSuite takes a token passport or a session);
 * - the input message is the `requestBody` (`text/xml`), the output the `200` response, each the
 *   schema name of its element's type;
 * - `schemas` holds every named type and every element with an anonymous type, by its
 *   TypeScript name in generated/types.ts, with fields as `complexFields` describes.
 * Deterministic and without prose (WSDL documentation is never read).
 *
 * @example surfaceJson(buildWsdlSurface('netsuite', spec.wsdl)) // '{ "surfaceVersion": 1, "platform": "netsuite", "format": "wsdl-1.1", ...'
 */
export function buildWsdlSurface(platform: string, wsdl: LoadedWsdl, context: CompileContext = wsdlContext(wsdl)): Surface {
  const schemas: Record<string, SurfaceField[]> = {};
  for (const type of wsdl.index.types.values()) {
    const name = type.name === undefined ? undefined : context.names.get(typeNameKey(type.name));
    if (name !== undefined) schemas[name] = schemaFields(type, context);
  }
  for (const element of wsdl.index.elements.values()) {
    if (element.type.kind !== 'inline') continue;
    const name = context.names.get(elementNameKey(element.name));
    if (name !== undefined) schemas[name] = schemaFields(element.type.type, context);
  }
  const operations = compileOperations(wsdl.operations, context).map((operation): SurfaceOperation => ({
    key: `SOAP ${operation.key}`,
    method: 'SOAP',
    path: operation.key,
    operationId: operation.name,
    parameters: operation.headers.map((header) => ({ in: 'header' as const, name: header.part, required: false, type: 'object' as const })),
    requestBody: { required: true, contentType: SOAP_CONTENT_TYPE, schema: bodySchema(operation.input.type, operation.input.elements, schemas) },
    responses: operation.output === undefined ? {} : { '200': { contentType: SOAP_CONTENT_TYPE, schema: bodySchema(operation.output.type, operation.output.elements, schemas) } as SurfaceResponse },
  }));
  return { surfaceVersion: 1, platform, format: WSDL_FORMAT, operations, schemas };
}
