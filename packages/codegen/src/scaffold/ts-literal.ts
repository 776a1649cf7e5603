import { quote } from './names.js';

/**
 * JSON-like data as a TypeScript expression: single-quoted strings, unquoted keys where they
 * are identifiers, objects on one line while short and spread over lines (2-space indent)
 * when long. Keys keep their order, so the same data always prints the same text.
 *
 * @example tsLiteral({ type: 'api_key', in: 'header', name: 'X-Api-Key' }) // "{ type: 'api_key', in: 'header', name: 'X-Api-Key' }"
 */
export function tsLiteral(value: unknown, indent = '', width = 100): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => tsLiteral(item, `${indent}  `, width));
    const flat = `[${items.join(', ')}]`;
    if (indent.length + flat.length <= width && !flat.includes('\n')) return flat;
    return `[\n${items.map((item) => `${indent}  ${item},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, child]) => child !== undefined);
    if (entries.length === 0) return '{}';
    const parts = entries.map(([key, child]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${tsLiteral(child, `${indent}  `, width)}`);
    const flat = `{ ${parts.join(', ')} }`;
    if (indent.length + flat.length <= width && !flat.includes('\n')) return flat;
    return `{\n${parts.map((part) => `${indent}  ${part},`).join('\n')}\n${indent}}`;
  }
  throw new TypeError(`cannot print a ${typeof value} as a TypeScript literal`);
}
