// Scaffolded by portage generate (pre-filled: email, phone), then completed by hand.

import type { Address, Customer } from '@portage/core';
import type { CustomersCreateBody, CustomersUpdateBody } from '../generated/platform.js';

/** What both a create and an update of a Stripe customer take: one body serves both. */
export type CustomerBody = CustomersCreateBody & CustomersUpdateBody;

/**
 * Maps a unified Customer to the form body that creates or updates a Stripe customer. Stripe
 * keeps one free-form `name`: the first and last name joined (toCustomer splits it back at the
 * first space), else the company name. Only fields the record has are sent, so an update never
 * blanks what Stripe holds; the platform's id and timestamps are Stripe's own.
 *
 * @example fromCustomer({ id: 'c-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })
 * // { name: 'Ada Lovelace', email: 'ada@example.com' }
 */
export function fromCustomer(record: Customer): CustomerBody {
  const name = [record.firstName, record.lastName].filter(Boolean).join(' ') || record.companyName;
  return {
    ...(name ? { name } : {}),
    ...(record.email ? { email: record.email } : {}),
    ...(record.phone ? { phone: record.phone } : {}),
    ...(record.address ? { address: toStripeAddress(record.address) } : {}),
  };
}

function toStripeAddress(address: Address): Exclude<CustomerBody['address'], '' | undefined> {
  const fields = {
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.region,
    postal_code: address.postalCode,
    country: address.country,
  };
  // Absent parts stay absent: a form body cannot say `undefined`.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
