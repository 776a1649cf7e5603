// The package around a connector's code: manifest, nx project, TypeScript and vitest configs,
// entry point and READMEs. Shaped like connectors/fake-platform so every connector builds,
// tests and lints the same way.
import type { GeneratedFile } from '../model.js';
import { exportModule, mappingModule } from './names.js';
import type { ScaffoldContext } from './scaffold-context.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `@portage/connector-<platform>`. */
export const connectorPackageName = (platform: string) => `@portage/connector-${platform}`;

/** What the connector was generated from, for its description and README. */
const specKind = (context: ScaffoldContext) => (context.lock.format.startsWith('wsdl') ? 'WSDL' : 'OpenAPI spec');

function packageJson(context: ScaffoldContext): string {
  return json({
    name: connectorPackageName(context.platform),
    version: '0.1.0',
    type: 'module',
    license: 'Apache-2.0',
    description: `Portage connector for ${context.platform}, generated from its ${specKind(context)}.`,
    exports: { '.': { '@portage/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist'],
    scripts: {
      build: 'tsc -p tsconfig.lib.json',
      typecheck: 'tsc -p tsconfig.json --noEmit',
      lint: 'eslint .',
      test: 'vitest run',
    },
    dependencies: { '@portage/core': context.coreRange },
    devDependencies: { '@portage/testing': context.coreRange },
  });
}

function projectJson(context: ScaffoldContext): string {
  return json({
    name: connectorPackageName(context.platform),
    $schema: '../../node_modules/nx/schemas/project-schema.json',
    projectType: 'library',
    sourceRoot: `connectors/${context.platform}/src`,
    tags: ['type:connector', `platform:${context.platform}`],
  });
}

const TSCONFIG = json({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src', 'test', 'bench', 'vitest.config.ts'] });
const TSCONFIG_LIB = json({
  extends: '../../tsconfig.base.json',
  compilerOptions: { rootDir: 'src', outDir: 'dist' },
  include: ['src'],
  exclude: ['src/**/*.test.ts'],
});
const VITEST_CONFIG = "export { default } from '../../vitest.shared.js';\n";

function indexTs(context: ScaffoldContext): string {
  return `export { ${context.connectorConst} } from './connector.js';\nexport type * from './generated/platform.js';\n`;
}

function readme(context: ScaffoldContext): string {
  const p = context.platform;
  const mappings = context.entities
    .flatMap(({ choice, export: writes }) => [mappingModule(choice.name), ...(writes ? [exportModule(choice.name)] : [])])
    .map((module) => `\`src/mappings/${module}.ts\``)
    .join(', ');
  return `# ${connectorPackageName(p)}

The Portage connector for ${p}. It was scaffolded by \`portage generate ${p}\` from the ${context.lock.format.startsWith('wsdl') ? 'WSDL\nset' : 'OpenAPI\nspec'} pinned in \`specs/${p}/spec.lock.json\` (first from \`${context.lock.source}\`).

## Regenerate

\`\`\`sh
npx portage generate ${p}                   # the pinned spec again; fails if its bytes changed
npx portage generate ${p} --spec <source>   # move to another spec (file, URL or npm:<pkg>@<version>#<path>)
\`\`\`

The nx generator \`@portage/generators:connector\` runs the same engine. Which endpoints become
entities, and as which unified entity, is kept in \`portage-connector.json\`.

## Files

- Hand-written, created once and never overwritten: \`src/connector.ts\`, ${mappings},
  \`src/index.ts\`, \`src/connector.contract.test.ts\`, \`portage-connector.json\`, \`fixtures/\`
  and the package files.
- Generated on every run, never edited: \`src/generated/types.ts\` (spec types),
  \`src/generated/platform.ts\` (record and request body types), \`src/generated/entities.ts\`
  (detected endpoint, pagination, incremental and export config), \`specs/${p}/spec.lock.json\`
  and \`specs/${p}/surface.json\`.

\`npm run typecheck\` names every unified field a mapping still has to fill in, and every
required request body field an export mapping (\`src/mappings/*-export.ts\`) still has to fill in.
`;
}

const FIXTURES_README = `# Fixtures

Recorded platform responses for this connector go here: each one captured once from the real
platform, then replayed by the tests and the drift checks, so they run offline and without
credentials. Record only test accounts, and keep secrets and personal data out of them.
`;

function connectorChoices(context: ScaffoldContext): string {
  return json({ platform: context.platform, entities: context.entities.map(({ choice }) => ({ ...choice })) });
}

/**
 * The package files of a connector, all scaffold files: written once, then the engineer's.
 *
 * @example packageFiles(context).map((file) => file.path) // ['connectors/stripe/package.json', ...]
 */
export function packageFiles(context: ScaffoldContext): GeneratedFile[] {
  const root = `connectors/${context.platform}`;
  const files: [string, string][] = [
    ['package.json', packageJson(context)],
    ['project.json', projectJson(context)],
    ['tsconfig.json', TSCONFIG],
    ['tsconfig.lib.json', TSCONFIG_LIB],
    ['vitest.config.ts', VITEST_CONFIG],
    ['README.md', readme(context)],
    ['portage-connector.json', connectorChoices(context)],
    ['src/index.ts', indexTs(context)],
    ['fixtures/README.md', FIXTURES_README],
  ];
  return files.map(([path, content]) => ({ path: `${root}/${path}`, content, kind: 'scaffold' }));
}
