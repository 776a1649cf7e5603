import { defineWebhooks } from '@portage/core';

/**
 * Stripe's webhooks: one event per delivery (`{ id, type, data: { object } }`), signed in the
 * `Stripe-Signature` header as `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` with the endpoint's
 * signing secret (several `v1` while a secret rolls). Each event type's prefix names the
 * object it is about, which maps to the entity to sync. Subscription events also start with
 * `customer.` but are about subscriptions, which this connector does not read.
 *
 * @example webhookEntitiesFor(stripeWebhooks, 'invoice.paid'); // ['invoices']
 */
export const stripeWebhooks = defineWebhooks({
  signature: { scheme: 'hmac-sha256-timestamped', header: 'Stripe-Signature', toleranceSeconds: 300 },
  idPaths: ['id'],
  typePath: 'type',
  routes: [
    { match: 'customer.subscription.*', entities: [] },
    { match: 'customer.*', entities: ['customers'] },
    { match: 'invoice.*', entities: ['invoices'] },
    { match: 'charge.*', entities: ['charges'] },
    { match: 'product.*', entities: ['products'] },
    { match: 'price.*', entities: ['prices'] },
  ],
});
