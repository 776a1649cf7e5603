import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, type FetchClient } from '../src/index.js';
import { queryOf, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

// Xero-style XML pages: page 1 has two invoices, page 2 one, page 3 none.
const PAGES: Record<string, string[]> = {
  '1': [invoice('INV-1', '00123', '1.0E7'), invoice('INV-2', '9007199254740993', '12.50')],
  '2': [invoice('INV-3', '42', '0.10')],
  '3': [],
};

function invoice(number: string, contactId: string, total: string): string {
  return `<Invoice status="AUTHORISED"><InvoiceNumber>${number}</InvoiceNumber><ContactID>${contactId}</ContactID><Total>${total}</Total><LineItems><LineItem><Description>Hours</Description></LineItem></LineItems></Invoice>`;
}

let server: LoopbackServer;
let client: FetchClient;

beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    const items = PAGES[queryOf(request).get('page') ?? '1'] ?? [];
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Response xmlns:x="urn:x"><Status>OK</Status><Invoices>${items.join('')}</Invoices></Response>`;
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(xml);
  });
  client = createFetchClient({ baseUrl: server.url, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('XML pages', () => {
  it('map to JSON with arrays where the entity says, and strings left exact', async () => {
    const pages = [];
    for await (const page of client.paginate({
      request: { path: '/api.xro/2.0/Invoices' },
      format: { type: 'xml', arrayPaths: ['Response.Invoices.Invoice', 'Response.Invoices.Invoice.LineItems.LineItem'] },
      recordsPath: 'Response.Invoices.Invoice',
      pagination: { type: 'page', page: { in: 'query', name: 'page' } },
    })) {
      pages.push(page.records);
    }
    expect(pages.map((records) => records.length)).toEqual([2, 1, 0]);
    const [first, second] = pages[0] as Array<Record<string, unknown>>;
    expect(first).toMatchObject({ InvoiceNumber: 'INV-1', ContactID: '00123', Total: '1.0E7' });
    expect(second).toMatchObject({ ContactID: '9007199254740993', Total: '12.50' });
    // A one-element list is still a list.
    expect((pages[1]![0] as { LineItems: { LineItem: unknown[] } }).LineItems.LineItem).toHaveLength(1);
    expect(JSON.stringify(first)).toContain('AUTHORISED');
    expect(server.requests[0]!.headers.accept).toBe('application/xml');
  });

  it('a plain request reads XML from the content type', async () => {
    const response = await client.request<{ Response: { Status: string } }>({ path: '/api.xro/2.0/Invoices' });
    expect(response.body.Response.Status).toBe('OK');
  });
});
