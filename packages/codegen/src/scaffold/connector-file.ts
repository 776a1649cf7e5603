import { exportConfigName } from './entities-file.js';
import { mapperName } from './mapping-stub.js';
import { exportModule, mappingModule, pascalCase, quote } from './names.js';
import type { ScaffoldContext, ScaffoldEntity } from './scaffold-context.js';
import { exportFunctions } from './export-stub.js';
import { tsLiteral } from './ts-literal.js';

/** Where connectors without an absolute server URL in their spec point until the engineer sets one. */
const PLACEHOLDER_BASE_URL = 'https://api.example.invalid';

/** An import statement, spread over lines when it would be longer than 100 characters. */
function importLine(names: readonly string[], from: string, typeOnly = false): string {
  const keyword = typeOnly ? 'import type' : 'import';
  const line = `${keyword} { ${names.join(', ')} } from '${from}';`;
  return line.length <= 100 ? line : `${keyword} {\n${names.map((name) => `  ${name},`).join('\n')}\n} from '${from}';`;
}

/** The local name of each entity's mapper: `toTransaction`, or `chargesToTransaction` when two entities map to one unified entity. */
export function mapperLocalNames(entities: readonly ScaffoldEntity[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const { choice } of entities) counts.set(choice.unified, (counts.get(choice.unified) ?? 0) + 1);
  return new Map(
    entities.map(({ choice }) => [choice.name, (counts.get(choice.unified) ?? 0) > 1 ? `${choice.name}${pascalCase(mapperName(choice.unified))}` : mapperName(choice.unified)]),
  );
}

/** How one entity's export is wired: its stub's functions by local name, and which one each operation uses. */
interface ExportWiring {
  imports: { exported: string; local: string }[];
  create?: string;
  update?: string;
}

function exportWiring(entity: ScaffoldEntity, shared: boolean): ExportWiring | undefined {
  if (entity.export === undefined) return undefined;
  const functions = exportFunctions(entity);
  // Two entities of one unified entity both export `fromX`: the entity name tells them apart.
  const local = (name: string) => (shared ? `${entity.choice.name}${pascalCase(name)}` : name);
  const imports = functions.map((fn) => ({ exported: fn.name, local: local(fn.name) }));
  const [first, second] = imports;
  return {
    imports,
    ...(entity.export.create ? { create: first?.local } : {}),
    ...(entity.export.update ? { update: (entity.export.create ? (second ?? first) : first)?.local } : {}),
  };
}

/** One `defineEntity` of the connector: on one line, or spread over lines with its export wired. */
function entityLine(entity: ScaffoldEntity, mapper: string, wiring: ExportWiring | undefined): string {
  const { choice, recordType } = entity;
  const head = `${choice.name}: defineEntity<${recordType}, ${quote(choice.unified)}>(`;
  if (wiring === undefined) return `    ${head}{ unified: ${quote(choice.unified)}, ...generated.${choice.name}, map: ${mapper} }),`;
  const config = `generated.${exportConfigName(choice.name)}`;
  return [
    `    ${head}{`,
    `      unified: ${quote(choice.unified)},`,
    `      ...generated.${choice.name},`,
    `      map: ${mapper},`,
    '      export: {',
    `        ...${config},`,
    ...(wiring.create ? [`        create: { ...${config}.create, from: ${wiring.create} },`] : []),
    ...(wiring.update ? [`        update: { ...${config}.update, from: ${wiring.update} },`] : []),
    '      },',
    '    }),',
  ].join('\n');
}

/**
 * `src/connector.ts`, written once: `defineConnector` with the spec's base URL and auth, and
 * one `defineEntity` per chosen entity spreading the generated config and plugging in its
 * mapping. The engineer overrides detected config by writing fields after the spread.
 *
 * @example connectorFile(context) // "export const stripe = defineConnector({ name: 'stripe', ... })"
 */
export function connectorFile(context: ScaffoldContext): string {
  const locals = mapperLocalNames(context.entities);
  const recordTypes = [...new Set(context.entities.map((entity) => entity.recordType))].sort();
  const mapperImports = context.entities.map(({ choice }) => {
    const exported = mapperName(choice.unified);
    const local = locals.get(choice.name) ?? exported;
    return importLine([local === exported ? exported : `${exported} as ${local}`], `./mappings/${mappingModule(choice.name)}.js`);
  });
  const counts = new Map<string, number>();
  for (const { choice } of context.entities) counts.set(choice.unified, (counts.get(choice.unified) ?? 0) + 1);
  const wirings = new Map(context.entities.map((entity) => [entity.choice.name, exportWiring(entity, (counts.get(entity.choice.unified) ?? 0) > 1)]));
  const exportImports = context.entities.flatMap(({ choice }) => {
    const wiring = wirings.get(choice.name);
    if (wiring === undefined) return [];
    const names = wiring.imports.map(({ exported, local }) => (local === exported ? exported : `${exported} as ${local}`));
    return [importLine(names, `./mappings/${exportModule(choice.name)}.js`)];
  });
  const entityLines = context.entities.map((entity) => entityLine(entity, locals.get(entity.choice.name) ?? mapperName(entity.choice.unified), wirings.get(entity.choice.name)));
  const { auth, scheme } = context.auth;
  const authComment =
    scheme !== undefined ? `from the spec's security scheme "${scheme}"` : 'the spec declares no security scheme core supports; set the real one';
  const baseUrlLine =
    context.baseUrl !== undefined
      ? `  baseUrl: ${quote(context.baseUrl)},`
      : `  // The spec names no absolute server URL: set the platform's base URL.\n  baseUrl: ${quote(PLACEHOLDER_BASE_URL)},`;
  const first = context.entities[0]?.choice.name ?? 'records';
  return [
    "import { defineConnector, defineEntity } from '@portage/core';",
    "import * as generated from './generated/entities.js';",
    importLine(recordTypes, './generated/platform.js', true),
    ...mapperImports,
    ...exportImports,
    '',
    '/**',
    ` * The ${context.platform} connector. Endpoints, pagination and incremental filters come from`,
    ' * ./generated/entities.ts (regenerated); override one by writing it after the spread.',
    ...(context.entities.some((entity) => entity.export !== undefined)
      ? [' * Exports (writes back) use the detected `<entity>Export` configs and the `from*` mappings.']
      : []),
    ' *',
    ` * @example for await (const page of client.paginate(${context.connectorConst}.entities.${first})) console.log(page.records.length);`,
    ' */',
    `export const ${context.connectorConst} = defineConnector({`,
    `  name: ${quote(context.platform)},`,
    baseUrlLine,
    `  // Auth ${authComment}.`,
    `  auth: ${tsLiteral(auth, '  ')},`,
    '  entities: {',
    ...entityLines,
    '  },',
    '});',
    '',
  ].join('\n');
}
