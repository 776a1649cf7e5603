import { generatedHeader, type ScaffoldContext } from './scaffold-context.js';

/**
 * `src/generated/platform.ts`: the platform's schemas under one alias (`Stripe['charge']`) and
 * one record type per chosen entity, so every mapping has a typed `raw`, even when the spec
 * describes the records inline.
 *
 * @example platformFile(context) // "export type Stripe = components['schemas'];\n..."
 */
export function platformFile(context: ScaffoldContext): string {
  const usesPaths = context.entities.some((entity) => entity.recordTypeExpression.includes('paths['));
  const lines = [
    generatedHeader(context.platform),
    `import type { components${usesPaths ? ', paths' : ''} } from './types.js';`,
    '',
    `/** Every component schema of ${context.platform} by name. */`,
    `export type ${context.platformType} = components['schemas'];`,
  ];
  for (const entity of context.entities) {
    const { method, path } = entity.choice;
    lines.push('', `/** One record of \`${entity.choice.name}\` (${method} ${path}). */`, `export type ${entity.recordType} = ${entity.recordTypeExpression};`);
  }
  return `${lines.join('\n')}\n`;
}
