import { createHash } from 'node:crypto';
import { defineWebhooks } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { readWebhookEvents } from './read-webhook-events.js';

const single = defineWebhooks({
  signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Sig' },
  idPaths: ['id'],
  typePath: 'type',
  routes: [
    { match: 'customer.subscription.*', entities: [] },
    { match: 'customer.*', entities: ['customers'] },
    { match: 'invoice.*', entities: ['invoices'] },
  ],
});

const batched = defineWebhooks({
  signature: { scheme: 'hmac-sha256-base64', header: 'X-Sig' },
  eventsPath: 'events',
  idPaths: ['resourceId', 'eventDateUtc'],
  typePath: 'eventCategory',
  routes: [
    { match: 'CONTACT', entities: ['contacts'] },
    { match: 'INVOICE', entities: ['invoices'] },
  ],
});

const read = (webhooks: typeof single, payload: unknown) => readWebhookEvents(webhooks, payload, Buffer.from(JSON.stringify(payload)));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('readWebhookEvents', () => {
  it('reads a single event: its id, type and routed entity', () => {
    expect(read(single, { id: 'evt_1', type: 'customer.updated' })).toEqual({ eventId: 'evt_1', eventType: 'customer.updated', entities: ['customers'], count: 1 });
  });

  it('routes an unknown or excluded type to no entity', () => {
    expect(read(single, { id: 'evt_2', type: 'payout.paid' })?.entities).toEqual([]);
    expect(read(single, { id: 'evt_3', type: 'customer.subscription.created' })?.entities).toEqual([]);
  });

  it('reads a batch: the entities of all its events once each, an id independent of event order', () => {
    const events = [
      { resourceId: 'c1', eventDateUtc: '2026-05-01T10:00:00', eventCategory: 'CONTACT' },
      { resourceId: 'i1', eventDateUtc: '2026-05-01T10:00:01', eventCategory: 'INVOICE' },
      { resourceId: 'c2', eventDateUtc: '2026-05-01T10:00:02', eventCategory: 'CONTACT' },
    ];
    const first = read(batched, { events, entropy: 'A' });
    expect(first).toEqual({
      eventId: `batch:${sha256(['c1:2026-05-01T10:00:00', 'c2:2026-05-01T10:00:02', 'i1:2026-05-01T10:00:01'].join('\n'))}`,
      eventType: 'CONTACT,INVOICE',
      entities: ['contacts', 'invoices'],
      count: 3,
    });
    // The same events redelivered in another order, with other batch fields, are the same delivery.
    expect(read(batched, { events: [...events].reverse(), entropy: 'B' })?.eventId).toBe(first?.eventId);
  });

  it('uses the composite id of a batch of one', () => {
    expect(read(batched, { events: [{ resourceId: 'c1', eventDateUtc: 'd', eventCategory: 'CONTACT' }] })?.eventId).toBe('c1:d');
  });

  it('falls back to a hash of the raw body when an event lacks its id', () => {
    const payload = { type: 'customer.updated' };
    expect(read(single, payload)?.eventId).toBe(`body:${sha256(JSON.stringify(payload))}`);
  });

  it('has nothing to store for an empty batch (a handshake)', () => {
    expect(read(batched, { events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'X' })).toBeUndefined();
  });

  it.each([
    ['no event array', { events: 'none' }],
    ['an event that is not an object', { events: [42] }],
  ])('rejects %s as MALFORMED_RESPONSE', (_label, payload) => {
    expect(() => read(batched, payload)).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
  });
});
