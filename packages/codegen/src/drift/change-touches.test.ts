import { defineConnector, defineEntity } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { Surface, SurfaceField, SurfaceOperation } from '../model.js';
import { changeTouches } from './change-touches.js';
import { connectorUsage, contractParametersOf } from './connector-usage.js';
import { diffSurfaces } from './diff-surfaces.js';

const f = (path: string, type: SurfaceField['type'], extra: Partial<SurfaceField> = {}): SurfaceField => ({ path, type, required: true, nullable: false, ...extra });
const list = (extra: Partial<SurfaceOperation> = {}): SurfaceOperation => ({
  key: 'GET /orders',
  method: 'GET',
  path: '/orders',
  parameters: [
    { in: 'query', name: 'cursor', required: false, type: 'string' },
    { in: 'query', name: 'status', required: false, type: 'string' },
  ],
  responses: { 200: { contentType: 'application/json', schema: [f('data', 'array'), f('data[]', 'object', { ref: 'Order' }), f('next', 'string'), f('count', 'integer')] } },
  ...extra,
});
const other: SurfaceOperation = { key: 'GET /refunds', method: 'GET', path: '/refunds', parameters: [], responses: { 200: { contentType: 'application/json', schema: 'Order' } } };
const surface = (ops: SurfaceOperation[], order: SurfaceField[]): Surface => ({ surfaceVersion: 1, platform: 'acme', format: 'openapi-3.0', operations: ops, schemas: { Order: order } });

const connector = defineConnector({
  name: 'acme',
  baseUrl: 'https://api.acme.test',
  auth: { type: 'bearer' },
  entities: {
    orders: defineEntity({
      unified: 'Customer',
      request: { path: '/orders' },
      recordsPath: 'data',
      pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'query', name: 'cursor' } },
      primaryKey: 'id',
      map: function toCustomer(raw: { id: string }) {
        return { id: raw.id };
      },
    }),
  },
});
const order = [f('id', 'string'), f('note', 'string')];
const touches = (base: Surface, revision: Surface) => {
  const usages = connectorUsage(connector);
  return changeTouches(diffSurfaces(base, revision, { contractParameters: contractParametersOf(usages) }), usages, base).map((t) => `${t.entity} ${t.via} ${t.change.id} ${t.change.location}: ${t.detail}`);
};

describe('connectorUsage', () => {
  it('lists the operation, what the requests send and what the config reads', () => {
    expect(connectorUsage(connector)).toEqual([
      {
        entity: 'orders',
        method: 'GET',
        path: '/orders',
        operation: 'GET /orders',
        sends: [{ in: 'query', name: 'cursor', purpose: 'pagination' }],
        reads: [
          { from: 'envelope', path: 'data', purpose: 'records' },
          { from: 'envelope', path: 'next', purpose: 'pagination' },
          { from: 'record', path: 'id', purpose: 'primary-key' },
        ],
        recordsPath: 'data',
        mappers: ['toCustomer'],
      },
    ]);
  });
});

describe('changeTouches', () => {
  it('a removed operation touches the entity calling it; one it does not call touches nothing', () => {
    expect(touches(surface([list(), other], order), surface([], order))).toEqual(['orders operation operation-removed : its operation GET /orders']);
  });

  it('a parameter it pages with is contract; one it never sends is not its concern', () => {
    const revision = list({ parameters: [{ in: 'query', name: 'cursor', required: false, type: 'integer' }] });
    expect(touches(surface([list()], order), surface([revision], order))).toEqual(['orders parameter pagination-parameter-changed query:cursor: sends query cursor (pagination)']);
  });

  it('a new required parameter it does not send touches it', () => {
    const revision = list({ parameters: [...list().parameters, { in: 'query', name: 'account', required: true, type: 'string' }] });
    expect(touches(surface([list()], order), surface([revision], order))).toEqual(['orders parameter parameter-added-required query:account: does not send query account']);
  });

  it('response paths its config reads (cursor, records, primary key) touch it; others wait for the type check', () => {
    const revision = list({ responses: { 200: { contentType: 'application/json', schema: [f('data', 'array'), f('data[]', 'object', { ref: 'Order' }), f('count', 'integer', { required: false })] } } });
    expect(touches(surface([list()], order), surface([revision], [f('id', 'string', { required: false }), f('note', 'string', { required: false })]))).toEqual([
      'orders response response-field-removed next: reads next (pagination)',
      'orders response response-field-became-optional id: reads id (primary-key)',
    ]);
  });
});
