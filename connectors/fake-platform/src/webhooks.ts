import { defineWebhooks } from '@portage/core';

/**
 * The fake platform's webhooks: one event per delivery (`{ id, type, data }`), signed in
 * `X-Fake-Signature` as `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`. Its records are read as
 * both customers and payments, so the event type says which view changed.
 *
 * @example webhookEntitiesFor(fakePlatformWebhooks, 'customer.updated'); // ['customers']
 */
export const fakePlatformWebhooks = defineWebhooks({
  signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Fake-Signature', toleranceSeconds: 300 },
  idPaths: ['id'],
  typePath: 'type',
  routes: [
    { match: 'customer.*', entities: ['customers'] },
    { match: 'payment.*', entities: ['payments'] },
  ],
});
