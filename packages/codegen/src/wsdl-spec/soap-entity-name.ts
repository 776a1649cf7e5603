import { camelCase, isIdentifier } from '../scaffold/names.js';

/**
 * The entity name of a SOAP record type: camelCase and plural, as REST paths name their
 * collections (`Customer` -> `customers`, `SalesOrder` -> `salesOrders`, `Opportunity` ->
 * `opportunities`, `Address` -> `addresses`).
 *
 * @example soapEntityName('SalesOrder') // 'salesOrders'
 */
export function soapEntityName(recordType: string): string {
  const name = camelCase(recordType);
  let plural: string;
  if (/[^aeiou]y$/i.test(name)) plural = `${name.slice(0, -1)}ies`;
  else if (/(?:s|x|z|ch|sh)$/i.test(name)) plural = `${name}es`;
  else plural = `${name}s`;
  return isIdentifier(plural) ? plural : `${plural}Records`;
}
