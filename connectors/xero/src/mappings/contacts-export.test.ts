import type { Contact } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { fromContact } from './contacts-export.js';

describe('fromContact', () => {
  it.each<[string, Contact, unknown]>([
    [
      'one contact in the Contacts list: status in Xero terms, DEFAULT phone, POBOX address',
      { id: 'c-1', name: 'Tui Bakery Ltd', status: 'archived', email: 'orders@tui.example', phone: '09 555 0123', taxNumber: '987', address: { line1: 'PO Box 77', country: 'NZ' } },
      {
        Contacts: [
          {
            Name: 'Tui Bakery Ltd',
            ContactStatus: 'ARCHIVED',
            EmailAddress: 'orders@tui.example',
            TaxNumber: '987',
            Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '09 555 0123' }],
            Addresses: [{ AddressType: 'POBOX', AddressLine1: 'PO Box 77', Country: 'NZ' }],
          },
        ],
      },
    ],
    // `other` has no Xero status to send; Xero keeps its own. The currency stays Xero's too.
    ['only the name for a bare contact', { id: 'c-2', name: 'Kea Gear', status: 'other', currency: 'NZD' }, { Contacts: [{ Name: 'Kea Gear' }] }],
  ])('%s', (_name, contact, body) => {
    expect(fromContact(contact)).toEqual(body);
  });
});
