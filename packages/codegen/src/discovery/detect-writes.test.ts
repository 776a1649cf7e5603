import { describe, expect, it } from 'vitest';
import type { EntityWrites, JsonObject, OpenApiDocument } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { collectionPathOf } from './detect-writes.js';
import { discoverListEndpoints } from './discover-list-endpoints.js';

// Small spec constructs, each showing one signal write detection reads. The list endpoint is
// the first one discovered; `want` is its `writes` without the evidence lines.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const form = (schema: unknown) => ({ 'application/x-www-form-urlencoded': { schema } });
const ok = (schema: unknown, status = '200') => ({ [status]: { description: 'ok', content: json(schema) } });
const body = (content: JsonObject) => ({ requestBody: { content } });
const op = (operationId: string | undefined, extra: JsonObject = {}) => ({ ...(operationId ? { operationId } : {}), responses: ok(ref('Thing')), ...extra });
const list = (records = 'data') => ({ get: { responses: ok({ type: 'object', properties: { [records]: { type: 'array', items: ref('Thing') } } }) } });
const idParam = (name: string) => ({ parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }] });
const thingFields = { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } } };

const SCHEMAS: Record<string, JsonObject> = {
  Thing: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
  Things: { type: 'object', properties: { Things: { type: 'array', items: ref('Thing') } } },
};

function writesOf(paths: Record<string, JsonObject>): EntityWrites | undefined {
  const document: OpenApiDocument = { openapi: '3.0.3', info: { version: '1' }, paths, components: { schemas: SCHEMAS } };
  const [endpoint] = discoverListEndpoints(document, createSpecRefs(document));
  if (endpoint === undefined) throw new Error('no list endpoint discovered');
  return endpoint.writes;
}

const withoutEvidence = (writes: EntityWrites | undefined) => {
  if (writes === undefined) return undefined;
  const { evidence, ...rest } = writes;
  expect(evidence.length).toBeGreaterThan(0);
  return rest;
};

