import { randomBytes } from 'node:crypto';
import type { Contact, Credentials } from '@portage/core';
import { xero } from '@portage/connector-xero';
import type { TransportRequest } from '@portage/fetch';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerLoss, startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import { xeroContactWrites } from '../src/platforms/xero/contact-writes.js';
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
  // Fresh: no token request is made.
  expiresAt: Date.now() + 30 * 60_000,
};

// Two fixture contacts are enough here (the sync tests page through all of them).
const state = { ...xeroState(), contacts: xeroState().contacts.slice(0, 2) };
const loss = createAnswerLoss();
let world: SpecSyncWorld;

beforeAll(async () => {
  world = await startSpecSyncWorld({
    platform: 'xero',
    connector: xero,
    credentials,
    tenant: TENANT,
    handlers: { ...xeroHandlers(state), ...xeroContactWrites(state) },
    transport: loss.wrap,
  });
});
afterAll(async () => world?.close());
beforeEach(() => world.server.clear());
// Every request the connector sent (JSON bodies included) and every answer conformed to the pinned spec.
afterEach(() => world.server.assertNoViolations());

const contactOf = (id: string | undefined) => state.contacts.find((contact) => contact.ContactID === id);
const isCreate = (request: TransportRequest) => request.method === 'PUT' && new URL(request.url).pathname.endsWith('/Contacts');

const tui: Contact = {
  id: 'crm-tui',
  name: 'Tui Bakery Ltd',
  status: 'active',
  email: 'orders@tui-bakery.example',
  phone: '09 555 0123',
  taxNumber: '987-654-321',
  address: { line1: 'PO Box 77', city: 'Auckland', postalCode: '1140', country: 'NZ' },
};

describe('xero: exporting unified contacts against the pinned Xero Accounting spec', () => {
  it('creates a contact with PUT /Contacts, updates it with POST /Contacts/{ContactID} after a sync, for the connection’s tenant', async () => {
    const created = await world.exportRecord({ entity: 'contacts', localKey: tui.id, record: tui });
    expect(created).toMatchObject({ status: 'created', externalId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Xero writes UpdatedDateUTC as a Microsoft JSON date ("/Date(ms+0000)/"): read as a time.
    expect(Number.isNaN(new Date(created.remoteUpdatedAt ?? 'missing').getTime())).toBe(false);

    const [create] = world.server.requests;
    expect(create?.operation).toBe('PUT /Contacts');
    expect(create?.headers['xero-tenant-id']).toBe(TENANT);
    expect(create?.headers['idempotency-key']).toMatch(/\S{16,}/);
    expect(create?.body).toEqual({
      Contacts: [
        {
          Name: 'Tui Bakery Ltd',
          ContactStatus: 'ACTIVE',
          EmailAddress: 'orders@tui-bakery.example',
          TaxNumber: '987-654-321',
          Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '09 555 0123' }],
          Addresses: [{ AddressType: 'POBOX', AddressLine1: 'PO Box 77', City: 'Auckland', PostalCode: '1140', Country: 'NZ' }],
        },
      ],
    });

    // The sync reads it back; the forward mapping round-trips what the export wrote.
    await world.sync('contacts');
    const synced = (await world.records('contacts')).find((record) => record.externalId === created.externalId);
    expect(synced?.data).toMatchObject({ name: tui.name, status: 'active', email: tui.email, phone: tui.phone, taxNumber: tui.taxNumber, address: tui.address });

    world.server.clear();
    const updated = await world.exportRecord({ entity: 'contacts', localKey: tui.id, record: { ...tui, email: 'accounts@tui-bakery.example', status: 'archived' } });
    expect(updated).toMatchObject({ status: 'updated', externalId: created.externalId });
    expect(world.server.requests.map((request) => request.operation)).toEqual(['GET /Contacts/{ContactID}', 'POST /Contacts/{ContactID}']);
    expect(contactOf(created.externalId)).toMatchObject({ Name: 'Tui Bakery Ltd', EmailAddress: 'accounts@tui-bakery.example', ContactStatus: 'ARCHIVED' });
    expect(state.contacts.filter((contact) => contact.Name === tui.name)).toHaveLength(1);
  });

  it('retries a create whose answer was lost with the same Idempotency-Key: one contact exists', async () => {
    const before = state.contacts.length;
    loss.loseNext(isCreate);
    const record: Contact = { id: 'crm-kea', name: 'Kea Outdoor Gear', status: 'active' };
    const result = await world.exportRecord({ entity: 'contacts', localKey: record.id, record });

    expect(result).toMatchObject({ status: 'created' });
    const puts = world.server.requests.filter((request) => request.operation === 'PUT /Contacts');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.headers['idempotency-key']).toBe(puts[0]?.headers['idempotency-key']);
    // Without the key the repeat would have been refused: contact names are unique in Xero.
    expect(puts.map((request) => request.status)).toEqual([200, 200]);
    expect(state.contacts.length).toBe(before + 1);
    expect(contactOf(result.externalId)?.Name).toBe('Kea Outdoor Gear');
  });
});
