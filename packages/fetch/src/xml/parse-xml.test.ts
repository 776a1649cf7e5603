import { isPortageError } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { parseXml } from './parse-xml.js';

function invoice(number: string, total: string): string {
  return `<Invoice><InvoiceNumber>${number}</InvoiceNumber><Total>${total}</Total></Invoice>`;
}
const XERO_PATHS = ['Response.Invoices.Invoice'];
const xeroPage = (...invoices: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Status>OK</Status><Invoices>${invoices.join('')}</Invoices></Response>`;

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseXml', () => {
  it.each<[string, string, readonly string[] | undefined, unknown]>([
    [
      'a Xero page with one invoice is still an array',
      xeroPage(invoice('INV-1', '10.50')),
      XERO_PATHS,
      { Response: { Status: 'OK', Invoices: { Invoice: [{ InvoiceNumber: 'INV-1', Total: '10.50' }] } } },
    ],
    [
      'a Xero page with two invoices',
      xeroPage(invoice('INV-1', '10.50'), invoice('INV-2', '3')),
      XERO_PATHS,
      {
        Response: {
          Status: 'OK',
          Invoices: { Invoice: [{ InvoiceNumber: 'INV-1', Total: '10.50' }, { InvoiceNumber: 'INV-2', Total: '3' }] },
        },
      },
    ],
    [
      'without arrayPaths one element is an object',
      xeroPage(invoice('INV-1', '1')),
      undefined,
      { Response: { Status: 'OK', Invoices: { Invoice: { InvoiceNumber: 'INV-1', Total: '1' } } } },
    ],
    [
      'repeated elements are an array even without arrayPaths',
      '<r><i>a</i><i>b</i></r>',
      undefined,
      { r: { i: ['a', 'b'] } },
    ],
    [
      'numeric-looking text stays a string',
      '<r><exp>1.0E7</exp><zeros>00123</zeros><big>9007199254740993123</big><hex>0x1F</hex><bool>true</bool><neg>-0.0</neg></r>',
      undefined,
      { r: { exp: '1.0E7', zeros: '00123', big: '9007199254740993123', hex: '0x1F', bool: 'true', neg: '-0.0' } },
    ],
    [
      'attributes under "@", text beside them under "#text"',
      '<r><Amount currency="EUR" rate="1.10">12.50</Amount><Flag on="00"/></r>',
      undefined,
      { r: { Amount: { '@currency': 'EUR', '@rate': '1.10', '#text': '12.50' }, Flag: { '@on': '00' } } },
    ],
    [
      'namespace prefixes are removed from elements and attributes',
      '<ns2:Envelope xmlns:ns2="urn:a"><ns2:Item ns2:id="7">x</ns2:Item></ns2:Envelope>',
      ['Envelope.Item'],
      { Envelope: { Item: [{ '@id': '7', '#text': 'x' }] } },
    ],
    [
      'entities and character references are decoded, CDATA kept as text',
      '<r><n>Smith &amp; Co &#8217;s &#xE9;</n><c><![CDATA[<b>bold</b>]]></c></r>',
      undefined,
      { r: { n: 'Smith & Co \u2019s \u00e9', c: '<b>bold</b>' } },
    ],
    ['empty elements are empty strings', '<r><a/><b></b></r>', undefined, { r: { a: '', b: '' } }],
    [
      'a nested arrayPath inside an array',
      '<R><Is><I><Ls><L>x</L></Ls></I></Is></R>',
      ['R.Is.I', 'R.Is.I.Ls.L'],
      { R: { Is: { I: [{ Ls: { L: ['x'] } }] } } },
    ],
    ['an arrayPath never makes an attribute an array', '<R><I id="1"/></R>', ['R.I', 'R.I.id'], { R: { I: [{ '@id': '1' }] } }],
    ['a BOM and leading blank lines are tolerated', '\uFEFF\n  <r>1</r>', undefined, { r: '1' }],
    [
      'internal DOCTYPE entities expand once, nested ones do not expand',
      '<!DOCTYPE r [<!ENTITY co "Acme"><!ENTITY two "&co;&co;">]><r>&co; &two;</r>',
      undefined,
      { r: 'Acme &two;' },
    ],
  ])('%s', (_name, text, arrayPaths, want) => {
    expect(parseXml(text, arrayPaths ? { arrayPaths } : {})).toEqual(want);
  });

  it.each<[string, string, number | undefined, number | undefined]>([
    ['an unclosed tag', '<Response><Invoices></Response>', 1, 21],
    ['a mismatched close on line 3', '<a>\n<b>\n</c></a>', 3, 1],
    ['plain text', 'Service Unavailable', 1, 1],
    ['a JSON body', '{"error":"nope"}', 1, 1],
    ['an empty body', '', 1, undefined],
  ])('%s -> MALFORMED_RESPONSE with a position', (_name, text, line, column) => {
    const error = errorOf(() => parseXml(text));
    expect(isPortageError(error) && error.code).toBe('MALFORMED_RESPONSE');
    if (!isPortageError(error)) return;
    expect(error.context['line']).toBe(line);
    if (column !== undefined) expect(error.context['column']).toEqual(expect.any(Number));
  });

  it('never puts the document in the error', () => {
    const secret = 'tok_should_never_appear_42';
    const error = errorOf(() => parseXml(`<r><token>${secret}</token><oops></r>`));
    expect(isPortageError(error) && error.code).toBe('MALFORMED_RESPONSE');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error)).not.toContain(secret);
  });

  it.each<[string, string]>([
    ['an external entity (XXE)', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'],
    ['a linear entity bomb past the expansion limit', `<!DOCTYPE r [<!ENTITY x "${'x'.repeat(1000)}">]><r>${'&x;'.repeat(200)}</r>`],
    ['too many entity declarations', `<!DOCTYPE r [${Array.from({ length: 30 }, (_, i) => `<!ENTITY e${i} "v">`).join('')}]><r>&e1;</r>`],
    ['a prototype-polluting element name', '<r><__proto__><polluted>1</polluted></__proto__></r>'],
  ])('refuses %s with MALFORMED_RESPONSE', (_name, text) => {
    const error = errorOf(() => parseXml(text));
    expect(isPortageError(error) && error.code).toBe('MALFORMED_RESPONSE');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a billion-laughs document small: nested entities are not expanded', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>';
    expect(parseXml(lol)).toEqual({ lolz: '&lol3;' });
  });
});
