import { readFileSync } from 'node:fs';
import { UNIFIED_ENTITY_NAMES } from '@portage/core';
import type { EntityChoice, GeneratedFile, JsonObject, ListEndpoint, LoadedWsdl, OpenApiDocument, SpecLock, SpecRefs } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { baseUrlOf, detectAuth } from './auth-config.js';
import { contractTestFile } from './contract-test-file.js';
import { entitiesFile } from './entities-file.js';
import { recordFields, unifiedFields } from './field-kinds.js';
import { mappingStub } from './mapping-stub.js';
import { matchBodyFields, matchFields } from './match-fields.js';
import { assertEntityName, assertPlatformName, camelCase, exportModule, isIdentifier, mappingModule, pascalCase, quote } from './names.js';
import { exportBodyOf } from './export-body.js';
import { exportFunctions, exportStub } from './export-stub.js';
import { connectorFile } from './connector-file.js';
import { packageFiles } from './package-files.js';
import { platformFile } from './platform-file.js';
import { recordSchemaOf } from './record-schema.js';
import type { ScaffoldContext, ScaffoldEntity, ScaffoldExport, ScaffoldWrite } from './scaffold-context.js';
import { typesFile } from './types-file.js';
import { choiceKey } from './choose-entities.js';
import { soapBaseUrl } from '../discovery/discover-soap-entities.js';
import { compileWsdlSet } from '../wsdl/compile-wsdl.js';
import { wsdlContext } from '../wsdl-spec/wsdl-context.js';
import { wsdlRecordFields } from '../wsdl-spec/record-fields.js';
import { soapEndpointOf } from './soap-endpoint.js';
import { typeByName } from '../wsdl-spec/type-by-name.js';
import { declarationNames, wsdlPlatformFile, wsdlTypesFile } from './wsdl-files.js';

export interface ScaffoldInput {
  platform: string;
  document: OpenApiDocument;
  refs: SpecRefs;
  lock: SpecLock;
  /** Every list endpoint discovery found. */
  endpoints: readonly ListEndpoint[];
  /** The ones to scaffold, and as what. */
  entities: readonly EntityChoice[];
  /** Set for a WSDL source: types come from the WSDL compiler, entities are SOAP calls. */
  wsdl?: LoadedWsdl;
}

/** Names the generated connector.ts uses besides the connector constant. */
const TAKEN_NAMES = new Set(['generated', 'defineConnector', 'defineEntity']);

/** The @portage/core range this codegen package itself depends on: the connector gets the same. */
function coreRange(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return manifest.dependencies?.['@portage/core'] ?? '*';
}

function connectorConstOf(platform: string): string {
  const name = camelCase(platform);
  return isIdentifier(name) && !TAKEN_NAMES.has(name) ? name : `${name}Connector`;
}

/** Checks the choices against each other and the discovered endpoints; returns each with its endpoint. */
function resolveChoices(platform: string, entities: readonly EntityChoice[], endpoints: readonly ListEndpoint[], wsdl: LoadedWsdl | undefined) {
  if (entities.length === 0) {
    throw new SpecError(`no entities to scaffold for ${platform}: choose at least one list endpoint (e.g. --entities charges:Transaction)`);
  }
  const byKey = new Map(endpoints.map((endpoint) => [choiceKey(endpoint), endpoint]));
  const seen = new Set<string>();
  return entities.map((choice) => {
    assertEntityName(choice.name, `entity ${choice.method} ${choice.path}`);
    if (seen.has(choice.name)) throw new SpecError(`entity name "${choice.name}" is used twice; give each entity its own name`);
    seen.add(choice.name);
    if (!UNIFIED_ENTITY_NAMES.includes(choice.unified)) {
      throw new SpecError(`entity "${choice.name}": "${String(choice.unified)}" is not a unified entity; use one of ${UNIFIED_ENTITY_NAMES.join(', ')}`);
    }
    if (wsdl !== undefined) return { choice, endpoint: soapEndpointOf(platform, choice, endpoints, wsdl) };
    const endpoint = byKey.get(choiceKey(choice));
    if (endpoint === undefined) {
      throw new SpecError(
        `entity "${choice.name}": ${choice.method} ${choice.path} is not a list endpoint discovery found in the spec; ` +
          `run \`portage generate ${platform} --dry-run --report\` to see the ${endpoints.length} it found`,
      );
    }
    return { choice, endpoint };
  });
}

/** The operation objects of the chosen entities, for their security requirements. */
function operationsOf(document: OpenApiDocument, refs: SpecRefs, entities: readonly ScaffoldEntity[]): JsonObject[] {
  return entities.flatMap(({ choice }) => {
    const item = refs.resolve<JsonObject>(document.paths[choice.path] ?? {});
    const operation = refs.resolve<unknown>(item[choice.method.toLowerCase()]);
    return operation !== null && typeof operation === 'object' ? [operation as JsonObject] : [];
  });
}

