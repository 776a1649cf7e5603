import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWsdl } from './load-wsdl.js';
import { bindOperations } from './soap-operations.js';

// Real vendor WSDLs from the shared spec mirror (never copied into the repo).
const SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/specs/wsdl');
const PARTNER = join(SHARED, 'salesforce-39.0/partner.wsdl');
const available = existsSync(PARTNER);
if (!available) console.warn(`skipping the Salesforce WSDL test: ${PARTNER} is missing (the ../shared spec mirror is not on this machine)`);

describe.skipIf(!available)('the Salesforce v39 partner WSDL', () => {
  it('binds query and queryMore, and describes QueryResult.records as a list', async () => {
    const wsdl = await loadWsdl(PARTNER);
    const operations = bindOperations(wsdl);
    expect(operations.get('query')).toMatchObject({ service: 'SforceService', port: 'Soap' });
    expect(operations.has('queryMore')).toBe(true);
    const output = (wsdl.definitions as unknown as { messages: Record<string, { description(d: unknown): Record<string, Record<string, unknown>> }> }).messages.queryResponse!.description(wsdl.definitions);
    expect(Object.keys(output.queryResponse!.result as object)).toEqual(expect.arrayContaining(['done', 'queryLocator', 'records[]', 'size']));
  });
});
