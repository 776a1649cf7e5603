import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { ListEndpoint, OpenApiDocument } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { recordFields, unifiedFields } from './field-kinds.js';
import { mappingStub } from './mapping-stub.js';
import { matchFields } from './match-fields.js';
import { recordSchemaOf } from './record-schema.js';

const document: OpenApiDocument = {
  openapi: '3.0.3',
  info: { version: '1' },
  paths: {
    '/v1/payments': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    results: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'created_at', 'amount'],
                        properties: {
                          id: { type: 'string' },
                          created_at: { type: 'string', format: 'date-time' },
                          UpdatedAt: { type: 'string', format: 'date-time', nullable: true },
                          amount: { type: 'integer' },
                          currency: { type: 'string' },
                          description: { type: 'string' },
                          'customer-id': { type: 'string' },
                          status: { type: 'string', enum: ['ok', 'failed'] },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const endpoint: ListEndpoint = {
  method: 'GET',
  path: '/v1/payments',
  records: 'results',
  pagination: { type: 'none' },
  incremental: null,
  primaryKey: 'id',
  confidence: 0.9,
  evidence: [],
  suggestedEntity: null,
};

function stubFor(unified: 'Transaction' | 'Customer') {
  const refs = createSpecRefs(document);
  const record = recordSchemaOf(document, refs, endpoint, 'Pay');
  const matches = matchFields(unifiedFields(unified), recordFields(refs, record.node));
  return { record, text: mappingStub({ entity: 'payments', unified, recordType: 'PaymentsRecord', matches }) };
}

describe('mapping stubs', () => {
  it('types inline records by indexed access into paths', () => {
    expect(stubFor('Transaction').record.type).toBe(
      "NonNullable<NonNullable<paths['/v1/payments']['get']['responses']['200']['content']['application/json']>['results']>[number]",
    );
  });

  it('pre-fills exactly the fields that match by name and type', () => {
    expect(stubFor('Transaction').text).toBe(`// Pre-filled where a record field matched by name and type: id, createdAt (from created_at), updatedAt (from UpdatedAt), description, customerId (from customer-id).

import type { Transaction } from '@portage/core';
import type { PaymentsRecord } from '../generated/platform.js';

/** Maps one \`payments\` record to a unified Transaction. */
export function toTransaction(raw: PaymentsRecord): Transaction {
  return {
    id: raw.id,
    createdAt: raw.created_at,
    updatedAt: raw.UpdatedAt ?? undefined,
    description: raw.description,
    customerId: raw['customer-id'],
  };
}
`);
  });

  it('says so when nothing matched, with an unused parameter lint accepts', () => {
    const text = mappingStub({ entity: 'payments', unified: 'Payout', recordType: 'PaymentsRecord', matches: [] });
    expect(text).toContain('// No Payout field matched a record field by name and type');
    expect(text).toContain('export function toPayout(_raw: PaymentsRecord): Payout {\n  return {};\n}');
  });
});

describe('a stub under the type checker', () => {
  // Real compiler options and module resolution (so @portage/core is the real one), with the
  // files held in memory only.
  const project = new Project({ tsConfigFilePath: new URL('../../tsconfig.json', import.meta.url).pathname, skipAddingFilesFromTsConfig: true });
  const root = new URL('./__virtual__/', import.meta.url).pathname;
  project.createSourceFile(
    `${root}generated/platform.ts`,
    "export type PaymentsRecord = { id: string; created_at: string; UpdatedAt?: string | null; amount: number; description?: string; 'customer-id'?: string };\n",
    { overwrite: true },
  );
  const diagnostics = (text: string) => {
    const file = project.createSourceFile(`${root}mappings/payments.ts`, text, { overwrite: true });
    return project
      .getProgram()
      .getSemanticDiagnostics(file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, '\n'));
  };

  it('fails naming the required unified fields the stub does not fill', () => {
    const messages = diagnostics(stubFor('Transaction').text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/is missing the following properties from type .*: type, status, amount$/s);
  });

  it('passes once the engineer fills them in', () => {
    const completed = stubFor('Transaction').text.replace(
      '    id: raw.id,\n',
      "    id: raw.id,\n    type: 'charge',\n    status: 'succeeded',\n    amount: { amount: raw.amount, currency: 'USD' },\n",
    );
    expect(diagnostics(completed)).toEqual([]);
  });
});
