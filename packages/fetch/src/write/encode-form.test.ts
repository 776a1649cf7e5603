import { describe, expect, it } from 'vitest';
import { encodeForm } from './encode-form.js';

describe('encodeForm', () => {
  it.each([
    ['flat fields', { email: 'a@example.test', limit: 3, live: true }, 'email=a%40example.test&limit=3&live=true'],
    ['nested objects as bracketed keys', { metadata: { plan: 'pro', 'portage key': 'k1' } }, 'metadata%5Bplan%5D=pro&metadata%5Bportage+key%5D=k1'],
    ['arrays with indexes, objects inside', { items: [{ price: 'p1', quantity: 2 }, { price: 'p2' }] }, 'items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=p2'],
    ['null as an empty value, undefined left out', { description: null, phone: undefined }, 'description='],
    ['nothing at all', undefined, ''],
  ])('%s', (_label, value, expected) => {
    expect(encodeForm(value)).toBe(expected);
  });

  it('refuses what a form cannot carry, naming the field', () => {
    expect(() => encodeForm(['a'])).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => encodeForm({ on: () => 1 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', context: { fieldPath: 'on' } }));
  });
});
