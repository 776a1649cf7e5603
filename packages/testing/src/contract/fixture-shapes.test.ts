import { describe, expect, it } from 'vitest';
import { FIXTURE_FORMAT, type LoadedFixture } from '../fixture/fixture.js';
import { compareFixtureShapes, fixtureShape } from './fixture-shapes.js';

const recording = (scenario: string, ...bodies: unknown[]): LoadedFixture => ({
  format: FIXTURE_FORMAT,
  connector: 'shop',
  scenario,
  recordedAt: '2026-11-01T00:00:00.000Z',
  exchanges: bodies.map((json) => ({ request: { method: 'GET', url: `https://api.shop.test/${scenario}`, headers: {} }, response: { status: 200, headers: {}, json } })),
});

describe('fixtureShape', () => {
  it('collects every field path with the types seen, array items as []', () => {
    const shape = fixtureShape(recording('items', { data: [{ id: 'a', amount: 1, note: null }, { id: 'b', amount: 2, note: 'x' }], has_more: false }));
    expect(Object.fromEntries([...shape].map(([path, types]) => [path, [...types].sort()]))).toEqual({
      data: ['array'],
      'data[]': ['object'],
      'data[].id': ['string'],
      'data[].amount': ['number'],
      'data[].note': ['null', 'string'],
      has_more: ['boolean'],
    });
  });
});

describe('compareFixtureShapes', () => {
  const committed = [recording('items', { data: [{ id: 'a', amount: 1, fee: 3, note: 'x' }] }), recording('only-old', { data: [] })];

  it('reports new, missing and retyped fields; null alone is not a retype; unmatched scenarios are skipped', () => {
    const fresh = [recording('items', { data: [{ id: 'a', amount: '1.00', note: null, currency: 'usd' }] }), recording('only-new', { data: [] })];
    expect(compareFixtureShapes(committed, fresh)).toEqual([
      { scenario: 'items', path: 'data[].amount', change: 'retyped', was: ['number'], now: ['string'] },
      { scenario: 'items', path: 'data[].currency', change: 'new', now: ['string'] },
      { scenario: 'items', path: 'data[].fee', change: 'missing', was: ['number'] },
    ]);
  });

  it('finds nothing when the platform still answers in the same shape', () => {
    expect(compareFixtureShapes(committed, [recording('items', { data: [{ id: 'z', amount: 9, fee: 0, note: 'y' }] })])).toEqual([]);
  });
});
