import type { Address, Contact } from '@portage/core';
import type { ContactsRecord, Xero } from '../generated/platform.js';
import { need, opt, xeroDateTime } from './shared.js';

// GDPRREQUEST (being erased at the contact's request) has no unified equivalent: `other`.
const STATUS: Record<string, Contact['status']> = { ACTIVE: 'active', ARCHIVED: 'archived' };

/** Maps one `contacts` record to a unified Contact. */
export function toContact(raw: ContactsRecord): Contact {
  // Xero sends every phone and address type, mostly empty: the default phone first, the postal address first.
  const phones = (raw.Phones ?? []).filter((phone) => phone.PhoneNumber);
  const phone = phones.find((candidate) => candidate.PhoneType === 'DEFAULT') ?? phones[0];
  const byType = (type: string) => toAddress(raw.Addresses?.find((address) => address.AddressType === type));
  return {
    id: need(raw.ContactID, 'ContactID'),
    updatedAt: opt(raw.UpdatedDateUTC, xeroDateTime),
    name: need(raw.Name, 'Name'),
    status: STATUS[raw.ContactStatus ?? ''] ?? 'other',
    isCustomer: raw.IsCustomer,
    isSupplier: raw.IsSupplier,
    email: raw.EmailAddress || undefined,
    phone: phone && [phone.PhoneCountryCode, phone.PhoneAreaCode, phone.PhoneNumber].filter(Boolean).join(' '),
    taxNumber: raw.TaxNumber || undefined,
    currency: raw.DefaultCurrency || undefined,
    address: byType('POBOX') ?? byType('STREET'),
  };
}

function toAddress(address: Xero['Address'] | undefined): Address | undefined {
  if (!address) return undefined;
  const country = address.Country?.trim().toUpperCase();
  const mapped: Address = {
    line1: address.AddressLine1 || undefined,
    line2: [address.AddressLine2, address.AddressLine3, address.AddressLine4].filter(Boolean).join(', ') || undefined,
    city: address.City || undefined,
    region: address.Region || undefined,
    postalCode: address.PostalCode || undefined,
    // Xero's Country is free text ("New Zealand"); only a two-letter code fits the unified field.
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
  return Object.values(mapped).some(Boolean) ? mapped : undefined;
}
