import { describe, expect, it } from 'vitest';
import { money, need, opt, sideOf, xeroDate, xeroDateTime } from './shared.js';

describe('xero mapping helpers', () => {
  it('reads Xero JSON timestamps, with or without an offset, and ISO ones as UTC', () => {
    expect(xeroDateTime('/Date(1573755038314+0000)/')).toBe('2019-11-14T18:10:38.314Z');
    // The offset says where the organisation is; the epoch milliseconds already fix the instant.
    expect(xeroDateTime('/Date(1573755038314+1300)/')).toBe('2019-11-14T18:10:38.314Z');
    expect(xeroDateTime('/Date(1573755038314)/')).toBe('2019-11-14T18:10:38.314Z');
    expect(xeroDateTime('2019-11-14T18:10:38')).toBe('2019-11-14T18:10:38.000Z');
    expect(xeroDateTime('2019-11-14T18:10:38+02:00')).toBe('2019-11-14T16:10:38.000Z');
    expect(() => xeroDateTime('last Tuesday')).toThrow(/not a Xero date/);
  });

  it('reads Xero calendar dates in both forms', () => {
    expect(xeroDate('2019-11-14')).toBe('2019-11-14');
    expect(xeroDate('2019-11-14T00:00:00')).toBe('2019-11-14');
    expect(xeroDate('/Date(1573689600000+0000)/')).toBe('2019-11-14');
    expect(() => xeroDate('14/11/2019')).toThrow(/not a Xero date/);
  });

  it('converts decimal amounts exactly, without float noise', () => {
    expect(money(0.1 + 0.2, 'NZD')).toEqual({ amount: 30, currency: 'NZD' });
    expect(money(1234.5, 'USD')).toEqual({ amount: 123450, currency: 'USD' });
    expect(money(-19.99, 'AUD')).toEqual({ amount: -1999, currency: 'AUD' });
    expect(money(15000, 'JPY')).toEqual({ amount: 15000, currency: 'JPY' });
    expect(money(1.005, 'KWD')).toEqual({ amount: 1005, currency: 'KWD' });
    // A 4-place unit price cannot be a USD amount: refused, never rounded.
    expect(() => money(12.3456, 'USD')).toThrow(/decimal places/);
    expect(() => money(10, '')).toThrow(/ISO 4217/);
  });

  it('tells payable from receivable types and refuses unknown ones', () => {
    expect(['ACCPAY', 'ACCPAYCREDIT', 'APCREDITPAYMENT', 'ACCPAYPAYMENT'].map(sideOf)).toEqual(['payable', 'payable', 'payable', 'payable']);
    expect(['ACCREC', 'ACCRECCREDIT', 'ARPREPAYMENTPAYMENT', 'ACCRECPAYMENT'].map(sideOf)).toEqual(['receivable', 'receivable', 'receivable', 'receivable']);
    expect(() => sideOf('SPEND-PREPAYMENT')).toThrow(/neither receivable/);
  });

  it('treats empty strings as absent', () => {
    expect(opt('', xeroDate)).toBeUndefined();
    expect(opt(undefined, xeroDate)).toBeUndefined();
    expect(opt('2024-03-01', xeroDate)).toBe('2024-03-01');
    expect(need('INV-1', 'InvoiceNumber')).toBe('INV-1');
    expect(() => need('', 'InvoiceID')).toThrow(/has no InvoiceID/);
  });
});
