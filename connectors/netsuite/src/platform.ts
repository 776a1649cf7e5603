import type * as Generated from './generated/types.js';

type Attributes<T> = { [K in keyof T as K extends `@${infer Name}` ? Name : never]: T[K] };
type Elements<T> = { [K in keyof T as K extends `@${string}` | '$type' ? never : K]: Wire<T[K]> };

/**
 * A generated WSDL type as the SOAP client hands it over: XML attributes under `attributes`
 * (with `xsi:type` on polymorphic values), and xsd:double/decimal/long values as the exact
 * text sent (the generated types say `number`; xsd:int stays a number, hence both).
 *
 * @example type Raw = Wire<Generated.Customer>; // raw.attributes?.internalId, raw.balance: string | number
 */
export type Wire<T> = T extends string | boolean
  ? T
  : T extends number
    ? number | string
    : T extends readonly (infer Item)[]
      ? Wire<Item>[]
      : T extends object
        ? Elements<T> & { attributes?: Attributes<T> & { 'xsi:type'?: string } }
        : T;

/** A customer record from a `CustomerSearchBasic` search. */
export type NetSuiteCustomer = Wire<Generated.Customer>;
/** A sales order from a `TransactionSearchBasic` search of type `_salesOrder`, with its lines. */
export type NetSuiteSalesOrder = Wire<Generated.SalesOrder>;
/** An invoice from a `TransactionSearchBasic` search of type `_invoice`, with its lines. */
export type NetSuiteInvoice = Wire<Generated.Invoice>;
/** An inventory item from an `ItemSearchBasic` search of type `_inventoryItem`. */
export type NetSuiteInventoryItem = Wire<Generated.InventoryItem>;
/** A postal address on a record. */
export type NetSuiteAddress = Wire<Generated.Address>;
/** A reference to another record (`attributes.internalId`, `name`). */
export type NetSuiteRecordRef = Wire<Generated.AnyRecordRef>;

export type { Generated };
