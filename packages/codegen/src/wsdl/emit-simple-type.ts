import type { CompileContext } from './compile-context.js';
import { typeRefToTs } from './emit-type-ref.js';
import type { SimpleType } from './schema-model.js';

/**
 * The TypeScript type of a simple type: enumerations become string-literal unions, other
 * restrictions their base type, lists arrays of their item type (the SOAP runtime splits the
 * whitespace-separated text), unions the union of their members.
 *
 * @example simpleTypeToTs(<restriction base="xs:string"><enumeration value="a"/><enumeration value="b"/>) // '"a" | "b"'
 */
export function simpleTypeToTs(type: SimpleType, context: CompileContext): string {
  const variety = type.variety;
  switch (variety.kind) {
    case 'restriction':
      return variety.enumeration ? literalUnion(variety.enumeration) : typeRefToTs(variety.base, context);
    case 'list':
      return `${parenthesize(typeRefToTs(variety.item, context))}[]`;
    case 'union': {
      const members = [...new Set(variety.members.map((member) => typeRefToTs(member, context)))];
      return members.length === 0 ? 'string' : members.join(' | ');
    }
  }
}

/** `"a" | "b"` for enumeration values, each written once. */
export function literalUnion(values: readonly string[]): string {
  return [...new Set(values)].map((value) => JSON.stringify(value)).join(' | ');
}

/** Wraps a union or intersection in parentheses so `[]` or `| null` applies to all of it. */
export function parenthesize(type: string): string {
  let depth = 0;
  for (let i = 0; i < type.length; i += 1) {
    const char = type[i];
    if (char === '"') {
      // Skip a string literal (enumeration values may hold any character).
      for (i += 1; i < type.length && type[i] !== '"'; i += 1) if (type[i] === '\\') i += 1;
    } else if (char === '(' || char === '{' || char === '[' || char === '<') depth += 1;
    else if (char === ')' || char === '}' || char === ']' || char === '>') depth -= 1;
    else if (depth === 0 && (char === '|' || char === '&')) return `(${type})`;
  }
  return type;
}
