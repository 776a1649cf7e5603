import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// The real WSDL sets of ../shared/specs/wsdl (next to the repository root): test and bench
// data only, read in place and never copied into the repository.

/** The workspace root, from this file's place in packages/codegen/src/wsdl. */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where the shared WSDL mirror is expected. */
export const SHARED_WSDL_DIR = join(WORKSPACE_ROOT, '..', 'shared', 'specs', 'wsdl');

/** Each set's entry file, relative to {@link SHARED_WSDL_DIR}. */
export const WSDL_TEST_SETS = {
  netsuite: 'netsuite-2023_2/netsuite.wsdl',
  'salesforce-partner': 'salesforce-39.0/partner.wsdl',
  'salesforce-enterprise': 'salesforce-39.0/enterprise.wsdl',
  'salesforce-metadata': 'salesforce-39.0/metadata.wsdl',
  ews: 'ews/services.wsdl',
  paypal: 'paypal-124.0/PayPalSvc.wsdl',
} as const;

export type WsdlTestSet = keyof typeof WSDL_TEST_SETS;

/** The absolute entry file of a set, or undefined when ../shared is absent on this machine. */
export function wsdlTestSetPath(set: WsdlTestSet): string | undefined {
  const path = join(SHARED_WSDL_DIR, WSDL_TEST_SETS[set]);
  return existsSync(path) ? path : undefined;
}
