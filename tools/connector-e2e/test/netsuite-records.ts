// Recorded-shape NetSuite 2023.2 search records for the NetSuite integration test: the
// elements, namespaces and xsi:types SuiteTalk answers with, with made-up values.

export const NS = {
  messages: 'urn:messages_2023_2.platform.webservices.netsuite.com',
  core: 'urn:core_2023_2.platform.webservices.netsuite.com',
  common: 'urn:common_2023_2.platform.webservices.netsuite.com',
  relationships: 'urn:relationships_2023_2.lists.webservices.netsuite.com',
  sales: 'urn:sales_2023_2.transactions.webservices.netsuite.com',
  accounting: 'urn:accounting_2023_2.lists.webservices.netsuite.com',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** One record as the server holds it: its id, last change and XML. */
export interface ServedRecord {
  internalId: string;
  lastModified: string;
  xml: string;
}

const ref = (prefix: string, name: string, id: string, label: string) =>
  `<${prefix}:${name} internalId="${id}"><platformCore:name>${label}</platformCore:name></${prefix}:${name}>`;

function address(prefix: string, element: string, street: string): string {
  return `<${prefix}:${element}><platformCommon:country>_unitedStates</platformCommon:country><platformCommon:addr1>${street}</platformCommon:addr1><platformCommon:city>Austin</platformCommon:city><platformCommon:state>TX</platformCommon:state><platformCommon:zip>78701</platformCommon:zip></${prefix}:${element}>`;
}

/** 12 customers, the even ones people, customer 7 inactive. */
export function customers(modified: (n: number) => string): ServedRecord[] {
  return Array.from({ length: 12 }, (_, i) => {
    const n = i + 1;
    const person = n % 2 === 0;
    const lastModified = modified(n);
    const names = person ? `<listRel:isPerson>true</listRel:isPerson><listRel:firstName>Ada${n}</listRel:firstName><listRel:lastName>Lovelace</listRel:lastName>` : `<listRel:isPerson>false</listRel:isPerson><listRel:companyName>Acme ${n} &amp; Co</listRel:companyName>`;
    const xml =
      `<platformCore:record xsi:type="listRel:Customer" internalId="${100 + n}" xmlns:listRel="${NS.relationships}" xmlns:platformCommon="${NS.common}">` +
      `<listRel:entityId>CUST-${n}</listRel:entityId>${names}<listRel:email>c${n}@example.com</listRel:email><listRel:phone>+1 512 555 01${String(n).padStart(2, '0')}</listRel:phone>` +
      `<listRel:isInactive>${n === 7}</listRel:isInactive><listRel:dateCreated>2023-01-0${(n % 9) + 1}T09:00:00.000-08:00</listRel:dateCreated><listRel:lastModifiedDate>${lastModified}</listRel:lastModifiedDate>` +
      `<listRel:balance>${n}00.50</listRel:balance><listRel:currency internalId="1"><platformCore:name>USA</platformCore:name></listRel:currency>` +
      `<listRel:addressbookList replaceAll="true"><listRel:addressbook><listRel:defaultShipping>true</listRel:defaultShipping><listRel:defaultBilling>false</listRel:defaultBilling><listRel:label>Warehouse</listRel:label>${address('listRel', 'addressbookAddress', `${n} Dock Rd`)}</listRel:addressbook>` +
      `<listRel:addressbook><listRel:defaultShipping>false</listRel:defaultShipping><listRel:defaultBilling>true</listRel:defaultBilling><listRel:label>HQ</listRel:label>${address('listRel', 'addressbookAddress', `${n} Congress Ave`)}</listRel:addressbook></listRel:addressbookList>` +
      `</platformCore:record>`;
    return { internalId: String(100 + n), lastModified, xml };
  });
}

/** Lines: [item id, name, quantity, rate, amount, tax]. */
type Line = [string, string, string, string, string, string];

const ORDER_LINES: Line[][] = [
  [['501', 'Widget', '2', '12.50', '25.00', '2.06']],
  [['501', 'Widget', '1', '12.50', '12.50', '1.03'], ['502', 'Gadget XL', '3', '19.999', '60.00', '4.95']],
  [['503', 'Bolt pack', '10', '0.35', '3.50', '0.29'], ['501', 'Widget', '4', '12.50', '50.00', '4.13'], ['502', 'Gadget XL', '1', '20.00', '20.00', '1.65']],
  [['504', 'Crate', '1', '99.00', '99.00', '8.17']],
  [['502', 'Gadget XL', '2', '20.00', '40.00', '3.30']],
  [['503', 'Bolt pack', '5', '0.35', '1.75', '0.14'], ['504', 'Crate', '2', '99.00', '198.00', '16.34']],
];
const ORDER_STATUS = ['_pendingFulfillment', '_partiallyFulfilled', '_fullyBilled', '_cancelled', '_pendingApproval', '_pendingBilling'];

function lines(prefix: string, list: Line[]): string {
  return list
    .map(([item, name, quantity, rate, amount, tax], i) =>
      `<${prefix}:item>${ref(prefix, 'item', item, name)}<${prefix}:quantity>${quantity}</${prefix}:quantity><${prefix}:description>${name} (each)</${prefix}:description>` +
      `<${prefix}:rate>${rate}</${prefix}:rate><${prefix}:amount>${amount}</${prefix}:amount><${prefix}:tax1Amt>${tax}</${prefix}:tax1Amt><${prefix}:line>${i + 1}</${prefix}:line></${prefix}:item>`,
    )
    .join('');
}

const sum = (list: Line[], at: 4 | 5) => list.reduce((total, line) => total + Math.round(Number(line[at]) * 100), 0);
const text = (cents: number) => (cents / 100).toFixed(2);

/** 6 sales orders with 1 to 3 lines, in EUR for order 4 (a currency named by its ISO code). */
export function salesOrders(modified: (n: number) => string): ServedRecord[] {
  return ORDER_LINES.map((list, i) => {
    const n = i + 1;
    const subtotal = sum(list, 4);
    const tax = sum(list, 5);
    const currency = n === 4 ? '<tranSales:currency internalId="4"><platformCore:name>EUR</platformCore:name></tranSales:currency>' : '<tranSales:currency internalId="1"><platformCore:name>USA</platformCore:name></tranSales:currency>';
    const xml =
      `<platformCore:record xsi:type="tranSales:SalesOrder" internalId="${700 + n}" xmlns:tranSales="${NS.sales}" xmlns:platformCommon="${NS.common}">` +
      `<tranSales:createdDate>2024-02-0${n}T10:15:00.000-08:00</tranSales:createdDate><tranSales:lastModifiedDate>${modified(n)}</tranSales:lastModifiedDate>` +
      `${ref('tranSales', 'entity', String(100 + n), `Customer ${n}`)}${currency}<tranSales:tranDate>2024-02-0${n}T00:00:00.000-08:00</tranSales:tranDate>` +
      `<tranSales:tranId>SO-${1000 + n}</tranSales:tranId><tranSales:orderStatus>${ORDER_STATUS[i]}</tranSales:orderStatus><tranSales:memo>Order ${n}</tranSales:memo>` +
      `${address('tranSales', 'billingAddress', `${n} Congress Ave`)}${address('tranSales', 'shippingAddress', `${n} Dock Rd`)}` +
      `<tranSales:subTotal>${text(subtotal)}</tranSales:subTotal><tranSales:discountTotal>-1.00</tranSales:discountTotal><tranSales:taxTotal>${text(tax)}</tranSales:taxTotal>` +
      `<tranSales:total>${text(subtotal + tax - 100)}</tranSales:total><tranSales:itemList>${lines('tranSales', list)}</tranSales:itemList></platformCore:record>`;
    return { internalId: String(700 + n), lastModified: modified(n), xml };
  });
}

/** 3 invoices: open, partly paid, paid. */
export function invoices(modified: (n: number) => string): ServedRecord[] {
  const remaining = ['37.12', '10.00', '0.00'];
  return ORDER_LINES.slice(0, 3).map((list, i) => {
    const n = i + 1;
    const total = sum(list, 4) + sum(list, 5);
    const xml =
      `<platformCore:record xsi:type="tranSales:Invoice" internalId="${900 + n}" xmlns:tranSales="${NS.sales}">` +
      `<tranSales:createdDate>2024-03-0${n}T08:00:00.000-08:00</tranSales:createdDate><tranSales:lastModifiedDate>${modified(n)}</tranSales:lastModifiedDate>` +
      `${ref('tranSales', 'entity', String(100 + n), `Customer ${n}`)}<tranSales:tranDate>2024-03-0${n}T00:00:00.000-08:00</tranSales:tranDate><tranSales:tranId>INV-${n}</tranSales:tranId>` +
      `<tranSales:currency internalId="1"><platformCore:name>USA</platformCore:name></tranSales:currency><tranSales:dueDate>2024-04-0${n}T00:00:00.000-07:00</tranSales:dueDate>` +
      `<tranSales:amountRemaining>${i === 0 ? text(total) : remaining[i]}</tranSales:amountRemaining><tranSales:subTotal>${text(sum(list, 4))}</tranSales:subTotal>` +
      `<tranSales:taxTotal>${text(sum(list, 5))}</tranSales:taxTotal><tranSales:total>${text(total)}</tranSales:total><tranSales:status>${i === 2 ? 'Paid In Full' : 'Open'}</tranSales:status>` +
      `<tranSales:itemList>${lines('tranSales', list)}</tranSales:itemList></platformCore:record>`;
    return { internalId: String(900 + n), lastModified: modified(n), xml };
  });
}

/** 4 inventory items with a base price; item 504 inactive. */
export function items(modified: (n: number) => string): ServedRecord[] {
  const catalogue: [string, string, string][] = [['501', 'Widget', '12.50'], ['502', 'Gadget XL', '20.00'], ['503', 'Bolt pack', '0.35'], ['504', 'Crate', '99.00']];
  return catalogue.map(([id, name, price], i) => {
    const n = i + 1;
    const xml =
      `<platformCore:record xsi:type="listAcct:InventoryItem" internalId="${id}" xmlns:listAcct="${NS.accounting}">` +
      `<listAcct:createdDate>2022-11-1${n}T12:00:00.000-08:00</listAcct:createdDate><listAcct:lastModifiedDate>${modified(n)}</listAcct:lastModifiedDate>` +
      `<listAcct:salesDescription>${name}, sold singly</listAcct:salesDescription><listAcct:itemId>SKU-${id}</listAcct:itemId><listAcct:upcCode>00000000${id}</listAcct:upcCode>` +
      `<listAcct:displayName>${name}</listAcct:displayName><listAcct:isInactive>${id === '504'}</listAcct:isInactive><listAcct:quantityOnHand>${n * 10}</listAcct:quantityOnHand>` +
      `<listAcct:pricingMatrix><listAcct:pricing><listAcct:currency internalId="1"><platformCore:name>USA</platformCore:name></listAcct:currency>` +
      `<listAcct:priceLevel internalId="1"><platformCore:name>Base Price</platformCore:name></listAcct:priceLevel><listAcct:priceList><listAcct:price><listAcct:value>${price}</listAcct:value><listAcct:quantity>0</listAcct:quantity></listAcct:price></listAcct:priceList></listAcct:pricing></listAcct:pricingMatrix>` +
      `</platformCore:record>`;
    return { internalId: id, lastModified: modified(n), xml };
  });
}
