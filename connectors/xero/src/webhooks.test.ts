import { webhookEntitiesFor } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { xero } from './connector.js';
import { xeroWebhooks } from './webhooks.js';

describe('xero webhooks', () => {
  it('is the connector declaration: x-xero-signature, base64 HMAC, batches under events', () => {
    expect(xero.webhooks).toEqual(xeroWebhooks);
    expect(xeroWebhooks.signature).toEqual({ scheme: 'hmac-sha256-base64', header: 'x-xero-signature' });
    expect(xeroWebhooks.eventsPath).toBe('events');
    expect(xeroWebhooks.typePath).toBe('eventCategory');
  });

  it.each([
    ['CONTACT', ['contacts']],
    ['INVOICE', ['invoices']],
    ['SUBSCRIPTION', []],
  ])('routes %s events to %j', (category, entities) => {
    expect(webhookEntitiesFor(xeroWebhooks, category)).toEqual(entities);
  });
});
