import { generatedHeader, type ScaffoldContext } from './scaffold-context.js';

/**
 * `src/generated/platform.ts`: the platform's schemas under one alias (`Stripe['charge']`),
 * one record type per chosen entity, so every mapping has a typed `raw`, even when the spec
 * describes the records inline, and the request body types of the entity's create and update
 * (`CustomersCreateBody`, `CustomersUpdateBody`) that export mappings return.
 *
 * @example platformFile(context) // "export type Stripe = components['schemas'];\n..."
 */
export function platformFile(context: ScaffoldContext): string {
  const writes = context.entities.flatMap((entity) => [entity.export?.create, entity.export?.update]).filter((write) => write !== undefined);
  const usesPaths = [...context.entities.map((entity) => entity.recordTypeExpression), ...writes.map((write) => write.bodyTypeExpression)].some((type) =>
    type.includes('paths['),
  );
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
    for (const [verb, write] of [['creates', entity.export?.create], ['updates', entity.export?.update]] as const) {
      if (write === undefined) continue;
      const comment = `/** The request body that ${verb} one \`${entity.choice.name}\` record (${write.write.method} ${write.write.path}). */`;
      lines.push('', comment, `export type ${write.bodyType} = ${write.bodyTypeExpression};`);
    }
  }
  return `${lines.join('\n')}\n`;
}
