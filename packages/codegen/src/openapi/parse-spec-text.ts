import { parse as parseYaml, YAMLParseError } from 'yaml';
import { SpecError } from './spec-error.js';

/**
 * Parses spec bytes as JSON or YAML. JSON goes through `JSON.parse` (much faster than a YAML
 * parser on multi-megabyte specs); anything not starting with `{` is read as YAML. Errors name
 * the line and column. `label` names the spec in messages.
 *
 * @example parseSpecText(new TextEncoder().encode('openapi: 3.0.3'), 'acme.yaml') // { openapi: '3.0.3' }
 */
export function parseSpecText(bytes: Uint8Array, label: string): unknown {
  let text: string;
  try {
    // Strips a BOM; `fatal` turns bad bytes into an error instead of U+FFFD in field names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SpecError(`the spec ${label} is not UTF-8 text; OpenAPI documents must be UTF-8 JSON or YAML`);
  }
  if (text.trimStart().startsWith('{')) return parseJson(text, label);
  return parseYamlText(text, label);
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const message = (cause as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : ` at ${lineColumn(text, Number(position))}`;
    const error = new SpecError(`the spec ${label} is not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`);
    error.cause = cause;
    throw error;
  }
}

function parseYamlText(text: string, label: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (cause) {
    if (!(cause instanceof YAMLParseError)) throw cause;
    const pos = cause.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    const error = new SpecError(`the spec ${label} is not valid YAML or JSON${where}: ${cause.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`);
    error.cause = cause;
    throw error;
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
