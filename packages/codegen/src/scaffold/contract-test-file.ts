import type { ScaffoldContext } from './scaffold-context.js';

/**
 * `src/connector.contract.test.ts`, written once: every request an entity sends (method, path,
 * query, headers, body fields, page token and size, modified-since filter, tenant) is declared
 * by the operation in `specs/<platform>/surface.json`, checked by `@portage/testing`. The surface
 * is rewritten by each regeneration, so this fails as soon as the platform drops or renames
 * something the connector uses.
 *
 * @example contractTestFile(context).includes("describe('stripe contract") // true
 */
export function contractTestFile(context: ScaffoldContext): string {
  const { platform, connectorConst } = context;
  return `import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { ${connectorConst} } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/${platform}/surface.json', import.meta.url), 'utf8')) as RequestSurface;

describe('${platform} contract', () => {
  it('sends only requests that specs/${platform}/surface.json declares', () => {
    expect(undeclaredRequests(${connectorConst}, surface)).toEqual([]);
  });
});
`;
}
