import { basename, relative, resolve, sep } from 'node:path';
import type { ts as BundledTypeScript } from 'ts-morph';
import { pascalCase } from '../scaffold/names.js';
import type { EntityUsage } from './connector-usage.js';
import type { NewDiagnostic } from './mapping-typecheck.js';
import type { TypeScriptApi } from './typescript-api.js';

type Node = BundledTypeScript.Node;
type SourceFile = BundledTypeScript.SourceFile;

/** Where a mapping stopped type-checking, in terms a person fixes it by. */
export interface MappingSite {
  /** Workspace-relative, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** The top-level function the error is in (`toTransaction`), when it is in one. */
  function?: string;
  /** The entities whose mapping reaches that function (or whose config the error is in). */
  entities: string[];
  message: string;
  /** Property names read at the error, nearest first: what links it to a field change. */
  fields: string[];
}

interface TopLevelFunction {
  name: string;
  node: Node;
  file: SourceFile;
}

/** Top-level `function f` and `const f = (...) => ...` of a file. */
function topLevelFunctions(ts: TypeScriptApi, file: SourceFile): TopLevelFunction[] {
  const out: TopLevelFunction[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) out.push({ name: statement.name.text, node: statement, file });
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          out.push({ name: declaration.name.text, node: declaration, file });
        }
      }
    }
  }
  return out;
}

function innermostAt(ts: TypeScriptApi, file: SourceFile, position: number): Node {
  let node: Node = file;
  for (;;) {
    const child: Node | undefined = ts.forEachChild(node, (candidate) => (candidate.getStart(file) <= position && position < candidate.end ? candidate : undefined));
    if (child === undefined) return node;
    node = child;
  }
}

/** The property names read in a node: `raw.customer.id` gives customer, id. */
function propertyNames(ts: TypeScriptApi, node: Node): string[] {
  const names: string[] = [];
  const visit = (current: Node) => {
    if (ts.isPropertyAccessExpression(current)) names.push(current.name.text);
    if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) names.push(current.argumentExpression.text);
    if (ts.isBindingElement(current)) names.push((current.propertyName ?? current.name).getText());
    ts.forEachChild(current, visit);
  };
  visit(node);
  return names;
}

/** The largest node that starts where the error starts and fits in its span: what it is about. */
function spanNode(ts: TypeScriptApi, file: SourceFile, start: number, length: number): Node {
  let node = innermostAt(ts, file, start);
  while (node.parent !== undefined && !ts.isSourceFile(node.parent) && node.parent.getStart(file) === start && node.parent.end <= start + length) node = node.parent;
  return node;
}

/** The names read at the error: those in its span first (the accessed field before its parents), then those in its statement or property. */
function fieldsAt(ts: TypeScriptApi, file: SourceFile, start: number, length: number): string[] {
  const node = spanNode(ts, file, start, length);
  const own = propertyNames(ts, node);
  // `raw.missing`: the error points at the name only.
  if (ts.isIdentifier(node) && node.parent !== undefined && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) own.unshift(node.text);
  let scope: Node = node;
  while (
    scope.parent !== undefined &&
    !ts.isSourceFile(scope.parent) &&
    !ts.isPropertyAssignment(scope) &&
    !ts.isShorthandPropertyAssignment(scope) &&
    !ts.isVariableDeclaration(scope) &&
    !ts.isStatement(scope)
  ) {
    scope = scope.parent;
  }
  return [...new Set([...own, ...propertyNames(ts, scope)])];
}

