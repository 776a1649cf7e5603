import type { ListEndpoint, LoadedSpec } from '../model.js';
import { discoverListEndpoints } from './discover-list-endpoints.js';
import { discoverSoapEntities } from './discover-soap-entities.js';

/**
 * The entities a loaded spec offers: the list endpoints of an OpenAPI document, or the
 * search-style operations per record type of a WSDL set.
 *
 * @example const endpoints = discoverEntities(await loadSpec(source, { cwd }));
 */
export function discoverEntities(spec: Pick<LoadedSpec, 'document' | 'refs' | 'wsdl'>): ListEndpoint[] {
  return spec.wsdl ? discoverSoapEntities(spec.wsdl) : discoverListEndpoints(spec.document, spec.refs);
}
