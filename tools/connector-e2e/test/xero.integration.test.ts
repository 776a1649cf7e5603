import { randomBytes } from 'node:crypto';
import type { Credentials } from '@portage/core';
import { xero } from '@portage/connector-xero';
import type { RecordedRequest } from '@portage/spec-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import {
  BANK_ACCOUNT_ID,
  BANNER_REFUND_ID,
  FIXTURES_UPDATED_BEFORE,
  GARDEN_INVOICE_ID,
  GARDEN_PAYMENT_ID,
  HARBOURSIDE_CONTACT_ID,
  KOWHAI_CONTACT_ID,
  msDate,
  PRINT_BILL_ID,
  SALES_ACCOUNT_ID,
} from '../src/platforms/xero/records.js';
import { xeroHandlers, xeroState } from '../src/platforms/xero/server.js';

const TENANT = '4f1c2b7e-9d3a-4c8e-b6f0-2a7d9e1c5b38';
// Built at run time: no token-shaped literal in the sources.
const accessToken = randomBytes(24).toString('base64url');
const credentials: Credentials = {
  type: 'oauth2',
  clientId: 'portage-e2e-client',
  clientSecret: randomBytes(16).toString('hex'),
  refreshToken: randomBytes(16).toString('hex'),
  accessToken,
  // Xero access tokens live 30 minutes: this one is fresh, so no token request is made.
  expiresAt: Date.now() + 30 * 60_000,
};

/** What the platform holds; tests change it to play edits made in Xero. */
const state = xeroState();
const handlers = xeroHandlers(state);

let world: SpecSyncWorld;

beforeAll(async () => {
  world = await startSpecSyncWorld({ platform: 'xero', connector: xero, credentials, tenant: TENANT, handlers });
});
afterAll(async () => world?.close());
beforeEach(() => world.server.clear());
// Every request the connector sent, and every response served, conformed to the pinned spec.
afterEach(() => world.server.assertNoViolations());

