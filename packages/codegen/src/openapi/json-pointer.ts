import type { JsonObject } from '../model.js';

/** One JSON pointer token, escaped (`/v1/charges` -> `~1v1~1charges`). */
export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** A local JSON pointer from its tokens: `['paths', '/a', 'get']` -> `#/paths/~1a/get`. */
export const toPointer = (tokens: readonly string[]): string => `#${tokens.map((t) => `/${escapePointerToken(t)}`).join('')}`;

/**
 * The node a local JSON pointer names, or undefined when nothing is there (or the pointer is
 * malformed). Only own keys count, so `#/components/schemas/constructor` finds nothing.
 *
 * @example nodeAtPointer(document, '#/components/schemas/Charge')
 */
export function nodeAtPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.slice(2).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as JsonObject)[token];
  }
  return node;
}
