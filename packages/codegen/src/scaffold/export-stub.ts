import type { UnifiedEntityName } from '@portage/core';
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import type { BodyFieldMatch } from './match-fields.js';
import type { ScaffoldEntity, ScaffoldWrite } from './scaffold-context.js';
import { propertyAccess, quote } from './names.js';

/** One reverse mapping the stub exports. */
export interface ExportStubFunction {
  /** `fromCustomer` or `fromCustomerUpdate`. */
  name: string;
  /** What it is for, in the doc comment: `creates`, `updates`, or `creates and updates`. */
  verb: string;
  /** The body type exported by `../generated/platform.js`, e.g. `CustomersCreateBody`. */
  bodyType: string;
  /** Dot path of one record inside the body: '', `order`, `Contacts.0`. */
  bodyRecordPath: string;
  /** The body fields to pre-fill, in the unified schema's order. */
  matches: readonly BodyFieldMatch[];
}

export interface ExportStubInput {
  /** Entity name in the connector, e.g. `customers`. */
  entity: string;
  unified: UnifiedEntityName;
  /** The create's mapping first, then the update's (one function when both take the same body). */
  functions: readonly ExportStubFunction[];
}

/** The reverse mapping names of an entity's export: `fromCustomer` (create, or both), `fromCustomerUpdate`. */
export const exportMapperNames = (unified: UnifiedEntityName) => ({ create: `from${unified}`, update: `from${unified}Update` });

/**
 * The reverse mappings of an entity's export stub: one `from<Unified>` when the create and the
 * update take the same body type, else `from<Unified>` for the create and `from<Unified>Update`.
 *
 * @example exportFunctions(entity).map((fn) => fn.name) // ['fromCustomer', 'fromCustomerUpdate']
 */
export function exportFunctions(entity: ScaffoldEntity): ExportStubFunction[] {
  const { create, update } = entity.export ?? {};
  const names = exportMapperNames(entity.choice.unified);
  const fn = (write: ScaffoldWrite, name: string, verb: string): ExportStubFunction => ({
    name,
    verb,
    bodyType: write.bodyType,
    bodyRecordPath: write.write.bodyRecordPath,
    matches: write.matches,
  });
  if (create && update && create.bodyTypeExpression === update.bodyTypeExpression && create.write.bodyRecordPath === update.write.bodyRecordPath) {
    return [fn(create, names.create, 'creates and updates')];
  }
  return [...(create ? [fn(create, names.create, 'creates')] : []), ...(update ? [fn(update, create ? names.update : names.create, 'updates')] : [])];
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/** The returned value's lines: the record's fields, wrapped in the body's envelope (`{ Contacts: [ ... ] }`). */
function bodyLines(fn: ExportStubFunction, parameter: string): string[] {
  let lines =
    fn.matches.length === 0
      ? ['{}']
      : [
          '{',
          ...fn.matches.map((match) => {
            const value = propertyAccess(parameter, match.unified);
            return `  ${key(match.body)}: ${match.nullToUndefined ? `${value} ?? undefined` : value},`;
          }),
          '}',
        ];
  const segments = fn.bodyRecordPath === '' ? [] : fn.bodyRecordPath.split('.');
  for (const segment of segments.reverse()) {
    const inner = lines.map((line, index) => `  ${line}${index === lines.length - 1 ? ',' : ''}`);
    lines = segment === '0' ? ['[', ...inner, ']'] : ['{', `  ${key(segment)}: ${inner[0]?.trimStart()}`, ...inner.slice(1), '}'];
  }
  return lines;
}

function headerComment(input: ExportStubInput): string {
  const filled = [...new Set(input.functions.flatMap((fn) => fn.matches.map((match) => (match.body === match.unified ? match.body : `${match.body} (from ${match.unified})`))))];
  return filled.length === 0
    ? `// No request body field matched a ${input.unified} field by name and type; every field is mapped by hand.`
    : `// Pre-filled where a request body field matched a ${input.unified} field by name and type: ${filled.join(', ')}.`;
}

/**
 * The scaffold of one export mapping, `src/mappings/<entity>-export.ts`: `from<Unified>(record)`
 * returning the platform's create body (and `from<Unified>Update` for a different update body)
 * with the matched fields filled in and nothing else, inside the body's envelope, so the type
 * checker lists exactly the required body fields still missing. Written with ts-morph, like the
 * forward stubs.
 *
 * @example
 * exportStub({ entity: 'customers', unified: 'Customer', functions: [{ name: 'fromCustomer', verb: 'creates', bodyType: 'CustomersCreateBody',
 *   bodyRecordPath: '', matches: [{ body: 'email', unified: 'email', nullToUndefined: true }] }] });
 * // export function fromCustomer(record: Customer): CustomersCreateBody { return { email: record.email ?? undefined }; }
 */
export function exportStub(input: ExportStubInput): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile(`${input.entity}-export.ts`);
  file.addImportDeclarations([
    { isTypeOnly: true, moduleSpecifier: '@portage/core', namedImports: [input.unified] },
    { isTypeOnly: true, moduleSpecifier: '../generated/platform.js', namedImports: [...new Set(input.functions.map((fn) => fn.bodyType))] },
  ]);
  for (const fn of input.functions) {
    // An unused parameter would fail lint; the `_` prefix says it is unused on purpose.
    const parameter = fn.matches.length === 0 ? '_record' : 'record';
    const [first = '{}', ...rest] = bodyLines(fn, parameter);
    file.addFunction({
      isExported: true,
      name: fn.name,
      docs: [`Maps a unified ${input.unified} to the request body that ${fn.verb} one \`${input.entity}\` record.`],
      parameters: [{ name: parameter, type: input.unified }],
      returnType: fn.bodyType,
      statements: (writer) => {
        writer.write(`return ${first}`);
        for (const line of rest) writer.newLine().write(line);
        writer.write(';');
      },
    });
  }
  return `${headerComment(input)}\n\n${file.getFullText()}`;
}
