import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileWsdl, compileWsdlText, type CompiledWsdl } from './compile-wsdl.js';
import { SHARED_WSDL_DIR, wsdlTestSetPath, type WsdlTestSet } from './wsdl-test-sets.js';

// Type-checks one generated module in memory under --strict, as `tsc --strict` would.
function typeErrors(source: string): string[] {
  const fileName = '/generated/types.ts';
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.getSourceFile = (name, version, ...rest) => (name === fileName ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.start === undefined ? '' : d.file?.getLineAndCharacterOfPosition(d.start).line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the generated TypeScript', () => {
  it('type-checks, and a required, an optional and a nillable field keep their shapes', () => {
    const { types } = compileWsdlText(
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><xs:complexType name="T"><xs:sequence>
        <xs:element name="required" type="xs:string"/><xs:element name="optional" type="xs:string" minOccurs="0"/><xs:element name="nillable" type="xs:string" nillable="true"/>
      </xs:sequence></xs:complexType></xs:schema>`,
    );
    const use = (body: string) => typeErrors(`${types}\nexport const value: T = ${body};\n`);
    expect(use('{ required: "a", nillable: null }')).toEqual([]);
    expect(use('{ required: "a", optional: "b", nillable: "c" }')).toEqual([]);
    expect(use('{ nillable: null }').join()).toMatch(/Property 'required' is missing/);
    expect(use('{ required: "a" }').join()).toMatch(/Property 'nillable' is missing/);
    expect(use('{ required: "a", optional: null, nillable: null }').join()).toMatch(/'null' is not assignable/);
  });
});

const SETS: WsdlTestSet[] = ['netsuite', 'salesforce-partner', 'salesforce-enterprise', 'salesforce-metadata', 'ews', 'paypal'];
const missing = SETS.filter((set) => wsdlTestSetPath(set) === undefined);
if (missing.length > 0) console.warn(`skipping the real WSDL sets ${missing.join(', ')}: ${SHARED_WSDL_DIR} is absent on this machine`);

describe.each(SETS)('the real WSDL set %s', (set) => {
  const entry = wsdlTestSetPath(set);
  let compiled: CompiledWsdl;

  it.skipIf(entry === undefined)('generates TypeScript that compiles under --strict with zero errors', { timeout: 120_000 }, async () => {
    compiled = await compileWsdl(entry!);
    expect(compiled.stats.operations).toBeGreaterThan(0);
    expect(typeErrors(compiled.types).slice(0, 10)).toEqual([]);
    expect(compiled.types).not.toMatch(/<\/?\w+:documentation|Copyright/);
  });

  it.skipIf(entry === undefined || set !== 'netsuite')('has Customer and SalesOrder extending Record, and the SOAP headers', () => {
    expect(compiled.types).toMatch(/^export interface Customer extends Record \{$/m);
    expect(compiled.types).toMatch(/^export interface SalesOrder extends Record \{$/m);
    expect(compiled.operations.find((operation) => operation.key === 'add')?.headers.map((header) => header.part)).toEqual(
      expect.arrayContaining(['tokenPassport', 'preferences']),
    );
  });

  it.skipIf(entry === undefined || !set.startsWith('salesforce-') || set === 'salesforce-metadata')('has QueryResult', () => {
    expect(compiled.types).toMatch(/^export interface QueryResult \{$/m);
  });

  it.skipIf(entry === undefined || set !== 'salesforce-partner')('types the dynamic sObject (xs:any) as an open record', () => {
    expect(compiled.types).toMatch(/^export interface sObject \{[^}]*\[key: string\]: unknown;\n\}/m);
  });

  it.skipIf(entry === undefined || set !== 'paypal')('is deterministic: a second compile gives the same bytes', async () => {
    expect((await compileWsdl(entry!)).types).toBe(compiled.types);
  });

  it.skipIf(entry === undefined || set !== 'ews')('carries the impersonation header', () => {
    const findItem = compiled.operations.find((operation) => operation.key === 'FindItem');
    expect(findItem?.headers.map((header) => header.part)).toContain('Impersonation');
  });
});
