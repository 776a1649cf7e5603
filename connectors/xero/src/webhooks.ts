import { defineWebhooks } from '@portage/core';

/**
 * Xero's webhooks: a delivery is a batch `{ events: [...], firstEventSequence,
 * lastEventSequence, entropy }` whose events name a changed resource (`resourceId`,
 * `eventCategory` CONTACT or INVOICE, `eventType`, `eventDateUtc`) but carry no event id of
 * their own, so the resource, time and type together identify one. The `x-xero-signature`
 * header is the base64 HMAC-SHA256 of the body with the app's webhook key. Xero first sends
 * an empty batch (intent to receive) and expects 200 when signed correctly, 401 otherwise.
 *
 * @example webhookEntitiesFor(xeroWebhooks, 'CONTACT'); // ['contacts']
 */
export const xeroWebhooks = defineWebhooks({
  signature: { scheme: 'hmac-sha256-base64', header: 'x-xero-signature' },
  eventsPath: 'events',
  idPaths: ['resourceId', 'eventDateUtc', 'eventType'],
  typePath: 'eventCategory',
  routes: [
    { match: 'CONTACT', entities: ['contacts'] },
    { match: 'INVOICE', entities: ['invoices'] },
  ],
});