const requestsTo = (path: string): readonly RecordedRequest[] => world.server.requests.filter((request) => request.path.endsWith(path));
const pagesRequested = (path: string) => requestsTo(path).map((request) => request.query.page);
const byId = async (entity: string) => new Map((await world.records(entity)).map((record) => [record.externalId, record]));
const nzd = (amount: number) => ({ amount, currency: 'NZD' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('xero: full syncs against the pinned Xero Accounting spec', () => {
  it('invoices: pages of 100 by page number, every record mapped', async () => {
    const result = await world.sync('invoices');
    expect(result).toMatchObject({ created: 250, updated: 0, unchanged: 0, rejected: 0 });
    // 100 + 100 + 50: the short third page is the last; core's page paginator stops only on an
    // empty page, so a fourth request is sent and answered with [].
    expect(pagesRequested('/Invoices')).toEqual(['1', '2', '3', '4']);
    for (const request of requestsTo('/Invoices')) {
      expect(request.headers['xero-tenant-id']).toBe(TENANT);
      expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
      expect(request.headers['if-modified-since']).toBeUndefined();
    }

    const stored = await byId('invoices');
    expect(stored.size).toBe(250);
    expect([...stored.values()].every((record) => !record.deleted)).toBe(true);
    expect(stored.get(GARDEN_INVOICE_ID)?.data).toEqual({
      id: GARDEN_INVOICE_ID,
      updatedAt: '2024-03-15T02:41:07.250Z',
      number: 'INV-0417',
      type: 'receivable',
      contactId: KOWHAI_CONTACT_ID,
      status: 'partially_paid',
      issueDate: '2024-03-01',
      dueDate: '2024-03-20',
      lineItems: [
        // Tax-inclusive lines: 287.50 incl. 37.50 GST is 250.00 before tax.
        { id: 'e2f0a9c1-6b3d-4e8a-9f17-2c5d8b0a4e36', description: 'Garden design consultation (hours)', quantity: 2.5, unitAmount: nzd(11500), amount: nzd(25000), taxAmount: nzd(3750) },
        { id: 'f7a3c5e9-0d2b-4c6f-8e14-9b1a3d5c7e02', description: 'Native planting, per square metre', quantity: 12, unitAmount: nzd(4550), amount: nzd(47478), taxAmount: nzd(7122) },
      ],
      subtotal: nzd(72478),
      totalTax: nzd(10872),
      total: nzd(83350),
      amountDue: nzd(53350),
      reference: 'PO 88123',
    });
    expect(stored.get(PRINT_BILL_ID)?.data).toEqual({
      id: PRINT_BILL_ID,
      updatedAt: '2024-04-02T20:15:00.000Z',
      number: null,
      type: 'payable',
      contactId: HARBOURSIDE_CONTACT_ID,
      status: 'draft',
      issueDate: '2024-04-01',
      dueDate: '2024-05-01',
      lineItems: [{ id: '0c8e6a4f-2b1d-4a9c-b5e3-7d9f1a3c5e68', description: 'Trade show banners', quantity: 3, unitAmount: usd(6665), amount: usd(19995), taxAmount: usd(0) }],
      subtotal: usd(19995),
      totalTax: usd(0),
      total: usd(19995),
      amountDue: usd(19995),
    });
  });

  it('contacts: archived ones included, three pages', async () => {
    const result = await world.sync('contacts');
    expect(result).toMatchObject({ created: 230, rejected: 0 });
    expect(pagesRequested('/Contacts')).toEqual(['1', '2', '3', '4']);
    expect(requestsTo('/Contacts').every((request) => request.query.includeArchived === 'true')).toBe(true);

    const stored = await byId('contacts');
    expect(stored.size).toBe(230);
    expect(stored.get(KOWHAI_CONTACT_ID)?.data).toEqual({
      id: KOWHAI_CONTACT_ID,
      updatedAt: '2024-03-01T09:00:00.000Z',
      name: 'Kowhai Landscaping Ltd',
      status: 'active',
      isCustomer: true,
      isSupplier: false,
      email: 'accounts@kowhai-landscaping.example',
      phone: '64 09 555 0142',
      taxNumber: '123-456-789',
      currency: 'NZD',
      address: { line1: 'PO Box 4127', line2: 'Shortland Street', city: 'Auckland', region: 'Auckland', postalCode: '1140', country: 'NZ' },
    });
    // Empty POBOX address, a free-text country and no phone numbers: only what fits is kept.
    expect(stored.get(HARBOURSIDE_CONTACT_ID)?.data).toEqual({
      id: HARBOURSIDE_CONTACT_ID,
      updatedAt: '2024-02-11T03:30:00.000Z',
      name: 'Harbourside Print Co',
      status: 'archived',
      isCustomer: false,
      isSupplier: true,
      address: { line1: 'Unit 3', line2: '18 Wharf Road, Te Aro', city: 'Wellington', postalCode: '6011' },
    });
    const archived = [...stored.values()].filter((record) => (record.data as { status: string }).status === 'archived');
    expect(archived).toHaveLength(1 + 9);
  });

  it('accounts: the whole chart in one request, without paging parameters', async () => {
    const result = await world.sync('accounts');
    expect(result).toMatchObject({ created: 14, pages: 1, rejected: 0 });
    expect(requestsTo('/Accounts')).toHaveLength(1);
    expect(requestsTo('/Accounts')[0]?.query).toEqual({});
    expect(requestsTo('/Accounts')[0]?.headers['xero-tenant-id']).toBe(TENANT);

    const stored = await byId('accounts');
    expect(stored.size).toBe(14);
    expect(stored.get(SALES_ACCOUNT_ID)?.data).toEqual({
      id: SALES_ACCOUNT_ID,
      updatedAt: '2024-01-15T22:04:12.000Z',
      name: 'Sales',
      code: '200',
      type: 'income',
      subtype: 'REVENUE',
      status: 'active',
      description: 'Income from any normal business activity',
    });
    expect(stored.get(BANK_ACCOUNT_ID)?.data).toEqual({
      id: BANK_ACCOUNT_ID,
      updatedAt: '2024-01-15T22:04:11.000Z',
      name: 'Business Bank Account',
      code: '090',
      type: 'asset',
      subtype: 'BANK',
      status: 'active',
      currency: 'NZD',
    });
    const types = [...stored.values()].map((record) => (record.data as { type: string; status: string }));
    expect(types.filter((account) => account.type === 'liability')).toHaveLength(3);
    expect(types.filter((account) => account.status === 'archived')).toHaveLength(1);
  });

  it('payments: two pages, amounts in the paid document currency', async () => {
    const result = await world.sync('payments');
    expect(result).toMatchObject({ created: 120, rejected: 0 });
    expect(pagesRequested('/Payments')).toEqual(['1', '2', '3']);

    const stored = await byId('payments');
    expect(stored.size).toBe(120);
    expect(stored.get(GARDEN_PAYMENT_ID)?.data).toEqual({
      id: GARDEN_PAYMENT_ID,
      updatedAt: '2024-03-15T02:41:07.000Z',
      type: 'receivable',
      contactId: KOWHAI_CONTACT_ID,
      status: 'completed',
      date: '2024-03-15',
      amount: nzd(30000),
      accountId: BANK_ACCOUNT_ID,
      allocations: [{ invoiceId: GARDEN_INVOICE_ID, amount: nzd(30000) }],
      reference: 'DD 4127',
    });
    // A deleted cash refund of a supplier credit note: no invoice to allocate to.
    expect(stored.get(BANNER_REFUND_ID)?.data).toEqual({
      id: BANNER_REFUND_ID,
      updatedAt: '2024-04-22T04:00:00.000Z',
      type: 'payable',
      contactId: HARBOURSIDE_CONTACT_ID,
      status: 'voided',
      date: '2024-04-20',
      amount: usd(3433),
      accountId: BANK_ACCOUNT_ID,
      reference: 'Refund CN-0031',
    });
  });
});

describe('xero: syncing again', () => {
  it('a second full sync of unchanged data writes nothing', async () => {
    const counts = { invoices: 250, contacts: 230, accounts: 14, payments: 120 };
    const lastSeen = async (entity: string) =>
      world.database.db.selectFrom('records').select(['external_id', 'last_seen_at']).where('connection_id', '=', world.connectionId).where('entity', '=', entity).orderBy('external_id').execute();
    const events = async () =>
      (await world.database.db.selectFrom('change_events').select((eb) => eb.fn.countAll<string>().as('n')).where('connection_id', '=', world.connectionId).executeTakeFirstOrThrow()).n;

    const eventsBefore = await events();
    for (const [entity, count] of Object.entries(counts)) {
      const before = await lastSeen(entity);
      const result = await world.sync(entity);
      expect(result, entity).toMatchObject({ created: 0, updated: 0, unchanged: count, deleted: 0, rejected: 0 });
      expect(await lastSeen(entity), entity).toEqual(before);
    }
    expect(await events()).toBe(eventsBefore);
  });

  it('an incremental sync sends If-Modified-Since and stores only what changed', async () => {
    const since = FIXTURES_UPDATED_BEFORE;
    const changedAt = msDate('2024-06-03T08:30:00.000Z');
    // In Xero: the rest of the garden invoice is paid, a draft is approved, a new invoice is raised.
    const garden = state.invoices.find((invoice) => invoice.InvoiceID === GARDEN_INVOICE_ID)!;
    Object.assign(garden, { Status: 'PAID', AmountDue: 0, AmountPaid: 833.5, UpdatedDateUTC: changedAt });
    const draft = state.invoices.find((invoice) => invoice.Status === 'DRAFT' && invoice.InvoiceID !== PRINT_BILL_ID)!;
    Object.assign(draft, { Status: 'AUTHORISED', UpdatedDateUTC: changedAt });
    const raised = { ...structuredClone(garden), InvoiceID: '5c7e9a1b-3d5f-4b7d-9f1a-3c5e7a9b1d3f', InvoiceNumber: 'INV-0902', Status: 'AUTHORISED' as const, AmountDue: 833.5, AmountPaid: 0 };
    state.invoices.push(raised);

    const result = await world.sync('invoices', { kind: 'incremental', since });
    expect(result).toMatchObject({ created: 1, updated: 2, unchanged: 0, deleted: 0, rejected: 0 });
    // One short page of the three changed invoices, then the empty page that ends the read.
    expect(pagesRequested('/Invoices')).toEqual(['1', '2']);
    for (const request of requestsTo('/Invoices')) {
      expect(request.headers['if-modified-since']).toBe('2024-06-01T00:00:00.000Z');
      expect(request.headers['xero-tenant-id']).toBe(TENANT);
    }

    const stored = await byId('invoices');
    expect(stored.size).toBe(251);
    expect(stored.get(GARDEN_INVOICE_ID)?.data).toMatchObject({ status: 'paid', amountDue: nzd(0), total: nzd(83350) });
    expect(stored.get(String(draft.InvoiceID))?.data).toMatchObject({ status: 'open' });
    expect(stored.get(raised.InvoiceID)?.data).toMatchObject({ number: 'INV-0902', status: 'open', amountDue: nzd(83350) });
  });
});
