import type { CompiledWsdl } from '../wsdl/compile-wsdl.js';
import { generatedHeader, type ScaffoldContext } from './scaffold-context.js';

/**
 * `src/generated/types.ts` of a WSDL connector: the compiled WSDL set (one declaration per
 * type, `$type` unions, the `Operations` map) under the generated-file header.
 *
 * @example wsdlTypesFile('netsuite', compileWsdlSet(spec.wsdl.set)).includes('export interface Customer extends Record') // true
 */
export function wsdlTypesFile(platform: string, compiled: CompiledWsdl): string {
  // The compiler's own first line names the entry file; the connector's names the lock instead.
  return `${generatedHeader(platform)}${compiled.types.slice(compiled.types.indexOf('\n') + 1)}`;
}

/** The exported declaration names of compiled WSDL types, in file order. */
export function declarationNames(types: string): string[] {
  return [...types.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!);
}

/**
 * `src/generated/platform.ts` of a WSDL connector: every declaration of types.ts by name
 * under one interface (`Netsuite['Customer']`, like `Stripe['charge']` for OpenAPI), and one
 * record type per chosen entity, so every mapping has a typed `raw`.
 *
 * @example wsdlPlatformFile(context, ['Customer', 'Record']) // "...export interface Netsuite {\n  Customer: types.Customer;..."
 */
export function wsdlPlatformFile(context: ScaffoldContext, names: readonly string[]): string {
  const lines = [
    generatedHeader(context.platform),
    "import type * as types from './types.js';",
    '',
    `/** Every type of the ${context.platform} WSDL set by name; \`Operations\` maps each operation to its input, output and SOAP headers. */`,
    `export interface ${context.platformType} {`,
    ...names.map((name) => `  ${name}: types.${name};`),
    '}',
  ];
  for (const entity of context.entities) {
    const soap = entity.choice.soap;
    const what = soap === undefined ? `${entity.choice.method} ${entity.choice.path}` : `${soap.operation} ${soap.recordType}`;
    lines.push('', `/** One record of \`${entity.choice.name}\` (${what}). */`, `export type ${entity.recordType} = ${entity.recordTypeExpression};`);
  }
  return `${lines.join('\n')}\n`;
}
