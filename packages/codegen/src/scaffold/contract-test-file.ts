import type { ScaffoldContext } from './scaffold-context.js';

/**
 * `src/connector.contract.test.ts`, written once: every request an entity sends (method, path,
 * fixed query and headers, page token, modified-since filter) is declared by the operation in
 * `specs/<platform>/surface.json`. The surface is rewritten by each regeneration, so this fails
 * as soon as the platform drops or renames something the connector uses.
 *
 * @example contractTestFile(context).includes("describe('stripe contract") // true
 */
export function contractTestFile(context: ScaffoldContext): string {
  const { platform, connectorConst } = context;
  return `import { readFileSync } from 'node:fs';
import type { Entity, PaginationConfig, ParamPlacement } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { ${connectorConst} } from './connector.js';

interface SurfaceOperation {
  method: string;
  path: string;
  parameters: { in: string; name: string }[];
  requestBody?: { schema: string | { path: string }[] };
}

interface Surface {
  operations: SurfaceOperation[];
  schemas: Record<string, { path: string }[]>;
}

type SentRequest = Pick<Entity, 'request' | 'pagination' | 'incremental'>;

const surface = JSON.parse(readFileSync(new URL('../../../specs/${platform}/surface.json', import.meta.url), 'utf8')) as Surface;

function paginationParameters(pagination: PaginationConfig): ParamPlacement[] {
  switch (pagination.type) {
    case 'offset':
      return [pagination.offset, pagination.limit];
    case 'page':
      return pagination.size === undefined ? [pagination.page] : [pagination.page, pagination.size];
    case 'cursor':
    case 'last_id':
      return [pagination.token];
    case 'none':
    case 'link_header':
    case 'next_url':
      // Nothing to send: the next page's URL comes from the platform.
      return [];
  }
}

/** Every parameter an entity's requests can carry. */
function sentParameters(entity: SentRequest): ParamPlacement[] {
  return [
    ...Object.keys(entity.request.query ?? {}).map((name) => ({ in: 'query' as const, name })),
    ...Object.keys(entity.request.headers ?? {}).map((name) => ({ in: 'header' as const, name })),
    ...paginationParameters(entity.pagination),
    ...(entity.incremental === undefined ? [] : [{ in: entity.incremental.in, name: entity.incremental.name }]),
  ];
}

function declares(operation: SurfaceOperation, sent: ParamPlacement): boolean {
  if (sent.in === 'body') {
    const schema = operation.requestBody?.schema;
    const fields = typeof schema === 'string' ? (surface.schemas[schema] ?? []) : (schema ?? []);
    return fields.some((field) => field.path === sent.name);
  }
  return operation.parameters.some((declared) => {
    if (declared.in !== sent.in) return false;
    // Header names are case-insensitive; \`created[gte]\` is the deep-object form of \`created\`.
    if (sent.in === 'header') return declared.name.toLowerCase() === sent.name.toLowerCase();
    return declared.name === sent.name || sent.name.startsWith(\`\${declared.name}[\`);
  });
}

describe('${platform} contract: every request is declared in specs/${platform}/surface.json', () => {
  it.each(Object.entries(${connectorConst}.entities))('%s', (name, entity: SentRequest) => {
    const { method = 'GET', path } = entity.request;
    const operation = surface.operations.find((candidate) => candidate.method.toUpperCase() === method && candidate.path === path);
    expect(operation, \`\${method} \${path} is not an operation of the spec\`).toBeDefined();
    if (operation === undefined) return;
    const undeclared = sentParameters(entity)
      .filter((sent) => !declares(operation, sent))
      .map((sent) => \`\${sent.in} \${sent.name}\`);
    expect(undeclared, \`\${name} sends parameters the spec does not declare\`).toEqual([]);
  });
});
`;
}
