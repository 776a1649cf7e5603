import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { DetectedWrite, JsonObject, OpenApiDocument } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { exportBodyOf } from './export-body.js';
import { exportStub, type ExportStubFunction } from './export-stub.js';
import { recordFields, unifiedFields } from './field-kinds.js';
import { matchBodyFields } from './match-fields.js';

// A Xero-shaped contact body (`{ Contacts: [ {...} ] }`) and a Stripe-shaped form body.
const contact: JsonObject = {
  type: 'object',
  required: ['Name'],
  properties: {
    ContactID: { type: 'string', format: 'uuid' },
    Name: { type: 'string' },
    EmailAddress: { type: 'string' },
    TaxNumber: { type: 'string' },
    ContactStatus: { type: 'string', enum: ['ACTIVE', 'ARCHIVED'] },
    IsSupplier: { type: 'boolean', readOnly: true },
    UpdatedDateUTC: { type: 'string', readOnly: true },
    Phones: { type: 'array', items: { type: 'object', properties: { PhoneNumber: { type: 'string' } } } },
  },
};
const customerForm: JsonObject = {
  type: 'object',
  properties: { email: { type: 'string' }, phone: { type: 'string' }, name: { type: 'string' }, 'preferred-locale': { type: 'string' } },
};
const document: OpenApiDocument = {
  openapi: '3.0.3',
  info: { version: '1' },
  paths: {
    '/Contacts': { put: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Contacts' } } } }, responses: {} } },
    '/v1/customers': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: customerForm } } }, responses: {} } },
  },
  components: { schemas: { Contact: contact, Contacts: { type: 'object', properties: { Contacts: { type: 'array', items: { $ref: '#/components/schemas/Contact' } } } } } },
};
const refs = createSpecRefs(document);

const xeroCreate: DetectedWrite = { method: 'PUT', path: '/Contacts', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'Contacts.0' };
const stripeCreate: DetectedWrite = { method: 'POST', path: '/v1/customers', mediaType: 'application/x-www-form-urlencoded', bodyFormat: 'form', bodyRecordPath: '' };

function fnFor(write: DetectedWrite, unified: 'Contact' | 'Customer', name: string, bodyType: string): ExportStubFunction {
  const body = exportBodyOf(document, refs, write, 'Platform');
  return { name, verb: 'creates', bodyType, bodyRecordPath: write.bodyRecordPath, matches: matchBodyFields(unifiedFields(unified), recordFields(refs, body.recordNode)) };
}

describe('export body types', () => {
  it.each([
    ['a component body goes through the platform alias', xeroCreate, "Platform['Contacts']"],
    ['an inline body is an indexed access into paths', stripeCreate, "NonNullable<paths['/v1/customers']['post']['requestBody']>['content']['application/x-www-form-urlencoded']"],
  ])('%s', (_name, write, type) => {
    expect(exportBodyOf(document, refs, write, 'Platform').type).toBe(type);
  });

  it('names the operation when the spec has no such body', () => {
    expect(() => exportBodyOf(document, refs, { ...stripeCreate, mediaType: 'application/json' }, 'Platform')).toThrow(/POST \/v1\/customers: no application\/json request body/);
  });
});

describe('matchBodyFields: which unified fields fill which body fields', () => {
  it.each<[string, DetectedWrite, 'Contact' | 'Customer', unknown]>([
    // id/createdAt/updatedAt are the platform's; enums, lists and readOnly fields need a decision or are never written.
    ['Xero contact', xeroCreate, 'Contact', [{ body: 'Name', unified: 'name', nullToUndefined: false }, { body: 'TaxNumber', unified: 'taxNumber', nullToUndefined: false }]],
    // A unified `string | null` fills an optional body string once `null` becomes absence.
    ['Stripe customer', stripeCreate, 'Customer', [{ body: 'email', unified: 'email', nullToUndefined: true }, { body: 'phone', unified: 'phone', nullToUndefined: true }]],
  ])('%s', (_name, write, unified, want) => {
    expect(fnFor(write, unified, 'f', 'B').matches).toEqual(want);
  });
});

describe('export stubs', () => {
  it('fills the matched fields inside the body envelope', () => {
    expect(exportStub({ entity: 'contacts', unified: 'Contact', functions: [{ ...fnFor(xeroCreate, 'Contact', 'fromContact', 'ContactsCreateBody'), verb: 'creates and updates' }] }))
      .toBe(`// Pre-filled where a request body field matched a Contact field by name and type: Name (from name), TaxNumber (from taxNumber).

import type { Contact } from '@portage/core';
import type { ContactsCreateBody } from '../generated/platform.js';

/** Maps a unified Contact to the request body that creates and updates one \`contacts\` record. */
export function fromContact(record: Contact): ContactsCreateBody {
  return {
    Contacts: [
      {
        Name: record.name,
        TaxNumber: record.taxNumber,
      },
    ],
  };
}
`);
  });

  it('writes one function per body type, and says so when nothing matched', () => {
    const text = exportStub({
      entity: 'customers',
      unified: 'Customer',
      functions: [
        fnFor(stripeCreate, 'Customer', 'fromCustomer', 'CustomersCreateBody'),
        { name: 'fromCustomerUpdate', verb: 'updates', bodyType: 'CustomersUpdateBody', bodyRecordPath: 'customer', matches: [] },
      ],
    });
    expect(text).toContain('export function fromCustomer(record: Customer): CustomersCreateBody {\n  return {\n    email: record.email ?? undefined,\n    phone: record.phone ?? undefined,\n  };\n}');
    expect(text).toContain('export function fromCustomerUpdate(_record: Customer): CustomersUpdateBody {\n  return {\n    customer: {},\n  };\n}');
    expect(text).toContain("import type { CustomersCreateBody, CustomersUpdateBody } from '../generated/platform.js';");
    expect(exportStub({ entity: 'x', unified: 'Payout', functions: [{ name: 'fromPayout', verb: 'creates', bodyType: 'B', bodyRecordPath: '', matches: [] }] })).toMatch(
      /^\/\/ No request body field matched a Payout field by name and type; every field is mapped by hand\./,
    );
  });
});

describe('an export stub under the type checker', () => {
  // Real compiler options and module resolution (so @portage/core is the real one), files in memory.
  const project = new Project({ tsConfigFilePath: new URL('../../tsconfig.json', import.meta.url).pathname, skipAddingFilesFromTsConfig: true });
  const root = new URL('./__virtual_export__/', import.meta.url).pathname;
  project.createSourceFile(
    `${root}generated/platform.ts`,
    'export type ContactsCreateBody = { Contacts?: { Name: string; TaxNumber?: string; AccountNumber: string; ContactStatus?: "ACTIVE" | "ARCHIVED" }[] };\n',
    { overwrite: true },
  );
  const diagnostics = (text: string) => {
    const file = project.createSourceFile(`${root}mappings/contacts-export.ts`, text, { overwrite: true });
    return project
      .getProgram()
      .getSemanticDiagnostics(file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, '\n'));
  };
  const stub = () => exportStub({ entity: 'contacts', unified: 'Contact', functions: [fnFor(xeroCreate, 'Contact', 'fromContact', 'ContactsCreateBody')] });

  it('fails naming the required body field the stub does not fill', () => {
    const messages = diagnostics(stub());
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Property 'AccountNumber' is missing/);
  });

  it('passes once the engineer fills it in', () => {
    expect(diagnostics(stub().replace('        Name: record.name,\n', "        Name: record.name,\n        AccountNumber: record.id,\n"))).toEqual([]);
  });
});
