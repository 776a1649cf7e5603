import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { SpecError, type JsonObject, type OpenApiDocument, type SpecRefs } from '@portage/codegen';
import { toJsonSchema, type Direction } from './to-json-schema.js';

// Ajv needs a URI per resource; nothing is ever fetched from it.
const BASE_URI = 'https://portage.invalid/schema';

/** Validates values against the document's schemas. One per document: see `schemaValidatorFor`. */
export interface SchemaValidator {
  /** Ajv's errors for `value` against an OpenAPI schema node of the document; [] when it conforms. */
  validate(schema: unknown, value: unknown, direction: Direction): ErrorObject[];
}

const validators = new WeakMap<OpenApiDocument, SchemaValidator>();

/**
 * The validator of a document, shared by everything that validates against it (every spec
 * server started on it, the contract suite), so a big spec (Stripe's has ~800 component
 * schemas) compiles each schema at most once per test run.
 *
 * @example const errors = schemaValidatorFor(spec.document, spec.refs).validate(schema, body, 'response');
 */
export function schemaValidatorFor(document: OpenApiDocument, refs: SpecRefs): SchemaValidator {
  let validator = validators.get(document);
  if (!validator) {
    validator = createSchemaValidator(document, refs);
    validators.set(document, validator);
  }
  return validator;
}

/**
 * Validates values against the schemas of an OpenAPI 3.0 or 3.1 document.
 * Lazily translates and compiles schemas with Ajv: nothing is compiled up front. Each schema
 * node that is validated against, or reached through a `$ref`, becomes one Ajv resource with
 * its own URI (per direction, since `readOnly`/`writeOnly` change what is required); a
 * validation adds the resources its schema reaches, then compiles (and caches) just that one.
 *
 * @example createSchemaValidator(document, refs).validate({ type: 'integer' }, 'x', 'response') // [{ keyword: 'type', ... }]
 */
export function createSchemaValidator(document: OpenApiDocument, refs: SpecRefs): SchemaValidator {
  const is31 = String(document.openapi).startsWith('3.1');
  // Ajv's code optimizer costs more than it saves here: each schema is compiled once and run
  // on a few test bodies (Stripe's charge list compiles in about half the time without it).
  // Spec regexes are often written without the `u` flag in mind (`[\w\-]`), which it rejects.
  const options = { strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false, code: { optimize: false } } as const;
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  // mode 'full' without the formatMinimum/formatMaximum keywords, which OpenAPI does not have.
  formats.default(ajv, { mode: 'full' });

  const uris = { request: new WeakMap<object, string>(), response: new WeakMap<object, string>() };
  const compiled = new Map<string, ValidateFunction>();
  let counter = 0;

  const onFormat = (name: string) => {
    // An unknown format is an annotation (OpenAPI allows any, e.g. Stripe's `unix-time`);
    // registering it keeps Ajv from warning on every compile.
    if (!ajv.formats[name]) ajv.addFormat(name, true);
  };

  /** The resource URI of a schema node, adding it (and what it reaches) to Ajv first. */
  const resourceOf = (node: object, direction: Direction): string => {
    const known = uris[direction].get(node);
    if (known) return known;
    const pending: [object, string][] = [];
    const uriOf = (target: object) => {
      let uri = uris[direction].get(target);
      if (!uri) {
        uri = `${BASE_URI}/${direction}/${++counter}`;
        uris[direction].set(target, uri);
        pending.push([target, uri]);
      }
      return uri;
    };
    const context = {
      direction,
      refSiblings: is31,
      refUri: (ref: JsonObject) => {
        const target = refs.resolve<unknown>(ref);
        if (typeof target === 'boolean') return target;
        if (typeof target !== 'object' || target === null) throw new SpecError(`the $ref "${String(ref.$ref)}" does not point at a schema`, String(ref.$ref));
        return uriOf(target);
      },
      resolve: (value: unknown) => refs.resolve<unknown>(value),
      onFormat,
    };
    const uri = uriOf(node);
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [target, targetUri] = next;
      const translated = toJsonSchema(target, context);
      ajv.addSchema(withId(translated, targetUri));
    }
    return uri;
  };

  return {
    validate(schema, value, direction) {
      const target = refs.resolve<unknown>(schema);
      if (target === true || target === undefined) return [];
      if (target === false) return [{ keyword: 'false schema', instancePath: '', schemaPath: '#', params: {}, message: 'boolean schema is false' }];
      if (typeof target !== 'object' || target === null) return [];
      const uri = resourceOf(target, direction);
      let validate = compiled.get(uri);
      if (!validate) {
        validate = ajv.getSchema(uri);
        if (!validate) throw new Error(`schema validator: schema ${uri} was not added before compiling`);
        compiled.set(uri, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** An Ajv resource: the translated schema under its URI (an `allOf` when it is a bare `$ref`). */
function withId(translated: unknown, uri: string): JsonObject {
  if (typeof translated === 'boolean') return { $id: uri, allOf: [translated] };
  const schema = translated as JsonObject;
  return '$ref' in schema ? { $id: uri, allOf: [schema] } : { ...schema, $id: uri };
}
