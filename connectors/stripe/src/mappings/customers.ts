import type { Address, Customer } from '@portage/core';
import type { CustomersRecord, Stripe } from '../generated/platform.js';
import { isoTime } from './shared.js';

/** Maps one Stripe customer to a unified Customer. */
export function toCustomer(raw: CustomersRecord): Customer {
  // Stripe keeps one free-form `name`: its first word becomes the first name, the rest the last.
  const [firstName, ...rest] = (raw.name ?? '').trim().split(/\s+/);
  return {
    id: raw.id,
    email: raw.email,
    phone: raw.phone,
    firstName: firstName || undefined,
    lastName: rest.join(' ') || undefined,
    address: raw.address ? toAddress(raw.address) : undefined,
    createdAt: isoTime(raw.created),
  };
}

function toAddress(address: Stripe['address']): Address {
  return {
    line1: address.line1 ?? undefined,
    line2: address.line2 ?? undefined,
    city: address.city ?? undefined,
    region: address.state ?? undefined,
    postalCode: address.postal_code ?? undefined,
    country: address.country?.toUpperCase(),
  };
}
