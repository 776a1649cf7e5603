// Scaffolded by portage generate (pre-filled: Name, TaxNumber), then completed by hand.

import type { Address, Contact } from '@portage/core';
import type { ContactsCreateBody, Xero } from '../generated/platform.js';

const STATUS: Partial<Record<Contact['status'], Xero['Contact']['ContactStatus']>> = { active: 'ACTIVE', archived: 'ARCHIVED' };

/**
 * Maps a unified Contact to the body that creates or updates one Xero contact: Xero takes a
 * list, `{ Contacts: [ ... ] }`. The phone goes in as the DEFAULT phone and the address as the
 * POBOX one, the two toContact reads first. Fields the record lacks are left out so an update
 * keeps what Xero holds; the default currency is left to Xero, which accepts only currencies
 * the organisation has enabled.
 *
 * @example fromContact({ id: 'c-1', name: 'Acme Ltd', status: 'active' }) // { Contacts: [{ Name: 'Acme Ltd', ContactStatus: 'ACTIVE' }] }
 */
export function fromContact(record: Contact): ContactsCreateBody {
  const status = STATUS[record.status];
  return {
    Contacts: [
      {
        Name: record.name,
        ...(status ? { ContactStatus: status } : {}),
        ...(record.email ? { EmailAddress: record.email } : {}),
        ...(record.taxNumber ? { TaxNumber: record.taxNumber } : {}),
        ...(record.phone ? { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: record.phone }] } : {}),
        ...(record.address ? { Addresses: [toXeroAddress(record.address)] } : {}),
      },
    ],
  };
}

function toXeroAddress(address: Address): Xero['Address'] {
  const fields = { AddressLine1: address.line1, AddressLine2: address.line2, City: address.city, Region: address.region, PostalCode: address.postalCode, Country: address.country };
  // Absent parts stay out of the JSON body rather than being sent as null.
  return { AddressType: 'POBOX', ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
}
