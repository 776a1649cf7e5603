import { mapperName } from './mapping-stub.js';
import { mappingModule, pascalCase, quote } from './names.js';
import type { ScaffoldContext, ScaffoldEntity } from './scaffold-context.js';
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
  const entityLines = context.entities.map(
    ({ choice, recordType }) =>
      `    ${choice.name}: defineEntity<${recordType}, ${quote(choice.unified)}>({ unified: ${quote(choice.unified)}, ...generated.${choice.name}, map: ${locals.get(choice.name)} }),`,
  );
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
    '',
    '/**',
    ` * The ${context.platform} connector. Endpoints, pagination and incremental filters come from`,
    ' * ./generated/entities.ts (regenerated); override one by writing it after the spread.',
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