/** An entity's detected writes with their body types and the fields the export stub pre-fills. */
function scaffoldExportOf(document: OpenApiDocument, refs: SpecRefs, platformType: string, choice: EntityChoice, writes: ListEndpoint['writes']): ScaffoldExport | undefined {
  if (writes === undefined) return undefined;
  const unified = unifiedFields(choice.unified);
  const typed = (write: NonNullable<typeof writes.create>, role: 'Create' | 'Update'): ScaffoldWrite => {
    const body = exportBodyOf(document, refs, write, platformType);
    return { write, bodyType: `${pascalCase(choice.name)}${role}Body`, bodyTypeExpression: body.type, matches: matchBodyFields(unified, recordFields(refs, body.recordNode)) };
  };
  return {
    writes,
    ...(writes.create ? { create: typed(writes.create, 'Create') } : {}),
    ...(writes.update ? { update: typed(writes.update, 'Update') } : {}),
  };
}

/**
 * Every file of a connector package except the spec lock and surface: generated types, record
 * and request body types, entity and export configs (rewritten on each run), and the scaffold
 * the engineer completes (connector, mapping stubs, export mapping stubs for entities the spec
 * can write, package files, contract test), written only when absent. Pure
 * and deterministic: the same spec and choices give byte-identical files, in a fixed order.
 *
 * @example
 * const files = await scaffoldConnector({ platform: 'stripe', document, refs, lock, endpoints,
 *   entities: [{ name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Transaction' }] });
 */
export async function scaffoldConnector(input: ScaffoldInput): Promise<GeneratedFile[]> {
  const { platform, document, refs } = input;
  assertPlatformName(platform);
  const platformType = pascalCase(platform);
  const { wsdl } = input;
  const entities: ScaffoldEntity[] = resolveChoices(platform, input.entities, input.endpoints, wsdl).map(({ choice, endpoint }) => {
    if (wsdl !== undefined) {
      const recordType = endpoint.soap!.recordType;
      const record = typeByName(wsdl, recordType);
      return {
        choice,
        endpoint,
        recordType: `${pascalCase(choice.name)}Record`,
        recordTypeExpression: `${platformType}[${quote(recordType)}]`,
        matches: record?.kind === 'complex' ? matchFields(unifiedFields(choice.unified), wsdlRecordFields(record, wsdlContext(wsdl))) : [],
      };
    }
    const record = recordSchemaOf(document, refs, endpoint, platformType);
    const exported = scaffoldExportOf(document, refs, platformType, choice, endpoint.writes);
    return {
      choice,
      endpoint,
      recordType: `${pascalCase(choice.name)}Record`,
      recordTypeExpression: record.type,
      matches: matchFields(unifiedFields(choice.unified), recordFields(refs, record.node)),
      ...(exported !== undefined ? { export: exported } : {}),
    };
  });
  const baseUrl = wsdl !== undefined ? soapBaseUrl(wsdl) : baseUrlOf(document);
  const context: ScaffoldContext = {
    platform,
    platformType,
    connectorConst: connectorConstOf(platform),
    lock: input.lock,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    auth: detectAuth(document, refs, operationsOf(document, refs, entities), baseUrl),
    entities,
    coreRange: coreRange(),
  };

  const root = `connectors/${platform}`;
  const generated = (path: string, content: string): GeneratedFile => ({ path: `${root}/${path}`, content, kind: 'generated' });
  const scaffold = (path: string, content: string): GeneratedFile => ({ path: `${root}/${path}`, content, kind: 'scaffold' });
  let typeFiles: GeneratedFile[];
  if (wsdl !== undefined) {
    const types = wsdlTypesFile(platform, compileWsdlSet(wsdl.set));
    typeFiles = [generated('src/generated/types.ts', types), generated('src/generated/platform.ts', wsdlPlatformFile(context, declarationNames(types)))];
  } else {
    typeFiles = [generated('src/generated/types.ts', await typesFile(platform, document)), generated('src/generated/platform.ts', platformFile(context))];
  }
  return [
    ...typeFiles,
    generated('src/generated/entities.ts', entitiesFile(context)),
    scaffold('src/connector.ts', connectorFile(context)),
    ...entities.map((entity) =>
      scaffold(
        `src/mappings/${mappingModule(entity.choice.name)}.ts`,
        mappingStub({ entity: entity.choice.name, unified: entity.choice.unified, recordType: entity.recordType, matches: entity.matches }),
      ),
    ),
    ...entities
      .filter((entity) => entity.export !== undefined)
      .map((entity) =>
        scaffold(
          `src/mappings/${exportModule(entity.choice.name)}.ts`,
          exportStub({ entity: entity.choice.name, unified: entity.choice.unified, functions: exportFunctions(entity) }),
        ),
      ),
    scaffold('src/connector.contract.test.ts', contractTestFile(context)),
    ...packageFiles(context),
  ];
}
