import type { UnifiedEntityName } from '@portage/core';
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import type { FieldMatch } from './match-fields.js';
import { propertyAccess } from './names.js';

export interface MappingStubInput {
  /** Entity name in the connector, e.g. `charges`. */
  entity: string;
  unified: UnifiedEntityName;
  /** The record type exported by `../generated/platform.js`, e.g. `ChargesRecord`. */
  recordType: string;
  /** The fields to pre-fill, in the unified schema's order. */
  matches: readonly FieldMatch[];
}

/** The mapping function a stub exports: `toTransaction`. */
export const mapperName = (unified: UnifiedEntityName) => `to${unified}`;

function headerComment(input: MappingStubInput): string {
  const filled = input.matches.map((match) => (match.unified === match.record ? match.unified : `${match.unified} (from ${match.record})`));
  return filled.length === 0
    ? `// No ${input.unified} field matched a record field by name and type; every field is mapped by hand.`
    : `// Pre-filled where a record field matched by name and type: ${filled.join(', ')}.`;
}

/**
 * The scaffold of one mapping, `src/mappings/<entity>.ts`: `to<Unified>(raw)` returning an
 * object literal with the matched fields filled in and nothing else, so the type checker lists
 * exactly the required unified fields still missing. Written with ts-morph.
 *
 * @example
 * mappingStub({ entity: 'charges', unified: 'Transaction', recordType: 'ChargesRecord',
 *   matches: [{ unified: 'id', record: 'id', nullToUndefined: false }] });
 * // export function toTransaction(raw: ChargesRecord): Transaction { return { id: raw.id }; }
 */
export function mappingStub(input: MappingStubInput): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile(`${input.entity}.ts`);
  file.addImportDeclarations([
    { isTypeOnly: true, moduleSpecifier: '@portage/core', namedImports: [input.unified] },
    { isTypeOnly: true, moduleSpecifier: '../generated/platform.js', namedImports: [input.recordType] },
  ]);
  // An unused parameter would fail lint; the `_` prefix says it is unused on purpose.
  const parameter = input.matches.length === 0 ? '_raw' : 'raw';
  file.addFunction({
    isExported: true,
    name: mapperName(input.unified),
    docs: [`Maps one \`${input.entity}\` record to a unified ${input.unified}.`],
    parameters: [{ name: parameter, type: input.recordType }],
    returnType: input.unified,
    statements: (writer) => {
      if (input.matches.length === 0) {
        writer.write('return {};');
        return;
      }
      writer.write('return {').indent(() => {
        for (const match of input.matches) {
          const value = propertyAccess(parameter, match.record);
          writer.writeLine(`${match.unified}: ${match.nullToUndefined ? `${value} ?? undefined` : value},`);
        }
      });
      writer.write('};');
    },
  });
  return `${headerComment(input)}\n\n${file.getFullText()}`;
}