describe('detecting write operations of a list endpoint', () => {
  it.each<[string, Record<string, JsonObject>, Omit<EntityWrites, 'evidence'> | undefined]>([
    [
      'Stripe: POST on the collection and on the item path, form bodies, the record is the response',
      {
        '/v1/things': { ...list(), post: op('PostThings', body(form(thingFields))) },
        '/v1/things/{thing}': { ...idParam('thing'), get: op('GetThingsThing'), post: op('PostThingsThing', body(form(thingFields))) },
      },
      {
        create: { method: 'POST', path: '/v1/things', operationId: 'PostThings', mediaType: 'application/x-www-form-urlencoded', bodyFormat: 'form', bodyRecordPath: '', recordPath: '' },
        update: {
          method: 'POST',
          path: '/v1/things/{thing}',
          operationId: 'PostThingsThing',
          mediaType: 'application/x-www-form-urlencoded',
          bodyFormat: 'form',
          bodyRecordPath: '',
          recordPath: '',
          idParam: 'thing',
        },
        read: { path: '/v1/things/{thing}', operationId: 'GetThingsThing', idParam: 'thing', recordPath: '' },
      },
    ],
    [
      'Xero: PUT createThings beats POST updateOrCreateThings; bodies and responses wrap an array of records',
      {
        '/Things': {
          ...list('Things'),
          post: op('updateOrCreateThings', { ...body(json(ref('Things'))), responses: ok(ref('Things')) }),
          put: op('createThings', { ...body(json(ref('Things'))), responses: ok(ref('Things')) }),
        },
        '/Things/{ThingID}': {
          ...idParam('ThingID'),
          get: op('getThing', { responses: ok(ref('Things')) }),
          post: op('updateThing', { ...body(json(ref('Things'))), responses: ok(ref('Things')) }),
        },
      },
      {
        create: { method: 'PUT', path: '/Things', operationId: 'createThings', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'Things.0', recordPath: 'Things.0' },
        update: {
          method: 'POST',
          path: '/Things/{ThingID}',
          operationId: 'updateThing',
          mediaType: 'application/json',
          bodyFormat: 'json',
          bodyRecordPath: 'Things.0',
          recordPath: 'Things.0',
          idParam: 'ThingID',
        },
        read: { path: '/Things/{ThingID}', operationId: 'getThing', idParam: 'ThingID', recordPath: 'Things.0' },
      },
    ],
    [
      'Square: a POST search list writes on the collection without `/search`; the record is under its singular name',
      {
        '/v2/things/search': { post: { operationId: 'SearchThings', ...body(json({})), responses: ok({ type: 'object', properties: { things: { type: 'array', items: ref('Thing') } } }) } },
        '/v2/things': { post: op('CreateThing', { ...body(json({ type: 'object', properties: { thing: ref('Thing'), idempotency_key: { type: 'string' } } })), responses: ok({ type: 'object', properties: { thing: ref('Thing') } }) }) },
        '/v2/things/{thing_id}': { ...idParam('thing_id'), put: op('UpdateThing', { ...body(json({ type: 'object', properties: { thing: ref('Thing') } })), responses: ok({ type: 'object', properties: { thing: ref('Thing') } }) }) },
      },
      {
        create: { method: 'POST', path: '/v2/things', operationId: 'CreateThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'thing', recordPath: 'thing' },
        update: { method: 'PUT', path: '/v2/things/{thing_id}', operationId: 'UpdateThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'thing', recordPath: 'thing', idParam: 'thing_id' },
      },
    ],
    [
      'without operationId verbs an update is PATCH before PUT before POST; a JSON body is preferred over a form one',
      {
        '/things': { ...list() },
        '/things/{id}': {
          ...idParam('id'),
          post: op(undefined, body(json(thingFields))),
          put: op(undefined, body(json(thingFields))),
          patch: op(undefined, body({ ...form(thingFields), ...json(thingFields) })),
        },
      },
      { update: { method: 'PATCH', path: '/things/{id}', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: '', recordPath: '', idParam: 'id' } },
    ],
    [
      'an operationId starting with update wins over the method; delete, search and other verbs are never writes',
      {
        '/things': { ...list(), post: op('searchThings', body(json(thingFields))) },
        '/things/{id}': { ...idParam('id'), patch: op('archiveThing', body(json(thingFields))), post: op('updateThing', body(json(thingFields))), put: op('deleteThing', body(json(thingFields))) },
      },
      { update: { method: 'POST', path: '/things/{id}', operationId: 'updateThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: '', recordPath: '', idParam: 'id' } },
    ],
    [
      'an Idempotency-Key header parameter (here on the path item) is the idempotency header',
      {
        '/things': {
          ...list(),
          parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          post: op('createThing', body(json(thingFields))),
        },
      },
      {
        create: { method: 'POST', path: '/things', operationId: 'createThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: '', recordPath: '' },
        idempotencyHeader: 'Idempotency-Key',
      },
    ],
    [
      'Shopify: `/things/{id}.json` is the item path of `/things.json`; a write without a JSON or form body is passed over',
      {
        '/things.json': { ...list('things'), post: op('createThing', body({ 'multipart/form-data': { schema: thingFields } })) },
        '/things/{thing_id}.json': { ...idParam('thing_id'), put: op('updateThing', body(json({ type: 'object', properties: { thing: ref('Thing') } }))) },
      },
      { update: { method: 'PUT', path: '/things/{thing_id}.json', operationId: 'updateThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'thing', recordPath: '', idParam: 'thing_id' } },
    ],
    ['a response without the record: no record path', { '/things': { ...list(), post: { operationId: 'createThing', ...body(json(thingFields)), responses: { '204': { description: 'none' } } } } }, {
      create: { method: 'POST', path: '/things', operationId: 'createThing', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: '' },
    }],
    ['a read alone is not an export', { '/things': list(), '/things/{id}': { ...idParam('id'), get: op('getThing') } }, undefined],
    ['no write operation at all', { '/things': list() }, undefined],
  ])('%s', (_name, paths, want) => {
    expect(withoutEvidence(writesOf(paths))).toEqual(want);
  });

  it('says why in one line per operation used or passed over', () => {
    const writes = writesOf({
      '/Things': {
        ...list('Things'),
        post: op('updateOrCreateThings', body(json(ref('Things')))),
        put: op('createThings', { ...body(json(ref('Things'))), responses: ok(ref('Things')) }),
      },
      '/Things/{ThingID}': { ...idParam('ThingID'), get: op('getThing', { responses: ok(ref('Things')) }), patch: op('updateThing', body({ 'text/xml': { schema: {} } })) },
    });
    expect(writes?.evidence).toEqual([
      'create: PUT /Things (createThings) takes a json body with the record at `Things.0`, answers the record at `Things.0`',
      'create: also on the collection: POST /Things (updateOrCreateThings)',
      'update: passed over PATCH /Things/{ThingID} (updateThing): no JSON or form-urlencoded body',
      'read: GET /Things/{ThingID} (getThing), answers the record at `Things.0`',
      'no idempotency header declared',
    ]);
  });

  it.each([
    ['{issue_number} beside the record id `id`', '/issues', 'issue_number', true],
    ['{customer} of /customers', '/customers', 'customer', false],
    ['{customer_id} of /customers', '/customers', 'customer_id', false],
    ['{intent} of /payment_intents', '/payment_intents', 'intent', false],
    ['{id}', '/things', 'id', false],
  ])('warns when the item path parameter may not be the record id: %s', (_name, collection, param, warns) => {
    const writes = writesOf({
      [collection]: list(),
      [`${collection}/{${param}}`]: { ...idParam(param), patch: op('updateThing', body(json(thingFields))) },
    });
    expect(writes?.evidence.some((line) => line.startsWith(`the item path takes \`${param}\``))).toBe(warns);
  });
});

describe('collectionPathOf', () => {
  it.each([
    ['/v1/customers', '/v1/customers'],
    ['/v2/orders/search', '/v2/orders'],
    ['/v2/catalog/list', '/v2/catalog'],
    ['/things:search', '/things'],
    ['/search', '/search'],
    ['/v1/customers/search_results', '/v1/customers/search_results'],
  ])('%s -> %s', (path, collection) => {
    expect(collectionPathOf(path)).toBe(collection);
  });
});
