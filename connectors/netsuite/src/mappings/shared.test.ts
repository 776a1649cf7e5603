import { describe, expect, it } from 'vitest';
import { address, currencyOf, money } from './shared.js';

describe('NetSuite money, currency and addresses', () => {
  it('converts exact decimal text, rounding extra rate decimals half away from zero', () => {
    expect(money('1234.10', 'USD')).toEqual({ amount: 123410, currency: 'USD' });
    expect(money('19.995', 'USD')).toEqual({ amount: 2000, currency: 'USD' });
    expect(money('19.9949', 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(money('-0.125', 'EUR')).toEqual({ amount: -13, currency: 'EUR' });
    expect(money('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(money(3, 'USD')).toEqual({ amount: 300, currency: 'USD' });
  });

  it('resolves currency names: configured, NetSuite defaults, ISO codes, then the default for records without one', () => {
    expect(currencyOf({ name: 'Dollar (AU)', attributes: { internalId: '7' } }, undefined, { names: { 'Dollar (AU)': 'AUD' } })).toBe('AUD');
    expect(currencyOf({ name: 'renamed', attributes: { internalId: '7' } }, undefined, { names: { '7': 'NZD' } })).toBe('NZD');
    expect(currencyOf({ name: 'USA' }, undefined, {})).toBe('USD');
    expect(currencyOf(undefined, 'British pound', {})).toBe('GBP');
    expect(currencyOf({ name: 'CHF' }, undefined, {})).toBe('CHF');
    expect(currencyOf(undefined, undefined, { default: 'USD' })).toBe('USD');
    expect(() => currencyOf({ name: 'Peso' }, undefined, { default: 'USD' })).toThrow(/"Peso" has no ISO code: add it to the connector's currencies\.names/);
    expect(() => currencyOf(undefined, undefined, {})).toThrow(/currencies\.default/);
  });

  it('maps addresses with NetSuite country names to alpha-2 codes', () => {
    expect(address({ addr1: '1 Main', addr2: 'Unit 2', city: 'Leeds', zip: 'LS1', country: '_unitedKingdom' })).toEqual({ line1: '1 Main', line2: 'Unit 2', city: 'Leeds', postalCode: 'LS1', country: 'GB' });
    expect(address({ country: '_germany' })).toEqual({ country: 'DE' });
    expect(address({})).toBeUndefined();
  });
});

describe('NetSuite countries', () => {
  it('map common country names to their current codes; a name Intl spells otherwise gives no country', () => {
    const expected: Record<string, string> = { _unitedStates: 'US', _unitedKingdom: 'GB', _germany: 'DE', _france: 'FR', _canada: 'CA', _australia: 'AU', _japan: 'JP', _netherlands: 'NL', _newZealand: 'NZ', _southAfrica: 'ZA', _serbia: 'RS', _russianFederation: undefined as never };
    for (const [name, code] of Object.entries(expected)) expect(address({ country: name as never })?.country, name).toBe(code);
  });
});
