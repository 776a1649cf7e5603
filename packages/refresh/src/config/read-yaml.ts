import { PortageError } from '@portage/core';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

/** A 1-based place in the source text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Parsed YAML (or JSON, which YAML 1.2 reads too) plus a way back from a field path to the
 * line it was written on, so later validation errors can say "line 7" as well as the path.
 *
 * @example
 * const { value, locate } = readYaml('a:\n  b: 1\n');
 * locate(['a', 'b']); // { line: 2, column: 3 }
 */
export interface YamlSource {
  value: unknown;
  locate(path: readonly PropertyKey[]): SourcePosition | undefined;
}

function where(source: string | undefined, position: SourcePosition): string {
  return `${source ?? 'config'}:${position.line}:${position.column}`;
}

function yamlError(source: string | undefined, position: SourcePosition, reason: string): PortageError {
  return new PortageError('CONFIG_INVALID', `${where(source, position)}: invalid YAML: ${reason}`, {
    context: { source, line: position.line, column: position.column, reason },
  });
}

// The node a path points at, stopping at the deepest one that exists; a map entry resolves
// to its key, so an unknown or misspelt key is reported on its own line.
function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if (isNode(pair.key)) found = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (!isNode(item)) break;
      found = item;
      node = item;
    } else {
      break;
    }
  }
  return found;
}

/**
 * Parses YAML or JSON text. Syntax errors (including duplicate keys) throw CONFIG_INVALID
 * with the line and column from the parser and the source name in the message and context.
 *
 * @example
 * readYaml('entities: [orders', 'acme.yaml'); // throws: acme.yaml:1:...: invalid YAML: ...
 */
export function readYaml(text: string, source?: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  // `every: */15 * * * *` unquoted makes YAML read an alias named "/15"; the parser's own
  // message ("Unexpected alias") does not tell anyone to add quotes, so say it first.
  let badAlias: { position: SourcePosition; name: string } | undefined;
  visit(doc, {
    Alias(_key, alias) {
      if (badAlias === undefined && alias.range && alias.resolve(doc) === undefined) {
        const { line, col } = lineCounter.linePos(alias.range[0]);
        badAlias = { position: { line, column: col }, name: alias.source };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (badAlias) {
    throw yamlError(
      source,
      badAlias.position,
      `"*${badAlias.name}" reads as a YAML alias: quote values that start with "*", e.g. every: "*/15 * * * *"`,
    );
  }

  const [first] = doc.errors;
  if (first) {
    const start = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    const position = { line: start.line, column: start.col };
    throw yamlError(source, position, first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? first.code);
  }

  let value: unknown;
  try {
    // The alias cap stops a "billion laughs" document from expanding without end.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw yamlError(source, { line: 1, column: 1 }, error instanceof Error ? error.message : String(error));
  }
  return {
    value,
    locate(path) {
      const node = nodeAt(doc, path);
      const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
      return node?.range ? { line, column: col } : undefined;
    },
  };
}
