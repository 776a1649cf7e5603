import { webhookEntitiesFor } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { stripe } from './connector.js';
import { stripeWebhooks } from './webhooks.js';

describe('stripe webhooks', () => {
  it('is the connector declaration: Stripe-Signature, timestamped HMAC, one event per delivery keyed by its id', () => {
    expect(stripe.webhooks).toEqual(stripeWebhooks);
    expect(stripeWebhooks.signature).toEqual({ scheme: 'hmac-sha256-timestamped', header: 'Stripe-Signature', toleranceSeconds: 300 });
    expect(stripeWebhooks.eventsPath).toBeUndefined();
    expect(stripeWebhooks.idPaths).toEqual(['id']);
  });

  it.each([
    ['customer.updated', ['customers']],
    ['customer.deleted', ['customers']],
    ['customer.subscription.updated', []],
    ['invoice.paid', ['invoices']],
    ['charge.refunded', ['charges']],
    ['product.created', ['products']],
    ['price.updated', ['prices']],
    ['payout.paid', []],
  ])('routes %s to %j', (type, entities) => {
    expect(webhookEntitiesFor(stripeWebhooks, type)).toEqual(entities);
  });
});
