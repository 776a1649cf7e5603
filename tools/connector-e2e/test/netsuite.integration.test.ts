import { createNetsuiteConnector } from '@portage/connector-netsuite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers, invoices, items, salesOrders, type ServedRecord } from './netsuite-records.js';
import { NETSUITE_WSDL, startNetsuiteWorld, wsdlAvailable, type NetsuiteWorld } from './netsuite-world.js';

if (!wsdlAvailable) console.warn(`skipping the NetSuite integration test: ${NETSUITE_WSDL} is missing (the ../shared spec mirror is not on this machine)`);

const PAGE_SIZE = 5;
const JAN = (n: number) => `2024-01-${String(n).padStart(2, '0')}T12:00:00.000-08:00`;

describe.skipIf(!wsdlAvailable)('NetSuite connector: SOAP searches synced into Postgres', () => {
  let world: NetsuiteWorld;
  const records = new Map<string, ServedRecord[]>();

  beforeAll(async () => {
    records.set('customer', customers(JAN));
    records.set('_salesOrder', salesOrders(JAN));
    records.set('_invoice', invoices(JAN));
    records.set('_inventoryItem', items(JAN));
    const connector = createNetsuiteConnector({ wsdl: NETSUITE_WSDL, pageSize: PAGE_SIZE, currencies: { default: 'USD' } });
    world = await startNetsuiteWorld({ connector, records });
  }, 60_000);
  afterAll(() => world?.close());
  beforeEach(() => {
    world.calls.length = 0;
  });

  it('syncs 12 customers read in 3 pages (search, then searchMoreWithId 2 and 3), each call with a valid token passport', async () => {
    const result = await world.sync('customers');
    expect(result).toMatchObject({ pages: 3, created: 12, updated: 0, rejected: 0 });
    expect(world.calls.map((call) => [call.operation, call.input.pageIndex === undefined ? undefined : Number(call.input.pageIndex)])).toEqual([
      ['search', undefined],
      ['searchMoreWithId', 2],
      ['searchMoreWithId', 3],
    ]);
    const searchIds = new Set(world.calls.slice(1).map((call) => call.input.searchId));
    expect(searchIds.size).toBe(1);
    for (const call of world.calls) {
      expect(call.passport).toMatchObject({ account: world.account, signatureValid: true, algorithm: 'HMAC-SHA256' });
      expect(call.passport.timestamp).toMatch(/^\d{10}$/);
      // The server reads header values as text.
      expect(call).toMatchObject({ pageSize: PAGE_SIZE, bodyFieldsOnly: 'false' });
    }
    expect(new Set(world.calls.map((call) => call.passport.nonce)).size).toBe(3);
    // A full pass asks for everything modified since the epoch.
    expect(world.calls[0]!.since).toBe('1970-01-01T00:00:00.000Z');

    const stored = await world.stored('customers');
    expect(stored.map((row) => row.externalId)).toEqual(Array.from({ length: 12 }, (_, i) => String(101 + i)).sort());
    expect(stored.find((row) => row.externalId === '102')!.data).toEqual({
      id: '102',
      email: 'c2@example.com',
      phone: '+1 512 555 0102',
      firstName: 'Ada2',
      lastName: 'Lovelace',
      status: 'active',
      address: { line1: '2 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      createdAt: '2023-01-03T17:00:00.000Z',
      updatedAt: '2024-01-02T20:00:00.000Z',
    });
    expect(stored.find((row) => row.externalId === '107')!.data).toMatchObject({ companyName: 'Acme 7 & Co', status: 'disabled' });
  });

  it('syncs sales orders with their line items, money exact in minor units', async () => {
    const result = await world.sync('salesOrders');
    expect(result).toMatchObject({ pages: 2, created: 6, rejected: 0 });
    expect(world.calls.every((call) => call.kind === '_salesOrder')).toBe(true);
    const stored = await world.stored('salesOrders');
    expect(stored).toHaveLength(6);
    const second = stored.find((row) => row.externalId === '702')!.data;
    expect(second).toEqual({
      id: '702',
      orderNumber: 'SO-1002',
      customerId: '102',
      status: 'open',
      fulfillmentStatus: 'partially_fulfilled',
      lineItems: [
        { id: '1', productId: '501', name: 'Widget', quantity: 1, price: { amount: 1250, currency: 'USD' }, totalTax: { amount: 103, currency: 'USD' }, total: { amount: 1250, currency: 'USD' } },
        // A 19.999 rate rounds to the cent; the line amount stays as NetSuite computed it.
        { id: '2', productId: '502', name: 'Gadget XL', quantity: 3, price: { amount: 2000, currency: 'USD' }, totalTax: { amount: 495, currency: 'USD' }, total: { amount: 6000, currency: 'USD' } },
      ],
      subtotal: { amount: 7250, currency: 'USD' },
      totalDiscount: { amount: 100, currency: 'USD' },
      totalTax: { amount: 598, currency: 'USD' },
      total: { amount: 7748, currency: 'USD' },
      billingAddress: { line1: '2 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      shippingAddress: { line1: '2 Dock Rd', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      note: 'Order 2',
      createdAt: '2024-02-02T18:15:00.000Z',
      updatedAt: '2024-01-02T20:00:00.000Z',
    });
    expect((stored.find((row) => row.externalId === '703')!.data.lineItems as unknown[]).length).toBe(3);
    expect(stored.find((row) => row.externalId === '704')!.data).toMatchObject({ status: 'cancelled', total: { currency: 'EUR', amount: 10617 } });
    expect(stored.map((row) => (row.data as { status: string }).status).sort()).toEqual(['cancelled', 'closed', 'draft', 'open', 'open', 'open']);
  });

  it('syncs invoices with lines and items as products', async () => {
    await world.sync('invoices');
    const invoicesStored = await world.stored('invoices');
    expect(invoicesStored.map((row) => [row.externalId, (row.data as { status: string }).status])).toEqual([
      ['901', 'open'],
      ['902', 'partially_paid'],
      ['903', 'paid'],
    ]);
    expect(invoicesStored[0]!.data).toMatchObject({
      number: 'INV-1',
      type: 'receivable',
      contactId: '101',
      issueDate: '2024-03-01',
      dueDate: '2024-04-01',
      total: { amount: 2706, currency: 'USD' },
      amountDue: { amount: 2706, currency: 'USD' },
      lineItems: [{ id: '1', description: 'Widget (each)', quantity: 2, unitAmount: { amount: 1250, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' }, taxAmount: { amount: 206, currency: 'USD' }, itemId: '501' }],
    });
    await world.sync('items');
    const products = await world.stored('items');
    expect(products.map((row) => row.externalId)).toEqual(['501', '502', '503', '504']);
    expect(products[2]!.data).toMatchObject({
      title: 'Bolt pack',
      status: 'active',
      variants: [{ id: '503', productId: '503', sku: 'SKU-503', price: { amount: 35, currency: 'USD' }, inventoryQuantity: 30, barcode: '00000000503' }],
    });
    expect(products[3]!.data).toMatchObject({ status: 'archived' });
  });

  it('re-syncs unchanged records as unchanged', async () => {
    const result = await world.sync('customers');
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 12, deleted: 0 });
  });

  it('reads incrementally with lastModifiedDate onOrAfter the since instant', async () => {
    const since = '2024-01-10T00:00:00.000Z';
    const changed = records.get('customer')![10]!;
    changed.xml = changed.xml.replace('<listRel:email>c11@example.com</listRel:email>', '<listRel:email>new11@example.com</listRel:email>');
    const result = await world.sync('customers', { kind: 'incremental', since });
    expect(world.calls[0]).toMatchObject({ operation: 'search', kind: 'customer', since });
    // Customers 10 to 12 changed at or after Jan 10 (20:00 UTC): one page of 3.
    expect(result).toMatchObject({ pages: 1, created: 0, updated: 1, unchanged: 2 });
    expect((await world.stored('customers')).find((row) => row.externalId === '111')!.data).toMatchObject({ email: 'new11@example.com' });
  });

  it('resumes a search that died mid-way from its checkpoint with searchMoreWithId, not a new search', async () => {
    const all = customers(JAN);
    records.set('customer', all.map((one) => ({ ...one, xml: one.xml.replace(/Lovelace/g, 'Byron') })));
    world.failNext((call) => call.operation === 'searchMoreWithId' && Number(call.input.pageIndex) === 3);
    await expect(world.sync('customers')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const searchId = world.calls[1]!.input.searchId;
    const byron = (await world.stored('customers')).filter((row) => (row.data as { lastName?: string }).lastName === 'Byron');
    // Pages 1 and 2 (customers 101-110) committed before page 3 failed.
    expect(byron.map((row) => row.externalId)).toEqual(['102', '104', '106', '108', '110']);
    world.calls.length = 0;
    const resumed = await world.sync('customers');
    expect(world.calls.map((call) => [call.operation, call.input.searchId, Number(call.input.pageIndex)])).toEqual([['searchMoreWithId', searchId, 3]]);
    // Page 3: customer 112 (now Byron) and 111 (its email back from the incremental test's change).
    expect(resumed).toMatchObject({ pages: 1, updated: 2, deleted: 0 });
    const after = await world.stored('customers');
    expect(after.filter((row) => (row.data as { lastName?: string }).lastName === 'Byron')).toHaveLength(6);
    expect(after.every((row) => !row.deleted)).toBe(true);
  });
});
