import { webhookEntitiesFor } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { createFakePlatformConnector } from './fake-platform-connector.js';
import { fakePlatformWebhooks } from './webhooks.js';

describe('fake platform webhooks', () => {
  it('is declared by every connector instance, whatever its base URL', () => {
    expect(createFakePlatformConnector('http://127.0.0.1:1234').webhooks).toEqual(fakePlatformWebhooks);
    expect(fakePlatformWebhooks.signature.scheme).toBe('hmac-sha256-timestamped');
  });

  it('routes customer and payment events to their entity', () => {
    expect(webhookEntitiesFor(fakePlatformWebhooks, 'customer.updated')).toEqual(['customers']);
    expect(webhookEntitiesFor(fakePlatformWebhooks, 'payment.updated')).toEqual(['payments']);
    expect(webhookEntitiesFor(fakePlatformWebhooks, 'record.updated')).toEqual([]);
  });
});
