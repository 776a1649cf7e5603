import { describe, expect, it } from 'vitest';
import { defineConnector } from './define-connector.js';
import { defineEntity } from './define-entity.js';
import { defineWebhooks, webhookEntitiesFor, type WebhooksConfig } from './define-webhooks.js';

const customers = defineEntity<{ id: string }, 'Customer'>({
  unified: 'Customer',
  request: { path: '/customers' },
  recordsPath: 'data',
  pagination: { type: 'none' },
  primaryKey: 'id',
  map: (raw) => ({ id: raw.id }),
});

const webhooks: WebhooksConfig = {
  signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Signature' },
  idPaths: ['id'],
  typePath: 'type',
  routes: [
    { match: 'customer.subscription.*', entities: [] },
    { match: 'customer.*', entities: ['customers'] },
    { match: 'ping', entities: [] },
  ],
};

describe('defineWebhooks', () => {
  it('fills the default tolerance of the timestamped scheme', () => {
    const defined = defineWebhooks(webhooks);
    expect(defined.signature).toEqual({ scheme: 'hmac-sha256-timestamped', header: 'X-Signature', toleranceSeconds: 300 });
  });

  it.each([
    ['an unknown scheme', { signature: { scheme: 'md5', header: 'X-Signature' } }, 'signature.scheme'],
    ['a header name with a space', { signature: { scheme: 'hmac-sha256-base64', header: 'X Signature' } }, 'signature.header'],
    ['no id path', { idPaths: [] }, 'idPaths'],
    ['a star inside a pattern', { routes: [{ match: 'customer.*.created', entities: [] }] }, 'routes.0.match'],
    ['no routes', { routes: [] }, 'routes'],
  ])('rejects %s, naming the field', (_label, patch, field) => {
    const config = { ...webhooks, ...patch } as unknown as WebhooksConfig;
    expect(() => defineWebhooks(config)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(field) }));
  });
});

describe('webhookEntitiesFor', () => {
  const defined = defineWebhooks(webhooks);

  it('takes the first matching route: exact types and prefixes', () => {
    expect(webhookEntitiesFor(defined, 'customer.updated')).toEqual(['customers']);
    expect(webhookEntitiesFor(defined, 'customer.subscription.created')).toEqual([]);
    expect(webhookEntitiesFor(defined, 'ping')).toEqual([]);
  });

  it('routes an unknown type nowhere', () => {
    expect(webhookEntitiesFor(defined, 'payout.paid')).toEqual([]);
    expect(webhookEntitiesFor(defined, 'customer')).toEqual([]);
  });
});

describe('defineConnector with webhooks', () => {
  const base = { name: 'shop', baseUrl: 'https://shop.test', auth: { type: 'none' as const }, entities: { customers } };

  it('keeps the validated declaration', () => {
    const connector = defineConnector({ ...base, webhooks });
    expect(connector.webhooks?.routes).toHaveLength(3);
    expect(connector.webhooks?.signature.scheme).toBe('hmac-sha256-timestamped');
  });

  it('rejects a route to an entity the connector does not have', () => {
    const broken = { ...webhooks, routes: [{ match: 'order.*', entities: ['orders'] }] };
    expect(() => defineConnector({ ...base, webhooks: broken })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('webhooks.routes.0.entities: connector "shop" has no entity "orders"') }),
    );
  });

  it('rejects an invalid declaration, naming the field under webhooks', () => {
    const broken = { ...webhooks, typePath: '' };
    expect(() => defineConnector({ ...base, webhooks: broken })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('webhooks.typePath') }));
  });
});
