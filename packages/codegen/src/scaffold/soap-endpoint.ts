import type { EntityChoice, ListEndpoint, LoadedWsdl } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { primaryKeyOf } from '../discovery/discover-soap-entities.js';
import { typeByName } from '../wsdl-spec/type-by-name.js';
import { wsdlContext } from '../wsdl-spec/wsdl-context.js';
import { choiceKey } from './choose-entities.js';

const SOAP_FORM = '"soap": { "operation": "search", "recordType": "Customer" }';

/**
 * The SOAP entity behind a choice of a WSDL connector: the one discovery found for its
 * operation and record type, or (for a record type discovery could not pair on its own, like
 * NetSuite `SalesOrder`, searched through `TransactionSearchBasic`) one built from another
 * entity of the same operation with the choice's `searchType` as the input's `xsi:type`.
 *
 * @throws SpecError naming the entity and what to write in portage-connector.json.
 * @example soapEndpointOf('netsuite', { name: 'customers', method: 'POST', path: '/services/Port', unified: 'Customer', soap: { operation: 'search', recordType: 'Customer' } }, endpoints, wsdl)
 */
export function soapEndpointOf(platform: string, choice: EntityChoice, endpoints: readonly ListEndpoint[], wsdl: LoadedWsdl): ListEndpoint {
  const soap = choice.soap;
  if (soap === undefined) {
    throw new SpecError(`entity "${choice.name}": ${platform} is a WSDL connector, so each entity names its SOAP operation and record type: ${SOAP_FORM} in portage-connector.json`);
  }
  const discovered = endpoints.find((endpoint) => choiceKey(endpoint) === choiceKey(choice));
  if (discovered !== undefined && (soap.searchType === undefined || soap.searchType === discovered.soap?.searchType)) return discovered;

  const operations = [...new Set(endpoints.map((endpoint) => endpoint.soap?.operation).filter((name) => name !== undefined))].sort();
  const template = endpoints.find((endpoint) => endpoint.soap?.operation === soap.operation);
  if (template?.soap === undefined) {
    throw new SpecError(
      `entity "${choice.name}": "${soap.operation}" is not a search-style operation of the WSDL (one with a continuation operation); ` +
        `use one of: ${operations.join(', ') || 'none found'}`,
    );
  }
  const record = typeByName(wsdl, soap.recordType);
  if (record?.kind !== 'complex') throw new SpecError(`entity "${choice.name}": the WSDL declares no complex type "${soap.recordType}"; name a record type of generated/types.ts`);
  const [field] = Object.keys(template.soap.input);
  const searchType = soap.searchType === undefined ? undefined : typeByName(wsdl, soap.searchType);
  if (template.soap.searchType === undefined || field === undefined || searchType?.name === undefined) {
    throw new SpecError(
      `entity "${choice.name}": ${soap.operation} cannot read ${soap.recordType} on its own; ` +
        (template.soap.searchType === undefined ? 'choose a record type discovery lists (portage generate --dry-run --report)' : `add "searchType" (the input type to send, e.g. "${template.soap.searchType}") to its "soap"`),
    );
  }
  return {
    ...template,
    path: choice.path,
    itemSchema: soap.recordType,
    primaryKey: primaryKeyOf(record, wsdlContext(wsdl)),
    evidence: [...template.evidence.filter((line) => !line.startsWith('input type')), `input type ${soap.searchType} (chosen in portage-connector.json)`],
    suggestedEntity: null,
    soap: {
      operation: soap.operation,
      recordType: soap.recordType,
      searchType: soap.searchType!,
      input: { [field]: { attributes: { xsi_type: { type: searchType.name.localName, xmlns: searchType.name.namespace } } } },
    },
  };
}