/** Which top-level functions each function calls or passes on, within the connector's files. */
function referencedFunctions(ts: TypeScriptApi, checker: BundledTypeScript.TypeChecker, fn: TopLevelFunction, known: Map<Node, TopLevelFunction>): TopLevelFunction[] {
  const out = new Set<TopLevelFunction>();
  const visit = (node: Node) => {
    if (ts.isIdentifier(node)) {
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) {
        const target = known.get(declaration);
        if (target !== undefined && target !== fn) out.add(target);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.node);
  return [...out];
}

/**
 * Turns type errors into mapping sites: file, line, the top-level function, the entities whose
 * mapping functions reach it (following calls between the connector's own functions), and the
 * property names read there. An error outside any function is placed by where it is: an
 * entity's block in connector.ts, its record type in generated/platform.ts, or its mapping file.
 *
 * @example mappingSites(ts, found, { connectorDir, workspaceRoot, usages })[0] // { file: 'connectors/acme/src/mappings/orders.ts', line: 12, function: 'toOrder', entities: ['orders'], fields: ['total'], ... }
 */
export function mappingSites(ts: TypeScriptApi, found: readonly NewDiagnostic[], context: { connectorDir: string; workspaceRoot: string; usages: readonly EntityUsage[] }): MappingSite[] {
  if (found.length === 0) return [];
  const program = found[0]!.program;
  const checker = program.getTypeChecker();
  const root = `${resolve(context.connectorDir)}${sep}`;
  const own = program.getSourceFiles().filter((file) => resolve(file.fileName).startsWith(root) && !file.fileName.includes(`${sep}node_modules${sep}`));
  const functions = own.flatMap((file) => topLevelFunctions(ts, file));
  const byNode = new Map(functions.map((fn) => [fn.node, fn] as const));
  // Entity -> every function its mappers reach.
  const reach = new Map<string, Set<TopLevelFunction>>();
  for (const usage of context.usages) {
    const seen = new Set<TopLevelFunction>();
    const queue = functions.filter((fn) => usage.mappers.includes(fn.name));
    while (queue.length > 0) {
      const fn = queue.shift()!;
      if (seen.has(fn)) continue;
      seen.add(fn);
      queue.push(...referencedFunctions(ts, checker, fn, byNode));
    }
    reach.set(usage.entity, seen);
  }
  const entityNames = context.usages.map((usage) => usage.entity);
  return found.map(({ diagnostic }) => {
    const file = diagnostic.file;
    const node = innermostAt(ts, file, diagnostic.start);
    const position = file.getLineAndCharacterOfPosition(diagnostic.start);
    let enclosing: TopLevelFunction | undefined;
    for (let current: Node | undefined = node; current !== undefined; current = current.parent) enclosing = byNode.get(current) ?? enclosing;
    const entities = enclosing !== undefined ? entityNames.filter((name) => reach.get(name)?.has(enclosing)) : entitiesByPlace(ts, node, file, entityNames);
    return {
      file: relative(context.workspaceRoot, file.fileName).split(sep).join('/'),
      line: position.line + 1,
      column: position.character + 1,
      ...(enclosing !== undefined ? { function: enclosing.name } : {}),
      entities: entities.length > 0 ? entities : entitiesByFileName(file, entityNames),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      fields: fieldsAt(ts, file, diagnostic.start, diagnostic.length ?? 0),
    };
  });
}

/** An error in config code: the `entities: { name: ... }` block, or a `<Name>Record` type it is in. */
function entitiesByPlace(ts: TypeScriptApi, node: Node, file: SourceFile, entityNames: readonly string[]): string[] {
  for (let current: Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isPropertyAssignment(current) && ts.isObjectLiteralExpression(current.parent)) {
      const owner = current.parent.parent;
      if (owner !== undefined && ts.isPropertyAssignment(owner) && owner.name.getText(file) === 'entities') {
        const name = current.name.getText(file).replace(/^['"]|['"]$/g, '');
        if (entityNames.includes(name)) return [name];
      }
    }
    if (ts.isTypeAliasDeclaration(current)) {
      const match = entityNames.filter((name) => `${pascalCase(name)}Record` === current.name.text);
      if (match.length > 0) return match;
    }
  }
  return [];
}

/** Last resort: mappings/<entity>.ts belongs to that entity. */
function entitiesByFileName(file: SourceFile, entityNames: readonly string[]): string[] {
  const stem = basename(file.fileName).replace(/\.tsx?$/, '');
  return entityNames.filter((name) => name === stem);
}
