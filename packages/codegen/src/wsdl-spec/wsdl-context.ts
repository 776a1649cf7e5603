import type { LoadedWsdl } from '../model.js';
import type { CompileContext } from '../wsdl/compile-context.js';
import { createContext } from '../wsdl/compile-wsdl.js';

// Naming every declaration of a large set (NetSuite: 1,800) is worth doing once per load:
// discovery, the surface and the scaffold all read the same names.
const contexts = new WeakMap<LoadedWsdl, CompileContext>();

/**
 * The compile context (TypeScript names, unions, substitution groups) of a loaded WSDL set,
 * made once and shared.
 *
 * @example wsdlContext(spec.wsdl).names.get('type {urn:relationships}Customer') // 'Customer'
 */
export function wsdlContext(wsdl: LoadedWsdl): CompileContext {
  let context = contexts.get(wsdl);
  if (context === undefined) {
    context = createContext(wsdl.index).context;
    contexts.set(wsdl, context);
  }
  return context;
}
