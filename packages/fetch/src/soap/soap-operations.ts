import { PortageError } from '@portage/core';
import type { Wsdl } from './load-wsdl.js';

/** Where an operation is bound: the service and port whose binding has it, and the port's address. */
export interface BoundOperation {
  service: string;
  port: string;
  /** The `soap:address` of the port; empty when the WSDL has none. */
  location: string;
}

interface PortDefinition {
  location?: string | null;
  binding?: { methods?: Record<string, unknown> };
}

/**
 * Every operation of the WSDL with the first port that binds it (or the given service/port).
 *
 * @throws PortageError CONFIG_INVALID when the service or port is not in the WSDL, or it binds nothing.
 *
 * @example bindOperations(wsdl).get('search') // { service: 'NetSuiteService', port: 'NetSuitePort', location: 'https://...' }
 */
export function bindOperations(wsdl: Wsdl, choice: { service?: string; port?: string } = {}): ReadonlyMap<string, BoundOperation> {
  const services = (wsdl.definitions as unknown as { services: Record<string, { ports: Record<string, PortDefinition> }> }).services;
  const found = new Map<string, BoundOperation>();
  for (const [service, { ports }] of Object.entries(services)) {
    if (choice.service && service !== choice.service) continue;
    for (const [port, definition] of Object.entries(ports)) {
      if (choice.port && port !== choice.port) continue;
      for (const operation of Object.keys(definition.binding?.methods ?? {})) {
        if (!found.has(operation)) found.set(operation, { service, port, location: definition.location ?? '' });
      }
    }
  }
  if (found.size === 0) {
    const wanted = [choice.service && `service "${choice.service}"`, choice.port && `port "${choice.port}"`].filter(Boolean).join(' and ');
    const available = Object.entries(services).map(([name, { ports }]) => `${name} (${Object.keys(ports).join(', ')})`);
    throw new PortageError('CONFIG_INVALID', `the WSDL has no operations${wanted ? ` for ${wanted}` : ''}: its services are ${available.join('; ') || 'none (add a wsdl:service)'}`);
  }
  return found;
}
